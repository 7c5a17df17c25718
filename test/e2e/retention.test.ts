// Retention end to end on the demo company: a user reads the cohort heatmap, switches grain,
// metric and display, drills from a cell (in the heatmap and in the table) to its customers, and
// splits by primary win reason. Every figure is checked against the core's own report.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import { cohortReport } from '#core/retention/cohort-queries.ts';
import { drillReport } from '#core/retention/drill-queries.ts';
import { planRefresh, refreshRetention } from '#core/retention/retention-refresh.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { metricOf } from '#shared/analytics/cohort-metric.ts';
import type { CohortReport, DrillReport, Grain } from '#shared/domain/retention.ts';
import { closeBrowser, launchWinnow, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';

const pct0 = (x: number | null) => `${Math.round((x ?? 0) * 100)}%`;

describe('retention cohorts on the demo workspace', () => {
  let app: Winnow;
  const reports = {} as Record<Grain, CohortReport>;
  let priceKey = '';
  let dbPath = '';

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'winnow-e2e-retention-'));
    dbPath = join(dir, 'demo.winnow');
    const ws = await openWorkspace(dbPath, { mode: 'create' });
    loadDemo(ws.sqlite, { deals: 3000, seed: 42 });
    refreshRetention(ws.sqlite);
    const plan = planRefresh(ws.sqlite);
    const settings = readSettings(ws.sqlite);
    for (const grain of ['month', 'quarter', 'year'] as const) {
      reports[grain] = cohortReport(ws.sqlite, plan, { grain, filters: [], by: null, group: null }, settings);
    }
    priceKey = String((ws.sqlite.prepare("SELECT id FROM reasons WHERE name = 'Price'").get() as { id: number }).id);
    ws.close();
    app = await launchWinnow({ dbPath });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  const shot = async (name: string) => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await app.page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  };

  /** The expected text of a table cell: the value in percent, or counts when n is too small. */
  const expectedCell = (r: CohortReport, row: number, k: number, metric: 'logo' | 'nrr' | 'grr') => {
    const cell = r.matrix.rows[row]!.cells[k]!;
    const v = metricOf(cell, metric);
    const text = v.confidence === 'hidden' ? String(v.numerator) : pct0(v.value);
    return `${text}${cell.incomplete ? '*' : ''}`;
  };

  it('shows the quarterly logo-retention heatmap with sizes and the data’s last date, and drills from a heatmap cell', async () => {
    const { page } = app;
    await page.getByRole('link', { name: /^Retention/ }).click();
    await page.getByTestId('cohort-heatmap').waitFor();
    const q = reports.quarter;
    expect(await page.getByTestId('retention-scope').innerText()).toContain(
      `Data through ${q.asOf}: the period containing it (${q.asOfLabel}) is incomplete`,
    );
    expect(await page.getByTestId('cohort-title').innerText()).toContain(
      `Logo retention · ${q.matrix.customers.toLocaleString('en-US')} customers`,
    );
    await shot('retention-quarter-logo');

    // Click the heatmap itself: second cohort, k = 2. The grid is laid out by the option builder
    // (150 px left, 34 px top, 16 px right, 8 px bottom; one row for the average, then cohorts).
    const box = (await page.getByTestId('cohort-heatmap').boundingBox())!;
    const cols = q.matrix.maxK + 1;
    const rows = q.matrix.rows.length + 1;
    const x = box.x + 150 + (2 + 0.5) * ((box.width - 166) / cols);
    const y = box.y + 34 + (2 + 0.5) * ((box.height - 42) / rows);
    await page.mouse.click(x, y);
    await page.getByTestId('cohort-drill').waitFor();
    const cohort = q.matrix.rows[1]!;
    await expect
      .poll(() => page.getByTestId('drill-title').innerText())
      .toContain(`Cohort ${cohort.label}, ${cohort.cells[2]!.periodLabel} (2 quarters after first revenue)`);
    expect(await page.getByTestId('drill-summary').innerText()).toContain(
      `${cohort.cells[2]!.active} of ${cohort.size} customers had revenue in ${cohort.cells[2]!.periodLabel}`,
    );
  });

  it('switches to the table, then grain and metric, and every value matches the core', async () => {
    const { page } = app;
    await page.getByTestId('cohort-view').getByText('Table').click();
    const table = page.getByTestId('cohort-table');
    await table.waitFor();
    const q = reports.quarter;
    const biggest = q.matrix.rows.reduce((best, r, i) => (r.size > q.matrix.rows[best]!.size ? i : best), 0);
    const label = q.matrix.rows[biggest]!.label;
    expect(await page.getByTestId(`cell-${label}-1`).innerText()).toBe(expectedCell(q, biggest, 1, 'logo'));

    await page.getByTestId('grain').getByText('Month').click();
    const m = reports.month;
    const row = m.matrix.rows.findIndex((r) => r.size >= 10 && r.cells.length > 13);
    const monthLabel = m.matrix.rows[row]!.label;
    await expect
      .poll(() => page.getByTestId(`cell-${monthLabel}-12`).innerText())
      .toBe(expectedCell(m, row, 12, 'logo'));
    // Switching grain closed the drill: its cohort belonged to quarters.
    expect(await page.getByTestId('cohort-drill').count()).toBe(0);

    await page.getByTestId('metric').getByText('NRR').click();
    await expect
      .poll(() => page.getByTestId(`cell-${monthLabel}-12`).innerText())
      .toBe(expectedCell(m, row, 12, 'nrr'));
    expect(await page.getByTestId('cohort-title').innerText()).toContain('Net revenue retention (NRR)');
    const avg = metricOf(m.matrix.average[12]!, 'nrr');
    expect(
      await page
        .getByTestId('cohort-average')
        .locator('td')
        .nth(2 + 12)
        .innerText(),
    ).toBe(pct0(avg.value));

    await page.getByTestId('display').getByText('Counts & amounts').click();
    const amount = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'USD',
      notation: m.matrix.rows[row]!.cells[12]!.revenue >= 10_000 ? 'compact' : 'standard',
      maximumFractionDigits: m.matrix.rows[row]!.cells[12]!.revenue >= 10_000 ? 2 : 0,
    }).format(m.matrix.rows[row]!.cells[12]!.revenue);
    await expect.poll(() => page.getByTestId(`cell-${monthLabel}-12`).innerText()).toBe(amount);
    await page.getByTestId('display').getByText('%').click();

    await page.getByTestId('grain').getByText('Year').click();
    const y = reports.year;
    await expect
      .poll(() => page.getByTestId(`cell-${y.matrix.rows[1]!.label}-1`).innerText())
      .toBe(expectedCell(y, 1, 1, 'nrr'));
    await page.getByTestId('metric').getByText('GRR').click();
    await expect
      .poll(() => page.getByTestId(`cell-${y.matrix.rows[1]!.label}-1`).innerText())
      .toBe(expectedCell(y, 1, 1, 'grr'));
    await shot('retention-year-grr-table');
  });

  it('drills from a table cell into its customers, filters the list and pages', async () => {
    const { page } = app;
    await page.getByTestId('grain').getByText('Month').click();
    await page.getByTestId('metric').getByText('Logo retention').click();
    const m = reports.month;
    const row = m.matrix.rows.findIndex((r) => r.size >= 10 && r.cells.length > 13 && r.cells[12]!.active < r.size);
    const cohort = m.matrix.rows[row]!;
    await page.getByTestId(`cell-${cohort.label}-12`).click();
    await page.getByTestId('cohort-drill').waitFor();

    const ws = await openWorkspace(dbPath, { mode: 'open' });
    let all: DrillReport;
    let inactive: DrillReport;
    try {
      const base = {
        grain: 'month' as const,
        filters: [],
        by: null,
        group: null,
        cohort: cohort.cohort,
        k: 12,
        sort: 'name' as const,
        desc: false,
        offset: 0,
        limit: 100,
      };
      all = drillReport(ws.sqlite, planRefresh(ws.sqlite), { ...base, status: 'all' }, readSettings(ws.sqlite));
      inactive = drillReport(
        ws.sqlite,
        planRefresh(ws.sqlite),
        { ...base, status: 'inactive' },
        readSettings(ws.sqlite),
      );
    } finally {
      ws.close();
    }
    await expect
      .poll(() => page.getByTestId('drill-summary').innerText())
      .toContain(
        `${cohort.cells[12]!.active} of ${cohort.size} customers had revenue in ${cohort.cells[12]!.periodLabel}`,
      );
    const names = async () => page.getByTestId('drill-table').locator('tbody tr td:first-child').allInnerTexts();
    await expect
      .poll(async () => (await names()).map((n) => n.split('ACC-')[0]!.trim()))
      .toEqual(all.rows.map((r) => r.name));

    await page.getByTestId('drill-inactive').click();
    await expect.poll(async () => (await names()).length).toBe(inactive.rows.length);
    await shot('retention-drill-inactive');
    expect(await page.getByTestId('drill-table').locator('tbody tr').first().innerText()).toContain('No revenue');
    await page.getByRole('button', { name: /^Change/ }).click();
    await shot('retention-drill');
  });

  it('splits by primary win reason: customers won on price renew less', async () => {
    const { page } = app;
    await page.getByTestId('split-by').selectOption('reason');
    await page.getByTestId('split-table').waitFor();
    const ws = await openWorkspace(dbPath, { mode: 'open' });
    let split: CohortReport;
    try {
      split = cohortReport(
        ws.sqlite,
        planRefresh(ws.sqlite),
        { grain: 'month', filters: [], by: 'reason', group: null },
        readSettings(ws.sqlite),
      );
    } finally {
      ws.close();
    }
    const price = split.groups!.find((g) => g.key === priceKey)!;
    const all = split.matrix.average[12]!.logo.rate!;
    expect(price.average[12]!.logo.rate!).toBeLessThan(all);
    const priceRow = page.getByTestId('split-table').locator('tbody tr', { hasText: 'Price' });
    // Columns: reason, customers, then M1, M3, M6, M12 ...
    expect(await priceRow.locator('td').nth(4).innerText()).toContain(
      `${(price.average[12]!.logo.rate! * 100).toFixed(1)}%`,
    );
    await page.getByTestId('show-group-Price').click();
    await expect
      .poll(() => page.getByTestId('cohort-title').innerText())
      .toContain(`Logo retention · Price · ${price.customers.toLocaleString('en-US')} customers`);
    await page.getByTestId('movements-chart').waitFor();
    await shot('retention-split-price');
    await page.getByTestId('cohort-view').getByText('Heatmap').click();
    await page.getByTestId('cohort-heatmap').waitFor();
    await page.getByTestId('split-by').selectOption('');
    await page.getByTestId('metric').getByText('NRR').click();
    await expect
      .poll(() => page.getByTestId('cohort-title').innerText())
      .toContain('Net revenue retention (NRR) · 541');
    await shot('retention-month-nrr-heatmap');
  });

  it('made no request outside the app itself', () => {
    const outside = app.requests.filter(
      (u) => !u.startsWith(app.origin) && !u.startsWith('data:') && !u.startsWith('blob:'),
    );
    expect(outside).toEqual([]);
  });
});
