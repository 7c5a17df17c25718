import { describe, expect, it } from 'vitest';
import {
  appFile,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  rendererOrigin,
  secureWebPreferences,
} from '../../../electron/main/security-policy.ts';
import { DEV_CSP, STRICT_CSP } from '#shared/security/csp.ts';

const built = rendererOrigin(true, undefined);
const dev = rendererOrigin(false, 'http://localhost:5173/');

describe('window security baseline', () => {
  it('isolates, sandboxes and keeps Node out of every window', () => {
    expect(secureWebPreferences('/p/preload.cjs', false)).toMatchObject({
      devTools: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('allows hash routes of the renderer and blocks navigation anywhere else', () => {
    expect(isAllowedNavigation('app://winnow/index.html#/deals', built)).toBe(true);
    expect(isAllowedNavigation('app://winnow/#/deals', built)).toBe(true);
    expect(isAllowedNavigation('app://winnow/assets/x.js', built)).toBe(false);
    expect(isAllowedNavigation('app://other/index.html', built)).toBe(false);
    expect(isAllowedNavigation('file:///opt/winnow/out/renderer/index.html', built)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', built)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', built)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', built)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/#/x', dev)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', dev)).toBe(false);
  });

  it('cancels every network request; only app://winnow, inline data and the dev server pass', () => {
    expect(isAllowedRequest('app://winnow/assets/a.js', built)).toBe(true);
    expect(isAllowedRequest('app://elsewhere/a.js', built)).toBe(false);
    expect(isAllowedRequest('file:///opt/winnow/out/renderer/assets/a.js', built)).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', dev)).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', built)).toBe(false);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', dev)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', built)).toBe(true);
    expect(isAllowedRequest('https://fonts.googleapis.com/css', built)).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:8080/', built)).toBe(false);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('https://localhost:5173/', dev)).toBe(false);
    expect(isAllowedRequest('not a url', built)).toBe(false);
  });

  it('trusts only the main frame of our own page as an IPC sender', () => {
    expect(isTrustedSender('app://winnow/index.html#/', true, built)).toBe(true);
    expect(isTrustedSender('app://winnow/index.html', false, built)).toBe(false);
    expect(isTrustedSender('file:///opt/winnow/out/renderer/index.html', true, built)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true, built)).toBe(false);
    expect(isTrustedSender(undefined, true, built)).toBe(false);
  });

  it('has a CSP with no remote origin and no inline script in builds', () => {
    expect(STRICT_CSP).toContain("default-src 'none'");
    expect(STRICT_CSP).toContain("script-src 'self';");
    expect(STRICT_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(DEV_CSP).not.toMatch(/https?:/);
  });
});

describe('where the renderer comes from', () => {
  it('honours the dev server address only unpackaged, and only on loopback', () => {
    expect(rendererOrigin(true, 'http://localhost:5173/')).toEqual({
      rendererUrl: 'app://winnow/index.html',
      devTools: false,
    });
    expect(rendererOrigin(false, 'http://localhost:5173/')).toEqual({
      rendererUrl: 'http://localhost:5173/',
      devTools: true,
    });
    expect(rendererOrigin(false, 'https://evil.example/')).toEqual({
      rendererUrl: 'app://winnow/index.html',
      devTools: true,
    });
    expect(rendererOrigin(false, 'http://192.168.1.9:5173/').rendererUrl).toBe('app://winnow/index.html');
    expect(rendererOrigin(false, undefined)).toEqual({ rendererUrl: 'app://winnow/index.html', devTools: true });
  });

  it('serves only files inside the renderer folder, of the types we ship', () => {
    const dir = '/opt/winnow/out/renderer';
    expect(appFile('app://winnow/index.html', dir)).toEqual({
      path: `${dir}/index.html`,
      type: 'text/html; charset=utf-8',
    });
    expect(appFile('app://winnow/', dir)?.path).toBe(`${dir}/index.html`);
    expect(appFile('app://winnow/assets/index-1.js?v=1#x', dir)).toEqual({
      path: `${dir}/assets/index-1.js`,
      type: 'text/javascript; charset=utf-8',
    });
    expect(appFile('app://winnow/fonts/Inter.woff2', dir)?.type).toBe('font/woff2');
    for (const bad of [
      'app://winnow/../../../etc/passwd',
      'app://winnow/%2e%2e/%2e%2e/etc/passwd',
      'app://winnow/assets/%2e%2e%2f%2e%2e%2fmain/index.js',
      'app://winnow/..%5c..%5csecret.js',
      'app://winnow/a%00.js',
      'app://winnow/%E0%A4%A',
      'app://other/index.html',
      'file:///opt/winnow/out/renderer/index.html',
      'app://winnow/secrets.winnow',
    ]) {
      expect(appFile(bad, dir), bad).toBeNull();
    }
  });
});
