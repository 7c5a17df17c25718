// The security decisions of the main process, as pure functions (no Electron import) so they are
// unit-tested: where the renderer is served from, which URLs a window may show or request, which
// senders may call the contract, which files the app:// scheme may serve, and the webPreferences
// every window gets.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/** The privileged scheme the built renderer is served from (not file://, see docs/internals/process-split.md). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'winnow';
export const APP_INDEX = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** What a window may load: the built renderer (app://winnow/) or, in development, the dev server. */
export interface AppOrigin {
  /** app://winnow/index.html, or http://localhost:5173/ under `npm run dev`. */
  rendererUrl: string;
  /** DevTools may open (development only). */
  devTools: boolean;
}

/**
 * ELECTRON_RENDERER_URL (set by electron-vite's dev server) is honoured only in an unpackaged
 * build and only for a loopback http address: an installed app never loads a page from elsewhere,
 * whatever its environment says.
 */
export function rendererOrigin(packaged: boolean, devServerUrl: string | undefined): AppOrigin {
  const dev = packaged ? null : parse(devServerUrl ?? '');
  if (dev && dev.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(dev.hostname)) {
    return { rendererUrl: dev.href, devTools: true };
  }
  return { rendererUrl: APP_INDEX, devTools: !packaged };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function sameDocument(url: URL, app: URL): boolean {
  if (app.protocol === `${APP_SCHEME}:`) {
    return url.protocol === app.protocol && url.host === app.host && ['/', '/index.html'].includes(url.pathname);
  }
  return url.origin === app.origin;
}

/** Navigation stays on the renderer page (hash routes change, the document does not). */
export function isAllowedNavigation(url: string, origin: AppOrigin): boolean {
  const target = parse(url);
  const app = parse(origin.rendererUrl);
  return !!target && !!app && sameDocument(target, app);
}

/**
 * Requests the renderer may make: its own files (app://winnow/ only; never file:), inline data,
 * DevTools in development, and the dev server. Everything else (any http(s), ws or file URL) is
 * cancelled: the app makes no network requests and reads no file through the page.
 */
export function isAllowedRequest(url: string, origin: AppOrigin): boolean {
  const target = parse(url);
  const app = parse(origin.rendererUrl);
  if (!target || !app) return false;
  if (['data:', 'blob:'].includes(target.protocol)) return true;
  if (['devtools:', 'chrome-extension:'].includes(target.protocol)) return origin.devTools;
  if (target.protocol === `${APP_SCHEME}:`) return target.host === APP_HOST;
  if (app.protocol === 'http:' && (target.protocol === 'http:' || target.protocol === 'ws:')) {
    return target.hostname === app.hostname && target.port === app.port;
  }
  return false;
}

/** Only our own top-level renderer document may call the contract. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean, origin: AppOrigin): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAllowedNavigation(frameUrl, origin);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/**
 * The file an app:// URL names inside the built renderer folder, with its content type; null for
 * another host, a path that leaves the folder (.., encoded or not) or a type we never ship.
 */
export function appFile(url: string, rendererDir: string): { path: string; type: string } | null {
  const u = parse(url);
  if (!u || u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const root = resolve(rendererDir);
  const path = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  const type = TYPES[extname(path).toLowerCase()];
  return type ? { path, type } : null;
}

/** The webPreferences of every window: isolated, sandboxed, no Node, web security on. */
export function secureWebPreferences(preload: string, devTools: boolean) {
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
    devTools,
  } as const;
}
