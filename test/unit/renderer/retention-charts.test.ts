// Retention chart options from literal reports: what each heatmap cell says and how it is
// coloured, the low-n rules, the data order a click maps back through, and the movement and TTM
// series (signs, the incomplete period, and user text escaped in tooltips).
import { describe, expect, it } from 'vitest';
import { buildCohortMatrix, summariseGroups } from '#shared/analytics/cohorts.ts';
import { buildMovements } from '#shared/analytics/revenue-movements.ts';
import {
  cellText,
  cohortHeatmapOption,
  heatColor,
  heatmapCells,
  heatScale,
  HIDDEN_FILL,
  movementsOption,
  splitCurvesOption,
  textOn,
  ttmOption,
} from '../../../renderer/src/charts/retention-charts.ts';
import { escapeHtml } from '../../../renderer/src/charts/escape.ts';
import { metricOf } from '#shared/analytics/cohort-metric.ts';

const t = { lowConfidenceBelowN: 10, hideRateBelowN: 5 };
const JAN = 2024 * 12;
// Cohort Jan: 20 customers, 15 in Feb, 10 in Mar (data ends in March). Cohort Feb: 3 customers.
const matrix = buildCohortMatrix(
  [
    { cohort: JAN, period: JAN, active: 20, revenue: 2000, capped: 2000 },
    { cohort: JAN, period: JAN + 1, active: 15, revenue: 2400, capped: 1500 },
    { cohort: JAN, period: JAN + 2, active: 10, revenue: 1200, capped: 1000 },
    { cohort: JAN + 1, period: JAN + 1, active: 3, revenue: 300, capped: 300 },
    { cohort: JAN + 1, period: JAN + 2, active: 2, revenue: 200, capped: 200 },
  ],
  { grain: 'month', asOfPeriod: JAN + 2, thresholds: t },
);
type Item = {
  value: [number, number, number];
  itemStyle: { color: string; opacity: number; borderWidth: number };
  label: { formatter: string };
};

describe('cohort heatmap option', () => {
  it('spans the colours over the data: 75% to 100% for logo retention here, grey when hidden', () => {
    const scale = heatScale(matrix, 'logo');
    expect(scale).toEqual({ lo: 0.5, hi: 1 });
    expect(heatColor(1, scale)).toBe('#1f3a5f');
    expect(heatColor(0.5, scale)).toBe('#f4f6fa');
    expect(heatColor(0.1, scale)).toBe('#f4f6fa');
    expect(heatColor(null, scale)).toBe(HIDDEN_FILL);
    expect(textOn('#1f3a5f')).toBe('#ffffff');
    expect(textOn('#f4f6fa')).toBe('#1b2430');
    expect(heatScale(matrix, 'nrr').hi).toBe(1.2);
  });

  it('writes one item per cell, the average row first, labels with * for incomplete cells', () => {
    const scale = heatScale(matrix, 'logo');
    const option = cohortHeatmapOption(matrix, {
      metric: 'logo',
      scale,
      display: 'percent',
      currency: 'USD',
      grain: 'month',
      selected: { cohort: JAN, k: 1 },
    }) as {
      yAxis: { data: string[] };
      series: { data: Item[] }[];
    };
    expect(option.yAxis.data).toEqual(['Weighted average', '2024-01 · 20', '2024-02 · 3']);
    const items = option.series[0]!.data;
    expect(items).toHaveLength(3 + 3 + 2);
    expect(heatmapCells(matrix)).toEqual([
      { cohort: null, k: 0 },
      { cohort: null, k: 1 },
      { cohort: null, k: 2 },
      { cohort: JAN, k: 0 },
      { cohort: JAN, k: 1 },
      { cohort: JAN, k: 2 },
      { cohort: JAN + 1, k: 0 },
      { cohort: JAN + 1, k: 1 },
    ]);
    const labels = items.map((i) => i.label.formatter);
    // Average: k=1 pools only the complete January cell (15 of 20); k=2 has no complete cell.
    expect(labels.slice(0, 3)).toEqual(['100%', '75%', '–']);
    expect(labels.slice(3, 6)).toEqual(['100%', '75%', '50%*']);
    // February has 3 customers: below the hide threshold, counts only, on grey.
    expect(labels.slice(6)).toEqual(['3', '2*']);
    expect(items[6]!.itemStyle.color).toBe(HIDDEN_FILL);
    expect(items[5]!.itemStyle.opacity).toBe(0.45); // incomplete
    expect(items[4]!.itemStyle.borderWidth).toBe(3); // selected
    expect(items[4]!.value).toEqual([1, 1, 0.75]);
  });

  it('shows counts and amounts when asked', () => {
    const jan = matrix.rows[0]!.cells[1]!;
    expect(cellText(metricOf(jan, 'logo'), 'absolute', 'USD')).toBe('15');
    expect(cellText(metricOf(jan, 'nrr'), 'absolute', 'USD')).toBe('$2,400');
    expect(cellText(metricOf(jan, 'nrr'), 'percent', 'USD')).toBe('120%');
  });
});

describe('split, movements and TTM options', () => {
  it('draws one curve per group without the points whose n is too small', () => {
    const groups = summariseGroups(new Map([['7', matrix]]), () => 'Price <b>');
    const option = splitCurvesOption(groups, 'logo', 'month', 'USD') as {
      series: { name: string; data: ({ value: number } | null)[] }[];
      tooltip: { formatter: (p: { dataIndex: number }[]) => string };
    };
    expect(option.series[0]!.name).toBe('Price <b>'); // canvas text, not HTML
    expect(option.series[0]!.data.map((d) => d?.value ?? null)).toEqual([100, 75, null]);
    expect(option.tooltip.formatter([{ dataIndex: 1 }])).toContain('Price &lt;b&gt;');
  });

  const periods = buildMovements(
    [
      {
        period: JAN,
        customers: 2,
        revenue: 300,
        newCustomers: 2,
        newRevenue: 300,
        reactivationCustomers: 0,
        reactivation: 0,
        expansionCustomers: 0,
        expansion: 0,
        contractionCustomers: 0,
        contraction: 0,
      },
      {
        period: JAN + 12,
        customers: 1,
        revenue: 250,
        newCustomers: 0,
        newRevenue: 0,
        reactivationCustomers: 0,
        reactivation: 0,
        expansionCustomers: 1,
        expansion: 50,
        contractionCustomers: 0,
        contraction: 0,
      },
    ],
    [{ period: JAN + 1, customers: 1, revenue: 100 }],
    [{ period: JAN + 12, baseCustomers: 20, baseRevenue: 300, retainedCustomers: 10, revenue: 250, capped: 200 }],
    { grain: 'month', firstPeriod: JAN, asOfPeriod: JAN + 12, thresholds: t },
  );

  it('stacks gains above zero and losses below, fading the incomplete period', () => {
    const option = movementsOption(periods, 'USD') as {
      series: { name: string; stack: string; data: { value: number; itemStyle?: { opacity: number } }[] }[];
    };
    expect(option.series.map((s) => [s.name, s.stack])).toEqual([
      ['New', 'gain'],
      ['Expansion', 'gain'],
      ['Reactivation', 'gain'],
      ['Contraction', 'loss'],
      ['Churn', 'loss'],
    ]);
    expect(option.series[4]!.data[1]!.value).toBe(-100);
    expect(option.series[1]!.data[12]).toEqual({ value: 50, itemStyle: { opacity: 0.4 } });
  });

  it('starts the TTM lines a year in, hollow where the period is incomplete', () => {
    const option = ttmOption(periods, 'USD') as {
      xAxis: { data: string[] };
      series: { data: ({ value: number; symbol: string } | null)[] }[];
    };
    expect(option.xAxis.data).toEqual(['2025-01']);
    expect(option.series[0]!.data[0]).toMatchObject({ value: 83.3, symbol: 'emptyCircle' });
    expect(option.series[1]!.data[0]).toMatchObject({ value: 66.7 });
  });

  it('escapes user text for HTML tooltips', () => {
    expect(escapeHtml(`<img src=x onerror="a()">&'`)).toBe('&lt;img src=x onerror=&quot;a()&quot;&gt;&amp;&#39;');
  });
});
