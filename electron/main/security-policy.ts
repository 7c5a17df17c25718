// The security decisions of the main process, as pure functions (no Electron import) so they are
// unit-tested: which URLs a window may show or request, which senders may call the contract, and
// the webPreferences every window gets.

/** What a window may load: the built renderer (file:) or, in `npm run dev`, the local dev server. */
export interface AppOrigin {
  /** file:///.../out/renderer/index.html, or http://localhost:5173/ in dev. */
  rendererUrl: string;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function sameDocumentRoot(url: URL, app: URL): boolean {
  if (app.protocol === 'file:') return url.protocol === 'file:' && url.pathname === app.pathname;
  return url.origin === app.origin;
}

/** Navigation stays on the renderer page (hash routes change, the document does not). */
export function isAllowedNavigation(url: string, origin: AppOrigin): boolean {
  const target = parse(url);
  const app = parse(origin.rendererUrl);
  return !!target && !!app && sameDocumentRoot(target, app);
}

/**
 * Requests the renderer may make: its own files, inline data, devtools, and the dev server.
 * Everything else (any http(s) or ws origin) is cancelled: the app makes no network requests.
 */
export function isAllowedRequest(url: string, origin: AppOrigin): boolean {
  const target = parse(url);
  const app = parse(origin.rendererUrl);
  if (!target || !app) return false;
  if (['data:', 'blob:', 'devtools:', 'chrome-extension:'].includes(target.protocol)) return true;
  if (target.protocol === 'file:') return app.protocol === 'file:';
  if (app.protocol === 'http:' && (target.protocol === 'http:' || target.protocol === 'ws:')) {
    return target.hostname === app.hostname && target.port === app.port;
  }
  return false;
}

/** Only our own top-level renderer document may call the contract. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean, origin: AppOrigin): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAllowedNavigation(frameUrl, origin);
}

/** The webPreferences of every window: isolated, sandboxed, no Node, web security on. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  } as const;
}
