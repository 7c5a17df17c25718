import { describe, expect, it } from 'vitest';
import {
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  secureWebPreferences,
} from '../../../electron/main/security-policy.ts';
import { DEV_CSP, STRICT_CSP } from '#shared/security/csp.ts';

const built = { rendererUrl: 'file:///opt/winnow/out/renderer/index.html' };
const dev = { rendererUrl: 'http://localhost:5173/' };

describe('window security baseline', () => {
  it('isolates, sandboxes and keeps Node out of every window', () => {
    expect(secureWebPreferences('/p/preload.cjs')).toMatchObject({
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
    expect(isAllowedNavigation('file:///opt/winnow/out/renderer/index.html#/deals', built)).toBe(true);
    expect(isAllowedNavigation('file:///etc/passwd', built)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', built)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', built)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/#/x', dev)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', dev)).toBe(false);
  });

  it('cancels every network request; only local files, inline data and the dev server pass', () => {
    expect(isAllowedRequest('file:///opt/winnow/out/renderer/assets/a.js', built)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', built)).toBe(true);
    expect(isAllowedRequest('https://fonts.googleapis.com/css', built)).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:8080/', built)).toBe(false);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('https://localhost:5173/', dev)).toBe(false);
    expect(isAllowedRequest('not a url', built)).toBe(false);
  });

  it('trusts only the main frame of our own page as an IPC sender', () => {
    expect(isTrustedSender('file:///opt/winnow/out/renderer/index.html#/', true, built)).toBe(true);
    expect(isTrustedSender('file:///opt/winnow/out/renderer/index.html', false, built)).toBe(false);
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
