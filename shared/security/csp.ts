// The Content-Security-Policy of the renderer. No remote origin anywhere: scripts, styles, fonts
// and images come from the app itself; nothing may be framed, posted or fetched elsewhere.
// The built app gets STRICT_CSP; `npm run dev` needs Vite's local dev server and its inline
// React-refresh preamble, so it gets DEV_CSP, which still names no remote origin.

export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
].join('; ');

export const DEV_CSP = STRICT_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*");
