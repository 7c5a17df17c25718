// "Why we win, why we lose", the quote library and the taxonomy editor on the demo workspace:
// the screens show the numbers the core computes, copy quote gives the attribution, and a merge
// made in the editor moves the codings and shows in the counts and the change log.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import { listQuotes } from '#core/interviews/quote-queries.ts';
import { readTaxonomy } from '#core/reasons/taxonomy-queries.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { agreementAnalysis } from '#core/winloss/agreement-analysis.ts';
import { reasonAnalysis } from '#core/winloss/reason-analysis.ts';
import type { AgreementAnalysis, ReasonAnalysis } from '#shared/domain/winloss.ts';
import { closeBrowser, launchWinnow, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';

/** Waits for the UI generously: the machine running the tests may be busy. */
const POLL = 15_000;

let app: Winnow;
let dbPath: string;
let reasons: ReasonAnalysis;
let agreement: AgreementAnalysis;

const readOnly = <T>(fn: (db: Database.Database) => T): T => {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
};
const pct = (x: number | null) => `${((x ?? 0) * 100).toFixed(1)}%`;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'winnow-e2e-winloss-'));
  dbPath = join(dir, 'demo.winnow');
  const ws = await openWorkspace(dbPath, { mode: 'create' });
  loadDemo(ws.sqlite, { deals: 3000, seed: 42 });
  const settings = readSettings(ws.sqlite);
  reasons = reasonAnalysis(ws.sqlite, {}, 'reason', false, settings);
  agreement = agreementAnalysis(ws.sqlite, {}, 'reason', settings);
  ws.close();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  app = await launchWinnow({ dbPath });
  await app.page.locator('nav.sidebar a', { hasText: 'Interviews' }).click();
  await app.page.getByTestId('interviews-area').waitFor();
});

afterAll(async () => {
  await app?.close();
  await closeBrowser();
});

const tab = (label: string) => app.page.locator('.subnav a', { hasText: label }).click();

describe('why we win, why we lose', () => {
  it('shows the Pareto rows, n and intervals the core computes, each deal once', async () => {
    const { page } = app;
    await tab('Why we win & lose');
    await page.getByTestId('pareto-won').waitFor();
    const scope = reasons.scope;
    expect(await page.getByTestId('analysis-scope').innerText()).toBe(
      `${scope.interviews} interviews on ${scope.deals} deals: ${scope.byOutcome[0]!.deals} won, ${scope.byOutcome[1]!.deals} lost, ${scope.byOutcome[2]!.deals} no decision.`,
    );
    for (const panel of reasons.panels) {
      const rows = await page.getByTestId(`pareto-table-${panel.outcome}`).locator('tbody tr').allInnerTexts();
      expect(rows).toHaveLength(panel.rows.length);
      const top = panel.rows[0]!;
      expect(rows[0]).toContain(top.label);
      expect(rows[0]).toContain(pct(top.share.rate));
      expect(rows[0]).toContain(`n=${panel.n}`);
      expect(await page.getByTestId(`pareto-${panel.outcome}`).innerText()).toContain(
        `n = ${panel.n} interviewed deals`,
      );
    }
    const m = agreement.result;
    await expect
      .poll(async () => (await page.getByTestId('agreement-headline').innerText()).replace(/\s+/g, ' '), {
        timeout: POLL,
      })
      .toContain(
        `on ${m.compared - m.agree} of ${m.compared} deals: ${pct(m.differ.rate)} ${(m.differ.low! * 100).toFixed(0)}%–${(m.differ.high! * 100).toFixed(0)}% n=${m.compared}`,
      );
    expect(await page.getByTestId('rating-gap-table').locator('tbody tr').count()).toBe(7);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'interviews-analysis.png'), fullPage: true });
  });

  it('filters by competitor: the figures follow', async () => {
    const { page } = app;
    const acme = readOnly(
      (db) => db.prepare("SELECT id FROM competitors WHERE name = 'Acme Analytics'").get() as { id: number },
    );
    await page.getByTestId('analysis-competitor').selectOption(String(acme.id));
    const expected = readOnly((db) => reasonAnalysis(db, { competitorId: acme.id }, 'reason', false, readSettings(db)));
    await expect
      .poll(() => page.getByTestId('analysis-scope').innerText(), { timeout: POLL })
      .toContain(`${expected.scope.interviews} interviews on ${expected.scope.deals} deals`);
    const top = expected.panels[1]!.rows[0]!;
    await expect
      .poll(() => page.getByTestId('pareto-table-lost').locator('tbody tr').first().innerText(), { timeout: POLL })
      .toContain(top.label);
  });
});

describe('quote library', () => {
  it('filters by theme and copies a quote with its attribution', async () => {
    const { page } = app;
    await tab('Quote library');
    const pricing = readOnly(
      (db) => db.prepare("SELECT id FROM themes WHERE name = 'pricing'").get() as { id: number },
    );
    await page.getByTestId('quote-theme').selectOption(String(pricing.id));
    const expected = readOnly((db) => listQuotes(db, { themeId: pricing.id }, 0, 5));
    await expect
      .poll(() => page.getByTestId('quote-count').innerText(), { timeout: POLL })
      .toBe(`${expected.total} quotes`);
    await page.getByTestId('copy-quote').first().click();
    await expect
      .poll(() => page.getByTestId('copy-status').innerText(), { timeout: POLL })
      .toBe(`Copied: ${expected.rows[0]!.copyText}`);
    expect(expected.rows[0]!.copyText).toMatch(/^“.+” — .+, .+/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'interviews-quotes.png') });
  });
});

describe('reason taxonomy editor', () => {
  it('merges a reason: codings follow, counts and the change log show it', async () => {
    const { page } = app;
    const before = readOnly((db) => readTaxonomy(db));
    const flat = before.categories.flatMap((c) => c.reasons);
    const from = flat.find((r) => r.name === 'Understanding of our needs')!;
    const into = flat.find((r) => r.name === 'Responsiveness')!;
    expect(from.counts.interviews).toBeGreaterThan(0);
    await tab('Reasons & themes');
    const row = page.getByTestId('taxonomy-reason').filter({ hasText: 'Understanding of our needs' });
    await row.getByTestId('merge-start').click();
    await row.getByTestId('merge-target').selectOption(String(into.id));
    expect(await row.innerText()).toContain(`${from.counts.interviews} interview codings`);
    await row.getByTestId('merge-confirm').click();
    await expect
      .poll(() => page.getByTestId('taxonomy-message').innerText(), { timeout: POLL })
      .toBe('Merged "Understanding of our needs" into "Responsiveness".');
    const after = readOnly((db) => readTaxonomy(db)).categories.flatMap((c) => c.reasons);
    const merged = after.find((r) => r.id === into.id)!;
    expect(after.find((r) => r.id === from.id)!.counts.interviews).toBe(0);
    expect(merged.counts.interviews).toBeGreaterThanOrEqual(into.counts.interviews);
    expect(merged.counts.interviews).toBeLessThanOrEqual(into.counts.interviews + from.counts.interviews);
    const shown = await page
      .getByTestId('taxonomy-reason')
      .filter({ hasText: /^Responsiveness/ })
      .first()
      .innerText();
    expect(shown).toContain(`${merged.counts.interviews} (${merged.counts.primary})`);
    await expect
      .poll(() => page.getByTestId('reason-history').locator('li').first().innerText(), { timeout: POLL })
      .toContain('Merged "Understanding of our needs" into "Responsiveness"');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'interviews-taxonomy.png'), fullPage: true });
  });
});
