// Applies security-policy.ts to Electron: the renderer is served from app://winnow/ (a privileged
// standard scheme, with the CSP sent as a header too), every web contents gets navigation,
// new-window, webview and permission guards, and every request leaving the renderer is checked.
import { app, protocol, session } from 'electron';
import { readFile } from 'node:fs/promises';
import { STRICT_CSP } from '#shared/security/csp.ts';
import type { AppOrigin } from './security-policy.ts';
import { APP_SCHEME, appFile, isAllowedNavigation, isAllowedRequest } from './security-policy.ts';

/** Before the app is ready: every renderer sandboxed, and our scheme known as secure and standard. */
export function prepareSecurity(): void {
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer's files, and nothing else, under app://winnow/. */
function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = appFile(request.url, rendererDir);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file.path);
      return new Response(body, {
        headers: {
          'content-type': file.type,
          'content-security-policy': STRICT_CSP,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

export function installSecurity(origin: AppOrigin, rendererDir: string): void {
  serveRenderer(rendererDir);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, origin)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url, origin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // DevTools are off in installed builds (webPreferences.devTools); this closes any other way in.
    if (!origin.devTools) contents.on('devtools-opened', () => contents.closeDevTools());
  });

  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, origin) });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}
