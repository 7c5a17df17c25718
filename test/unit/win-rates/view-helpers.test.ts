// Pure helpers of the win-rate screens: row sorting (interval bounds per docs/METRICS.md#ranking), period
// presets, heatmap colours and labels, sparklines, and the change of one cell.
import { describe, expect, it } from 'vitest';
import { rateOf } from '#shared/analytics/rate.ts';
import type { CompetitorSummary, MatrixFigures, MatrixResult } from '#shared/domain/win-rates.ts';
import { changeOf, periodRange } from '#core/win-rates/change-queries.ts';
import { trailingYears } from '#core/win-rates/overview-queries.ts';
import { cellColor, cellLabel, heatmapOption, sparklinePath } from '../../../renderer/src/charts/win-rates-charts.ts';
import { escapeHtml } from '../../../renderer/src/charts/escape.ts';
import { rankByLowerBound, sortRows } from '../../../renderer/src/win-rates/query.ts';
import { comparePeriods, isIncomplete } from '#shared/domain/compare-periods.ts';

const t = { lowConfidenceBelowN: 10, hideRateBelowN: 5 };
const fig = (won: number, closed: number): MatrixFigures => ({
  won,
  closed,
  wonAmount: null,
  closedAmount: null,
  rate: rateOf(won, closed, t),
  amountRate: null,
});

function matrix(rows: [string, number, number][]): MatrixResult {
  return {
    query: { rows: 'competitor', cols: 'segment', measure: 'count', period: {}, filters: [] },
    rows: rows.map(([k]) => ({ key: k, label: k })),
    cols: [{ key: 'SMB', label: 'SMB' }],
    cells: rows.map(([k, w, n]) => ({ row: k, col: 'SMB', ...fig(w, n) })),
    rowTotals: rows.map(([k, w, n]) => ({ row: k, ...fig(w, n) })),
    colTotals: [{ col: 'SMB', ...fig(0, 0) }],
    overall: fig(50, 100),
    includeNoDecision: true,
    definition: '',
    notes: [],
    currency: 'USD',
    thresholds: t,
    plan: 'copies',
  };
}

describe('row sorting', () => {
  // A: 2 of 2 (hidden), B: 30 of 60 [0.377, 0.623], C: 9 of 12 [0.468, 0.911], D: 40 of 100 [0.309, 0.498].
  const m = matrix([
    ['A', 2, 2],
    ['B', 30, 60],
    ['C', 9, 12],
    ['D', 40, 100],
  ]);
  const keys = (by: Parameters<typeof sortRows>[1], desc: boolean) => sortRows(m, by, desc).map((r) => r.key);

  it('ranks by the lower bound, so a 2-of-2 row does not top the list', () => {
    expect(keys('low', true)).toEqual(['C', 'B', 'D', 'A']);
    expect(keys('rate', true)).toEqual(['C', 'B', 'D', 'A']); // A's rate is hidden: last
  });
  it('ranks by the upper bound ascending for "weakest first"', () => {
    expect(keys('high', false)).toEqual(['D', 'B', 'C', 'A']);
  });
  it('ranks by n and by name', () => {
    expect(keys('n', true)).toEqual(['D', 'B', 'C', 'A']);
    expect(keys('label', true)).toEqual(['D', 'C', 'B', 'A']);
  });
  it('ranks competitors by lower bound, hidden last', () => {
    const c = (id: number, w: number, n: number): CompetitorSummary => ({
      id,
      name: String(id),
      encounters: n,
      involved: rateOf(w, n, t),
      headToHead: rateOf(0, 0, t),
      lastCloseDate: null,
    });
    expect(rankByLowerBound([c(1, 2, 2), c(2, 30, 60), c(3, 9, 12)]).map((x) => x.id)).toEqual([3, 2, 1]);
  });
});

describe('periods', () => {
  it('never set a whole period against a partial one', () => {
    // The data ends mid-quarter: the latest complete quarter is the one before, against its predecessor.
    expect(comparePeriods('quarter', '2026-10-31')).toEqual({
      a: { from: '2026-04-01', to: '2026-06-30' },
      b: { from: '2026-07-01', to: '2026-09-30' },
    });
    // The data reaches the quarter's last day: that quarter is complete.
    expect(comparePeriods('quarter', '2026-09-30').b).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(comparePeriods('quarter', '2026-01-05')).toEqual({
      a: { from: '2025-07-01', to: '2025-09-30' },
      b: { from: '2025-10-01', to: '2025-12-31' },
    });
    // To date: the same number of days in each (31 days: Oct 1-31 vs Jul 1-31).
    expect(comparePeriods('quarterToDate', '2026-10-31')).toEqual({
      a: { from: '2026-07-01', to: '2026-07-31' },
      b: { from: '2026-10-01', to: '2026-10-31' },
    });
    // A whole Q4 (92 days) against a whole Q3 (92 days).
    expect(comparePeriods('quarterToDate', '2026-12-31').a).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    // 61 days (Apr 1 to May 31) against Jan 1 to Mar 2; and Q1's 90 days never run into Q2.
    expect(comparePeriods('quarterToDate', '2026-05-31').a).toEqual({ from: '2026-01-01', to: '2026-03-02' });
    expect(comparePeriods('quarterToDate', '2026-06-30').a).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    // Twelve months: equal spans of a year each.
    expect(comparePeriods('twelveMonths', '2026-10-31')).toEqual({
      a: { from: '2024-11-01', to: '2025-10-31' },
      b: { from: '2025-11-01', to: '2026-10-31' },
    });
    expect(comparePeriods('twelveMonths', '2026-10-15')).toEqual({
      a: { from: '2024-10-16', to: '2025-10-15' },
      b: { from: '2025-10-16', to: '2026-10-15' },
    });
    expect(comparePeriods('year', '2026-03-15')).toEqual({
      a: { from: '2024-01-01', to: '2024-12-31' },
      b: { from: '2025-01-01', to: '2025-12-31' },
    });
    expect(comparePeriods('year', '2025-12-31').b).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(comparePeriods('yearToDate', '2026-03-15')).toEqual({
      a: { from: '2025-01-01', to: '2025-03-15' },
      b: { from: '2026-01-01', to: '2026-03-15' },
    });
    expect(trailingYears('2026-10-31')).toEqual(comparePeriods('twelveMonths', '2026-10-31'));
  });
  it('marks a period that runs past the data as incomplete', () => {
    expect(isIncomplete({ from: '2026-10-01', to: '2026-12-31' }, '2026-10-31')).toBe(true);
    expect(isIncomplete({ from: '2026-10-01' }, '2026-10-31')).toBe(true);
    expect(isIncomplete({ from: '2026-07-01', to: '2026-09-30' }, '2026-10-31')).toBe(false);
  });
  it('lists every period between two, gaps included', () => {
    expect(periodRange('closeQuarter', '2024-Q3', '2025-Q2')).toEqual(['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
    expect(periodRange('closeMonth', '2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(periodRange('closeYear', '2023', '2025')).toEqual(['2023', '2024', '2025']);
  });
});

describe('change of one cell', () => {
  it('is B - A with the Newcombe interval, significant when it excludes 0', () => {
    // B = 56/70, A = 48/80: Newcombe's example (a), [0.0524, 0.3339].
    const c = changeOf('x', null, fig(48, 80), fig(56, 70), 'count');
    expect(c.difference).toBeCloseTo(0.2, 12);
    expect(c.low).toBeCloseTo(0.0524, 4);
    expect(c.high).toBeCloseTo(0.3339, 4);
    expect(c.significant).toBe(true);
    const flat = changeOf('x', null, fig(0, 29), fig(5, 56), 'count'); // example (d)
    expect([flat.low, flat.high].map((v) => Number(v!.toFixed(4)))).toEqual([-0.0381, 0.1926]);
    expect(flat.significant).toBe(false);
  });
  it('has no change when a period has no closed deals, and no interval by amount', () => {
    expect(changeOf('x', null, null, fig(1, 2), 'count')).toMatchObject({ difference: null, significant: false });
    const a = { ...fig(1, 2), amountRate: 0.25 };
    const b = { ...fig(1, 2), amountRate: 0.75 };
    expect(changeOf('x', null, a, b, 'amount')).toMatchObject({
      difference: 0.5,
      low: null,
      high: null,
      significant: false,
    });
  });
});

describe('heatmap', () => {
  it('colours by distance from the overall rate, pale when n is low, grey when hidden', () => {
    expect(cellColor(0.5, 0.5, 'ok')).toBe('rgb(244, 246, 248)');
    expect(cellColor(0.75, 0.5, 'ok')).toBe('rgb(76, 155, 111)'); // 85% of the way to green at +25 points
    expect(cellColor(0.25, 0.5, 'ok')).toBe('rgb(200, 85, 74)');
    expect(cellColor(0.75, 0.5, 'low')).toBe('rgb(175, 209, 192)');
    expect(cellColor(0.75, 0.5, 'hidden')).toBe('#e9ecf0');
  });
  it('labels cells with the rate, or the counts when n is too small', () => {
    expect(cellLabel(fig(3, 4), 'count')).toBe('3/4');
    expect(cellLabel(fig(9, 12), 'count')).toBe('75%');
    expect(cellLabel(fig(0, 0), 'count')).toBe('');
  });
  it('puts the first row on top and carries each cell key for drill-down, labels escaped in tooltips', () => {
    const m = matrix([
      ['<b>A</b>', 9, 12],
      ['B', 30, 60],
    ]);
    const o = heatmapOption(m, m.rows) as {
      yAxis: { data: string[] };
      series: { data: { value: number[]; row: string; col: string; tip: string }[] }[];
    };
    expect(o.yAxis.data).toEqual(['B', '<b>A</b>']);
    const a = o.series[0]!.data.find((d) => d.row === '<b>A</b>')!;
    expect(a).toMatchObject({ value: [0, 1, 0.75], col: 'SMB' });
    expect(a.tip.startsWith('&lt;b&gt;A&lt;/b&gt; · SMB<br/>75.0% (95% CI')).toBe(true);
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });
  it('draws sparklines with gaps where the rate is hidden', () => {
    const p = (period: string, w: number, n: number) => ({ period, won: w, closed: n, rate: rateOf(w, n, t) });
    expect(sparklinePath([p('q1', 5, 10), p('q2', 1, 2), p('q3', 10, 10), p('q4', 0, 20)], 30, 10)).toBe(
      'M0.0 5.0 M20.0 0.0 L30.0 10.0',
    );
  });
});
