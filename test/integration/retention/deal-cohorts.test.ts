// Cohorts from won deals, worked out by hand on the customers of abc-customers.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { cohortReport } from '#core/retention/cohort-queries.ts';
import { drillReport } from '#core/retention/drill-queries.ts';
import { movementsReport } from '#core/retention/movement-queries.ts';
import { leftOutDeals, planRefresh, refreshRetention } from '#core/retention/retention-refresh.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { impliedRevenue } from '#shared/analytics/revenue-movements.ts';
import type { Grain } from '#shared/domain/retention.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';
import { seedAbc } from './abc-customers.ts';
import { m, monthsOf, q } from './insert-revenue.ts';

describe('retention from won deals', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    seedAbc(ws);
    refreshRetention(ws.sqlite);
  });
  afterEach(() => cleanup());

  const report = (grain: Grain) =>
    cohortReport(
      ws.sqlite,
      planRefresh(ws.sqlite),
      { grain, filters: [], by: null, group: null },
      readSettings(ws.sqlite),
    );

  it('turns contracts into monthly revenue: amount / 12 over whole months, overlapping deals added', () => {
    const a = monthsOf(ws.sqlite, 1);
    expect(Object.keys(a)).toHaveLength(18); // Jan 2024 .. Jun 2025 (the data's last month)
    expect(a['2024-01']).toBeCloseTo(1000, 9);
    expect(a['2024-03']).toBeCloseTo(1000, 9);
    expect(a['2024-04']).toBeCloseTo(1500, 9);
    expect(a['2024-12']).toBeCloseTo(1500, 9);
    expect(a['2025-01']).toBeCloseTo(800, 9);
    expect(a['2025-06']).toBeCloseTo(800, 9);
    expect(a['2025-07']).toBeUndefined(); // contracts run on, but the data stops in June 2025

    const b = monthsOf(ws.sqlite, 2);
    expect(Object.keys(b)).toEqual([
      ...['01', '02', '03', '04', '05', '06'].map((x) => `2024-${x}`),
      '2024-10',
      '2024-11',
      '2024-12',
      ...['01', '02', '03', '04', '05', '06'].map((x) => `2025-${x}`),
    ]);
    expect(b['2024-06']).toBeCloseTo(200, 9);
    expect(b['2024-10']).toBeCloseTo(300, 9);

    // No contract dates: starts at the close date, runs twelve months.
    const c = monthsOf(ws.sqlite, 3);
    expect(Object.keys(c)).toHaveLength(12);
    expect(Object.keys(c)[0]).toBe('2024-03');
    expect(Object.keys(c)[11]).toBe('2025-02');

    const customers = ws.sqlite
      .prepare('SELECT account_id, first_month, source FROM retention_customers ORDER BY 1')
      .all();
    expect(customers).toEqual([
      { account_id: 1, first_month: m('2024-01'), source: 'deals' },
      { account_id: 2, first_month: m('2024-01'), source: 'deals' },
      { account_id: 3, first_month: m('2024-03'), source: 'deals' },
    ]);
    expect(leftOutDeals(ws.sqlite)).toEqual({ noAccount: 1, noAmount: 0, badDates: 0 });
  });

  it('monthly matrix: logo retention, NRR and GRR with the counts and amounts behind them', () => {
    const r = report('month');
    expect(r.asOf).toBe('2025-06-20');
    expect(r.asOfLabel).toBe('2025-06');
    expect(r.customers).toBe(3);
    expect(r.matrix.rows.map((x) => [x.label, x.size, x.startRevenue])).toEqual([
      ['2024-01', 2, 1200],
      ['2024-03', 1, 500],
    ]);
    const jan = r.matrix.rows[0]!.cells;
    expect(jan).toHaveLength(18);
    const pick = (k: number) => {
      const c = jan[k]!;
      return [c.periodLabel, c.active, Math.round(c.revenue), Math.round(c.capped), c.incomplete];
    };
    expect(pick(0)).toEqual(['2024-01', 2, 1200, 1200, false]);
    expect(pick(3)).toEqual(['2024-04', 2, 1700, 1200, false]); // A expands
    expect(pick(6)).toEqual(['2024-07', 1, 1500, 1000, false]); // B churned
    expect(pick(9)).toEqual(['2024-10', 2, 1800, 1200, false]); // B is back
    expect(pick(12)).toEqual(['2025-01', 2, 1100, 1000, false]); // A contracts
    expect(pick(17)).toEqual(['2025-06', 2, 1100, 1000, true]); // the data's last month
    expect(jan[6]!.logo).toMatchObject({ hits: 1, n: 2, rate: 0.5 });
    expect(jan[6]!.logo.low).toBeCloseTo(0.0945, 3); // Wilson 95% for 1 of 2
    expect(jan[6]!.logo.high).toBeCloseTo(0.9055, 3);
    expect(jan[6]!.logo.confidence).toBe('hidden'); // n = 2 is below the hide threshold (5)
    expect(jan[0]!.logo).toMatchObject({ rate: 1, low: null, high: null });
    expect(jan[3]!.nrr.value).toBeCloseTo(1700 / 1200, 12);
    expect(jan[3]!.grr.value).toBeCloseTo(1, 12);
    expect(jan[6]!.nrr.value).toBeCloseTo(1500 / 1200, 12);
    expect(jan[6]!.grr.value).toBeCloseTo(1000 / 1200, 12);
    expect(jan[12]!.nrr).toMatchObject({ numerator: expect.closeTo(1100, 6), denominator: expect.closeTo(1200, 6) });
    expect(jan[12]!.grr.value).toBeCloseTo(1000 / 1200, 12);

    // The cohort of one: retained for its twelve months, then gone; empty months are zeros.
    const mar = r.matrix.rows[1]!.cells;
    expect(mar.map((c) => c.active)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]);
    expect(mar[12]).toMatchObject({ periodLabel: '2025-03', revenue: 0, capped: 0 });
    expect(mar[12]!.logo.rate).toBe(0);
    expect(mar[12]!.nrr.value).toBe(0);
    expect(mar[15]!.incomplete).toBe(true);
  });

  it('weighted average pools complete cells only', () => {
    const avg = report('month').matrix.average;
    expect(avg).toHaveLength(18);
    // k = 12: both cohorts complete (Jan 2025, Mar 2025): 2 of 3 customers, 1,100 of 1,700.
    expect(avg[12]).toMatchObject({ cohorts: 2, size: 3, active: 2, startRevenue: 1700 });
    expect(avg[12]!.logo.rate).toBeCloseTo(2 / 3, 12);
    expect(avg[12]!.nrr.value).toBeCloseTo(1100 / 1700, 12);
    expect(avg[12]!.grr.value).toBeCloseTo(1000 / 1700, 12);
    // k = 15: March's cell (June 2025) is incomplete, so only January's counts.
    expect(avg[15]).toMatchObject({ cohorts: 1, size: 2, active: 2 });
    // k = 17: only January reaches it, and that cell is incomplete.
    expect(avg[17]).toMatchObject({ cohorts: 0, size: 0 });
    expect(avg[17]!.logo.rate).toBeNull();
    expect(avg[17]!.nrr.value).toBeNull();
  });

  it('quarterly matrix uses average monthly revenue over the months a customer could pay for', () => {
    const r = report('quarter');
    expect(r.matrix.rows).toHaveLength(1);
    const row = r.matrix.rows[0]!;
    expect([row.label, row.size]).toEqual(['2024-Q1', 3]);
    // A 1,000; B 200; C only March counts in its first quarter: 500.
    expect(row.startRevenue).toBeCloseTo(1700, 9);
    const cell = (k: number) => row.cells[k]!;
    expect(row.cells.map((c) => c.periodLabel)).toEqual([
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
    ]);
    expect(row.cells.map((c) => c.active)).toEqual([3, 3, 2, 3, 3, 2]);
    expect(cell(1).revenue).toBeCloseTo(2200, 9);
    expect(cell(1).capped).toBeCloseTo(1700, 9);
    expect(cell(2).revenue).toBeCloseTo(2000, 9);
    expect(cell(2).logo.rate).toBeCloseTo(2 / 3, 12);
    // Q1 2025: A 800, B 300, C 1,000 over three months = 333.33.
    expect(cell(4).revenue).toBeCloseTo(800 + 300 + 1000 / 3, 9);
    expect(cell(4).capped).toBeCloseTo(800 + 200 + 1000 / 3, 9);
    // Q2 2025 is incomplete (the data ends 2025-06-20).
    expect(cell(5)).toMatchObject({ incomplete: true, active: 2 });
    expect(cell(5).revenue).toBeCloseTo(1100, 9);
    expect(r.matrix.rows[0]!.cells.at(-1)!.incomplete).toBe(true);
  });

  it('yearly matrix: the year in progress averages over its months so far', () => {
    const row = report('year').matrix.rows[0]!;
    expect([row.label, row.size]).toEqual(['2024', 3]);
    // 2024: A (3 x 1,000 + 9 x 1,500) / 12; B (6 x 200 + 3 x 300) / 12; C 10 x 500 / 10.
    expect(row.startRevenue).toBeCloseTo(16_500 / 12 + 2_100 / 12 + 500, 9);
    const y1 = row.cells[1]!;
    expect(y1).toMatchObject({ periodLabel: '2025', active: 3, incomplete: true });
    // 2025 up to June: A 800; B 300; C 1,000 / 6 months.
    expect(y1.revenue).toBeCloseTo(800 + 300 + 1000 / 6, 9);
    expect(y1.capped).toBeCloseTo(800 + 2_100 / 12 + 1000 / 6, 9);
  });

  it('revenue movements per month add up to the change in revenue, with TTM NRR and GRR', () => {
    const r = movementsReport(
      ws.sqlite,
      planRefresh(ws.sqlite),
      { grain: 'month', filters: [], by: null, group: null },
      readSettings(ws.sqlite),
    );
    const at = (label: string) => r.periods.find((p) => p.label === label)!;
    expect(r.periods[0]!.label).toBe('2024-01');
    expect(r.periods.at(-1)).toMatchObject({ label: '2025-06', incomplete: true });
    expect(at('2024-01')).toMatchObject({ newCustomers: 2, newRevenue: 1200, churn: 0, revenue: 1200 });
    expect(at('2024-02')).toMatchObject({ newRevenue: 0, expansion: 0, contraction: 0, churn: 0 });
    expect(at('2024-03')).toMatchObject({ newCustomers: 1, newRevenue: 500 });
    expect(at('2024-04').expansion).toBeCloseTo(500, 9);
    expect(at('2024-04').expansionCustomers).toBe(1);
    expect(at('2024-07')).toMatchObject({ churnCustomers: 1, churn: -200 });
    expect(at('2024-10')).toMatchObject({ reactivationCustomers: 1, reactivation: 300 });
    expect(at('2025-01').contraction).toBeCloseTo(-700, 9);
    expect(at('2025-03')).toMatchObject({ churnCustomers: 1, churn: -500 });
    let previous = 0;
    for (const p of r.periods) {
      expect(impliedRevenue(previous, p)).toBeCloseTo(p.revenue, 6);
      previous = p.revenue;
    }
    // TTM at Jan 2025 looks back to Jan 2024: A and B had 1,200; now A 800, B 300.
    expect(at('2024-12').ttm).toBeNull();
    const ttm = at('2025-01').ttm!;
    expect(ttm).toMatchObject({ baseCustomers: 2, retainedCustomers: 2 });
    expect(ttm.baseRevenue).toBeCloseTo(1200, 9);
    expect(ttm.nrr.value).toBeCloseTo(1100 / 1200, 12);
    expect(ttm.grr.value).toBeCloseTo((800 + 200) / 1200, 12);
    // Mar 2025 against Mar 2024: A 1,000, B 200, C 500 then; A 800, B 300 now (C gone).
    const mar = at('2025-03').ttm!;
    expect(mar).toMatchObject({ baseCustomers: 3, retainedCustomers: 2 });
    expect(mar.nrr.value).toBeCloseTo(1100 / 1700, 12);
    expect(mar.grr.value).toBeCloseTo(1000 / 1700, 12);
  });

  it('quarterly movements and lookback compare whole quarters', () => {
    const r = movementsReport(
      ws.sqlite,
      planRefresh(ws.sqlite),
      { grain: 'quarter', filters: [], by: null, group: null },
      readSettings(ws.sqlite),
    );
    expect(r.periods.map((p) => p.label)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
    const q3 = r.periods[2]!;
    expect(q3).toMatchObject({ churnCustomers: 1, churn: -200 }); // B
    const q1 = r.periods[4]!.ttm!;
    expect(q1.baseCustomers).toBe(3);
    expect(q1.nrr.value).toBeCloseTo((800 + 300 + 1000 / 3) / 1700, 12);
    expect(r.periods[0]!.period).toBe(q('2024-Q1'));
  });

  it('drills from a cell to its customers, with status, sort and paging in SQL', () => {
    const plan = planRefresh(ws.sqlite);
    const settings = readSettings(ws.sqlite);
    const base = {
      grain: 'month' as const,
      filters: [],
      by: null,
      group: null,
      cohort: m('2024-01'),
      sort: 'name' as const,
      desc: false,
      offset: 0,
      limit: 100,
    };
    const all = drillReport(ws.sqlite, plan, { ...base, k: 6, status: 'all' }, settings);
    expect(all).toMatchObject({
      cohortLabel: '2024-01',
      periodLabel: '2024-07',
      counts: { all: 2, active: 1, inactive: 1 },
      total: 2,
      incomplete: false,
    });
    expect(all.rows.map((r) => [r.name, Math.round(r.startRevenue), Math.round(r.revenue), r.trend])).toEqual([
      ['Acorn', 1000, 1500, 'expanded'],
      ['Birch', 200, 0, 'inactive'],
    ]);
    const inactive = drillReport(ws.sqlite, plan, { ...base, k: 6, status: 'inactive' }, settings);
    expect(inactive.rows.map((r) => r.name)).toEqual(['Birch']);
    const byChange = drillReport(
      ws.sqlite,
      plan,
      { ...base, k: 12, status: 'all', sort: 'change', desc: true },
      settings,
    );
    expect(byChange.rows.map((r) => [r.name, r.trend])).toEqual([
      ['Birch', 'expanded'],
      ['Acorn', 'contracted'],
    ]);
    const page2 = drillReport(ws.sqlite, plan, { ...base, k: 0, status: 'all', offset: 1, limit: 1 }, settings);
    expect(page2).toMatchObject({ total: 2, offset: 1 });
    expect(page2.rows.map((r) => r.name)).toEqual(['Birch']);
    expect(() => drillReport(ws.sqlite, plan, { ...base, k: 18, status: 'all' }, settings)).toThrow(
      /2025-07 is after the data's last period \(2025-06\)/,
    );
  });
});
