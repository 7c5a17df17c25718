// Funnel → Qualification criteria on the hand-made workspace (test/support/criteria-fixture.ts, figures
// worked by hand in test/integration/funnel/criteria.test.ts), and Home leading with the four revenue
// figures on the demo, before any MQL count.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pooledMatureConversion } from '#shared/analytics/revenue-first.ts';
import { DEFAULT_SETTINGS } from '#shared/domain/settings.ts';
import { dashboardSummary } from '#core/dashboard/dashboard-queries.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import { dataAsOf, maturityDays, trapReport } from '#core/funnel/funnel-queries.ts';
import { velocityReport } from '#core/funnel/velocity-queries.ts';
import { refreshDerived } from '#core/retention/keep-derived.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { insertCriteriaFixture } from '../support/criteria-fixture.ts';
import { insertDeals } from '../support/insert.ts';
import { closeBrowser, launchWinnow, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';

const shotDir = () => (mkdirSync(SCREENSHOT_DIR, { recursive: true }), SCREENSHOT_DIR);

describe('qualification criteria tab', () => {
  let app: Winnow;
  beforeAll(async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'winnow-e2e-criteria-')), 'criteria.winnow');
    const ws = await openWorkspace(dbPath, { mode: 'create' });
    insertCriteriaFixture(ws.sqlite);
    ws.close();
    app = await launchWinnow({ dbPath });
  });
  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('ranks the criteria with their lifts, corrected intervals and warnings', async () => {
    const { page } = app;
    await page.goto(`${app.origin}/#/funnel`);
    await page.getByTestId('funnel-tab').getByText('Qualification criteria').click();
    await page.getByTestId('criteria-table-dynamic').waitFor({ timeout: 30_000 });
    // Budget: 3/4 won met vs 0/4 not met; lift +75.0 points, corrected (z = 2.39) −3.0 to +96.6.
    const lift = await page.getByTestId('lift-budget').innerText();
    expect(lift).toContain('+75.0 pts');
    expect(lift).toContain('(−3.0 to +96.6)');
    expect(lift).toContain('95% CI +8.5 to +95.4');
    const budget = await page.getByTestId('criterion-budget').innerText();
    expect(budget).toContain('0.028 / 0.085');
    expect(budget).toContain('Too few MQLs to trust this lift (met 4, not met 4; fewer than 10).');
    const dynamic = await page.getByTestId('criteria-table-dynamic').locator('tbody tr').allInnerTexts();
    expect(dynamic[0]).toMatch(/^1\s+Has budget/);
    expect(await page.getByTestId('criteria-definition').innerText()).toContain('9 mature MQLs.');
    const byCount = await page.getByTestId('criteria-by-count').locator('tbody tr').allInnerTexts();
    expect(byCount.slice(0, 4).map((r) => r.split('\t').slice(0, 3).join(' '))).toEqual([
      '0 1 0',
      '1 3 0',
      '2 4 2',
      '3 1 1',
    ]);
    await page.getByTestId('criteria-chart').waitFor();
    await page.screenshot({ path: join(shotDir(), 'criteria.png'), fullPage: true });
  });
});

describe('home leads with revenue', () => {
  let app: Winnow;
  let expected: { conversion: string; n: string; velocity: string; competitive: string };
  beforeAll(async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'winnow-e2e-home-')), 'demo.winnow');
    const ws = await openWorkspace(dbPath, { mode: 'create' });
    loadDemo(ws.sqlite, { deals: 3000, seed: 42 });
    refreshDerived(ws.sqlite);
    const settings = readSettings(ws.sqlite);
    const maturity = { asOf: dataAsOf(ws.sqlite), days: maturityDays(ws.sqlite) };
    const pooled = pooledMatureConversion(trapReport(ws.sqlite, settings, maturity).quarters, DEFAULT_SETTINGS)!;
    const v = velocityReport(ws.sqlite, { from: null, to: null, stuckDays: null }, maturity.asOf);
    const competitive = dashboardSummary(ws.sqlite, settings).competitiveWinRate;
    expected = {
      conversion: `${(pooled.rate.rate! * 100).toFixed(1)}%`,
      n: `n=${pooled.rate.n.toLocaleString('en-US')}`,
      velocity: `${v.steps.find((s) => s.key === 'mql_won')!.current.median!.toFixed(0)} days`,
      competitive: `${(competitive.rate! * 100).toFixed(1)}%`,
    };
    ws.close();
    app = await launchWinnow({ dbPath });
  });
  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('shows MQL-to-won, velocity, competitive win rate and NRR first, each with n', async () => {
    const { page } = app;
    await page.getByTestId('dashboard').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('tile-mql-won').innerText()).toContain(expected.conversion);
    const order = await page
      .locator('[data-testid^="tile-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(order.slice(0, 5)).toEqual(['tile-mql-won', 'tile-velocity', 'tile-competitive', 'tile-nrr', 'tile-mqls']);
    expect(await page.getByTestId('tile-mql-won').innerText()).toContain(expected.n);
    await expect.poll(() => page.getByTestId('tile-velocity').innerText()).toContain(expected.velocity);
    expect(await page.getByTestId('tile-velocity').innerText()).toMatch(/quartiles \d+–\d+ days · n=[\d,]+ won/);
    expect(await page.getByTestId('tile-competitive').innerText()).toContain(expected.competitive);
    await expect.poll(() => page.getByTestId('tile-nrr').innerText()).toMatch(/\d+\.\d%/);
    expect(await page.getByTestId('tile-nrr').innerText()).toMatch(/against a year earlier · n=[\d,]+ customers/);
    await page.screenshot({ path: join(shotDir(), 'home-revenue-first.png'), fullPage: true });
  });
});

describe('home without leads', () => {
  let app: Winnow;
  beforeAll(async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'winnow-e2e-noleads-')), 'deals.winnow');
    const ws = await openWorkspace(dbPath, { mode: 'create' });
    // Competitive: 1 won, 1 lost with a competitor; the third deal has none.
    insertDeals(ws.sqlite, [
      { outcome: 'won', competitors: ['Acme'] },
      { outcome: 'lost', competitors: ['Acme'] },
      { outcome: 'won' },
    ]);
    ws.close();
    app = await launchWinnow({ dbPath });
  });
  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('says how to import leads where the MQL figures would be, and still shows the competitive win rate', async () => {
    const { page } = app;
    await page.getByTestId('dashboard').waitFor({ timeout: 30_000 });
    const note = page.getByTestId('tile-no-leads');
    expect(await note.innerText()).toContain('No leads yet.');
    expect(await note.getByRole('link', { name: 'Import leads' }).getAttribute('href')).toBe(
      '#/deals?tab=import&what=leads',
    );
    expect(await page.getByTestId('tile-competitive').innerText()).toContain(
      '1 won of 2 closed deals with a competitor',
    );
    expect(await page.getByTestId('tile-mql-won').count()).toBe(0);
  });
});
