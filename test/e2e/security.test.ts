// The security baseline as the page sees it: a strict CSP with no remote origin, no Node in the
// page, and window.winnow exposing exactly the contract's functions.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '#shared/contract/index.ts';
import { STRICT_CSP } from '#shared/security/csp.ts';
import { closeBrowser, launchWinnow, RENDERER_DIR, requestsThatLeft } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';

describe('renderer security baseline', () => {
  let app: Winnow;
  beforeAll(async () => {
    app = await launchWinnow({ dbPath: join(mkdtempSync(join(tmpdir(), 'winnow-e2e-sec-')), 'sec.winnow') });
    await app.page.getByRole('heading', { name: 'Welcome to Winnow' }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('ships the strict CSP in the built page', () => {
    const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
    expect(html).toContain(`content="${STRICT_CSP}"`);
    expect(html).not.toMatch(/<script>(?!<)/); // no inline script
    expect(html).not.toMatch(/https?:\/\//);
  });

  // (eval is not tried here: code evaluated by the test driver is exempt from CSP's eval rule;
  // the policy's lack of 'unsafe-eval' is checked in the unit tests.)
  it('blocks remote requests and injected inline scripts in the page', async () => {
    const result = await app.page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
      let fetchBlocked = false;
      try {
        await fetch('https://example.com/track');
      } catch {
        fetchBlocked = true;
      }
      const img = document.createElement('img');
      img.src = 'https://example.com/pixel.png';
      document.body.appendChild(img);
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = true';
      document.body.appendChild(script);
      await new Promise((r) => setTimeout(r, 300));
      img.remove();
      script.remove();
      return {
        fetchBlocked,
        pwned: (window as unknown as { __pwned?: boolean }).__pwned ?? false,
        violations,
      };
    });
    expect(result.fetchBlocked).toBe(true);
    expect(result.pwned).toBe(false);
    expect(result.violations.some((v) => v.startsWith('img-src https://example.com'))).toBe(true);
    expect(result.violations.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(app.blocked.map((b) => b.url)).toContain('https://example.com/pixel.png');
    expect(requestsThatLeft(app)).toEqual([]);
  });

  it('exposes exactly the contract to the page, and no Node', async () => {
    const seen = await app.page.evaluate(() => {
      const api = (window as unknown as { winnow: Record<string, Record<string, unknown>> }).winnow;
      const fns = Object.entries(api).flatMap(([d, verbs]) =>
        Object.entries(verbs).map(([v, f]) => `${d}:${v}:${typeof f}`),
      );
      const w = window as unknown as Record<string, unknown>;
      return { fns, node: [typeof w.require, typeof w.process, typeof w.module, typeof w.Buffer] };
    });
    expect(seen.fns.sort()).toEqual(CHANNELS.map((c) => `${c}:function`).sort());
    expect(seen.node).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  });

  it('answers a malformed call with a clear error instead of running it', async () => {
    const answer = await app.page.evaluate(() =>
      (
        window as unknown as { winnow: { settings: { update: (a: unknown) => Promise<unknown> } } }
      ).winnow.settings.update({
        lowConfidenceBelowN: 'lots',
      }),
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', issues: [{ path: 'lowConfidenceBelowN' }] },
    });
  });
});
