// Win rates through the real UI: a user changes rows and columns, drills into a cell and a total,
// and the deal list counts exactly the cell's n; the heatmap, change over time, overview and a
// competitor profile show the core's figures; CSV and PNG exports write real files.
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { compareMatrix } from '#core/win-rates/change-queries.ts';
import { computeMatrix } from '#core/win-rates/matrix-queries.ts';
import { comparePeriods } from '#shared/domain/compare-periods.ts';
import { closeDateRange, trailingYears } from '#core/win-rates/overview-queries.ts';
import { competitorProfile, listCompetitors } from '#core/win-rates/profile-queries.ts';
import type { CompetitorProfile, MatrixResult } from '#shared/domain/win-rates.ts';
import { closeBrowser, launchWinnow, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';

const pct = (x: number | null) => `${((x ?? 0) * 100).toFixed(1)}%`;

describe('win rates on the demo workspace', () => {
  let app: Winnow;
  let dir: string;
  let bySegment: MatrixResult;
  let profile: CompetitorProfile;
  let significantRows: number;
  let overallA: number;
  let overallB: number;
  let lastClose: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'winnow-e2e-wr-'));
    const dbPath = join(dir, 'demo.winnow');
    const ws = await openWorkspace(dbPath, { mode: 'create' });
    loadDemo(ws.sqlite, { deals: 3000, seed: 42 });
    const settings = readSettings(ws.sqlite);
    bySegment = computeMatrix(
      ws.sqlite,
      // The screen starts on new business (a chip the user can remove).
      {
        rows: 'segment',
        cols: 'competitor',
        measure: 'count',
        period: {},
        filters: [{ dim: 'dealType', values: ['new_business'] }],
      },
      settings,
    );
    const years = trailingYears(closeDateRange(ws.sqlite, settings).last!);
    const change = compareMatrix(
      ws.sqlite,
      {
        rows: 'competitor',
        cols: 'none',
        measure: 'count',
        period: {},
        filters: [{ dim: 'dealType', values: ['new_business'] }],
      },
      years.a,
      years.b,
      settings,
    );
    significantRows = change.rowTotals.filter((c) => c.significant).length;
    overallA = change.overall.a?.closed ?? 0;
    overallB = change.overall.b?.closed ?? 0;
    lastClose = closeDateRange(ws.sqlite, settings).last!;
    const top = listCompetitors(ws.sqlite, settings)[0]!;
    profile = competitorProfile(ws.sqlite, top.id, settings);
    ws.close();
    app = await launchWinnow({ dbPath });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('changes rows and columns, drills into a cell and a total: the deal list counts exactly n', async () => {
    const { page } = app;
    await page.goto(`${app.origin}/#/win-rates?view=matrix`);
    await page.getByTestId('matrix-table').waitFor();
    await page.getByTestId('rows-select').selectOption('segment');
    await page.getByTestId('cols-select').selectOption('competitor');
    // The first body row is Enterprise (rows by name), its first column the first competitor by name.
    const first = bySegment.cells.find((c) => c.row === bySegment.rows[0]!.key && c.col === bySegment.cols[0]!.key)!;
    const cell = page.locator(`[data-testid="matrix-cell"][data-row="${first.row}"][data-col="${first.col}"]`);
    await expect.poll(() => cell.getAttribute('data-n')).toBe(String(first.closed));
    expect(await cell.innerText()).toContain(pct(first.rate.rate));
    await page.getByTestId('matrix-table').screenshot({ path: join(SCREENSHOT_DIR, 'win-rates-table.png') });

    await cell.click();
    await expect.poll(() => page.getByTestId('drill-total').innerText()).toBe(first.closed.toLocaleString('en-US'));
    expect(await page.getByTestId('drill-row').count()).toBe(Math.min(25, first.closed));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'win-rates-drill.png'), fullPage: true });

    // A column total counts each deal once, though deals with two competitors sit in two rows... here
    // the competitor is the column, so the total of a segment row.
    const rowTotal = bySegment.rowTotals[0]!;
    const total = page.locator(`[data-testid="row-total"][data-row="${rowTotal.row}"]`);
    expect(await total.getAttribute('data-n')).toBe(String(rowTotal.closed));
    await total.click();
    await expect.poll(() => page.getByTestId('drill-total').innerText()).toBe(rowTotal.closed.toLocaleString('en-US'));
    const overall = page.getByTestId('overall-total');
    expect(await overall.getAttribute('data-n')).toBe(String(bySegment.overall.closed));
    const sumOfCompetitorTotals = bySegment.colTotals.reduce((s, t) => s + t.closed, 0);
    expect(sumOfCompetitorTotals).toBeGreaterThan(bySegment.overall.closed); // multi-competitor deals
    expect(await page.getByTestId('definition').innerText()).toMatch(/closed = won \+ lost \+ no decision/);
  });

  it('shows the same matrix as a heatmap, sorts rows by an interval bound, and exports PNG and CSV', async () => {
    const { page } = app;
    await page.getByTestId('sort-rows').selectOption('low');
    await page.getByTestId('sort-descending').check();
    const ranked = [...bySegment.rowTotals]
      .filter((t) => t.rate.confidence !== 'hidden')
      .sort((a, b) => (b.rate.low ?? 0) - (a.rate.low ?? 0));
    const firstRow = page.locator('[data-testid="matrix-table"] tbody tr').first().locator('th');
    await expect.poll(() => firstRow.innerText()).toBe(bySegment.rows.find((r) => r.key === ranked[0]!.row)!.label);

    await page.getByTestId('view-heatmap').click();
    await page.getByTestId('matrix-heatmap').waitFor();
    await page.waitForTimeout(300);
    await page.getByTestId('matrix-heatmap').screenshot({ path: join(SCREENSHOT_DIR, 'win-rates-heatmap.png') });
    const png = join(dir, 'heatmap.png');
    await app.dialogs.next('saveFile', png);
    await page.getByTestId('matrix-heatmap-export').click();
    await page.getByTestId('matrix-heatmap-export-png').click();
    await expect.poll(() => page.getByTestId('matrix-heatmap-export-saved').innerText()).toContain(png);
    expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');

    await page.getByTestId('view-table').click();
    const csv = join(dir, 'matrix.csv');
    await app.dialogs.next('saveFile', csv);
    await page.getByTestId('matrix-export').click();
    await page.getByTestId('export-csv').click();
    await expect.poll(() => existsSync(csv)).toBe(true);
    const text = readFileSync(csv, 'utf8');
    // The context rows first (shared/export/context.ts), then the figures.
    expect(text.startsWith('\uFEFF# Title: Win rates by Segment and Competitor (involved)\r\n')).toBe(true);
    expect(text).toContain(`\r\n# n: ${bySegment.overall.closed} closed deals\r\n`);
    expect(text).toContain('\r\nSegment,Competitor (involved),Won,Closed (n)');
    expect(text).toContain(`Total,Total,${bySegment.overall.won},${bySegment.overall.closed},`);
  });

  it('compares two periods with Newcombe intervals and trend sparklines', async () => {
    const { page } = app;
    await page.goto(`${app.origin}/#/win-rates?view=change`);
    // Close periods are not offered as rows or columns here: the view already compares periods.
    const colOptions = await page
      .getByTestId('cols-select')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(colOptions).toContain('segment');
    expect(colOptions.filter((v) => v.startsWith('close'))).toEqual([]);
    // The default compares two whole quarters, never a whole one with a partial one.
    const whole = comparePeriods('quarter', lastClose);
    await expect
      .poll(() => page.getByTestId('change-periods').innerText())
      .toBe(`A: closed ${whole.a.from} to ${whole.a.to} · B: closed ${whole.b.from} to ${whole.b.to}`);
    await page.getByTestId('rows-select').selectOption('competitor');
    await page.getByTestId('cols-select').selectOption('none');
    await page.getByTestId('change-preset').selectOption('twelveMonths');
    await page.getByTestId('change-table').waitFor();
    await expect
      .poll(() => page.getByTestId('change-summary').innerText())
      .toContain(`${significantRows} significant change${significantRows === 1 ? '' : 's'} among the rows`);
    expect(await page.locator('[data-testid="change-table"] tbody [data-significant="true"]').count()).toBe(
      significantRows,
    );
    expect(await page.locator('[data-testid="change-table"] svg.sparkline').count()).toBeGreaterThan(5);
    // n on both sides of every A -> B, the total row's from the core's own comparison.
    expect(await page.locator('[data-testid="change-table"] tfoot [data-testid="change-n"]').last().innerText()).toBe(
      `n ${overallA.toLocaleString('en-US')} → ${overallB.toLocaleString('en-US')}`,
    );
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'win-rates-change.png'), fullPage: true });
  });

  it('shows the overview', async () => {
    const { page } = app;
    await page.goto(`${app.origin}/#/win-rates?view=overview`);
    await page.getByTestId('overview').waitFor();
    await page.getByTestId('ranked-competitors').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'win-rates-overview.png'), fullPage: true });
    expect(await page.getByTestId('tile-no-decision').innerText()).toMatch(/%/);
  });

  it('opens a competitor profile with the core figures and exports it as CSV', async () => {
    const { page } = app;
    await page.goto(`${app.origin}/#/competitors`);
    await page.getByTestId('competitor-list').waitFor();
    await page.getByTestId('competitor-link').first().click();
    await page.getByTestId('competitor-profile').waitFor();
    expect(await page.getByTestId('profile-name').innerText()).toBe(profile.name);
    const involved = await page.getByTestId('tile-involved').innerText();
    expect(involved).toContain(pct(profile.involved.rate));
    expect(involved).toContain(`${profile.involved.hits} won of ${profile.involved.n.toLocaleString('en-US')} closed`);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'competitor-profile.png'), fullPage: true });
    const csv = join(dir, 'profile.csv');
    await app.dialogs.next('saveFile', csv);
    await page.getByTestId('profile-export').click();
    await page.getByTestId('profile-csv').click();
    await expect.poll(() => existsSync(csv)).toBe(true);
    const profileCsv = readFileSync(csv, 'utf8');
    expect(profileCsv.startsWith(`\uFEFF# Title: Competitor profile: ${profile.name}\r\n`)).toBe(true);
    expect(profileCsv).toContain(`Competitor,${profile.name}`);
  });

  it('made no request outside the app itself', () => {
    const outside = app.requests.filter(
      (u) => !u.startsWith(app.origin) && !u.startsWith('data:') && !u.startsWith('blob:'),
    );
    expect(outside).toEqual([]);
  });
});
