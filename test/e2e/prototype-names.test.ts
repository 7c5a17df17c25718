// Names that are Object.prototype's own words (__proto__, constructor, prototype) as competitors,
// owners, segments, reasons and themes: every screen opens, shows them as text, and nothing
// reaches Object.prototype (a label once did, through the chart library's text cache, and the
// Deals screen then failed until reload).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import { closeBrowser, launchWinnow, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';

const NAMES = ['__proto__', 'constructor', 'prototype'];
const POLL = 20_000;

/** Every screen, by its address, and text that shows its data arrived. */
const SCREENS: [string, string][] = [
  ['#/', 'Win rate'],
  ['#/deals', '__proto__'],
  ['#/win-rates?view=overview', '__proto__'],
  ['#/win-rates?view=matrix', '__proto__'],
  ['#/win-rates?view=change', '__proto__'],
  ['#/competitors', '__proto__'],
  ['#/interviews', 'Interviews'],
  ['#/interviews?view=analysis', '__proto__'],
  ['#/interviews?view=quotes', 'quotes'],
  ['#/interviews?view=taxonomy', '__proto__'],
  ['#/retention', 'Retention'],
];

let app: Winnow;
let competitorId: number;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'winnow-e2e-proto-'));
  const dbPath = join(dir, 'proto.winnow');
  const ws = await openWorkspace(dbPath, { mode: 'create' });
  const db = ws.sqlite;
  loadDemo(db, { deals: 1500, seed: 11 });
  const rename = (table: string) => {
    const ids = db.prepare(`SELECT id FROM ${table} ORDER BY id LIMIT 3`).pluck().all() as number[];
    ids.forEach((id, i) => db.prepare(`UPDATE ${table} SET name = ? WHERE id = ?`).run(NAMES[i], id));
    return ids;
  };
  [competitorId] = rename('competitors') as [number];
  rename('owners');
  rename('reasons');
  rename('themes');
  db.prepare(`UPDATE deals SET segment = '__proto__' WHERE id % 3 = 0`).run();
  db.prepare(`UPDATE deals SET region = 'constructor' WHERE id % 4 = 0`).run();
  ws.close();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  app = await launchWinnow({ dbPath });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await closeBrowser();
});

describe('names that are Object.prototype words', () => {
  it('open every screen without an error and without touching Object.prototype', async () => {
    const { page } = app;
    const baseline = await page.evaluate(() => Object.getOwnPropertyNames(Object.prototype).sort());
    for (const [hash, expected] of [...SCREENS, [`#/competitors?id=${competitorId}`, '__proto__'] as const]) {
      await page.evaluate((h) => (window.location.hash = h), hash);
      await expect.poll(() => page.locator('main').innerText(), { timeout: POLL, message: hash }).toContain(expected);
      // Let the charts of the screen draw (their labels go through the text cache).
      await page.waitForTimeout(300);
      expect(await page.locator('[role=alert]:has-text("stopped working")').count(), hash).toBe(0);
      const now = await page.evaluate(() => Object.getOwnPropertyNames(Object.prototype).sort());
      expect(now, hash).toEqual(baseline);
    }
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'prototype-names-profile.png') });
    // The Deals screen still works after every chart has drawn such labels.
    await page.evaluate(() => (window.location.hash = '#/deals'));
    await expect.poll(() => page.locator('main').innerText(), { timeout: POLL }).toContain('constructor');
  });
});
