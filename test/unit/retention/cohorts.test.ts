// Cohort maths on literal aggregates: sizes, rates with Wilson intervals, NRR/GRR, zero-filled
// months, incomplete cells and the weighted average.
import { describe, expect, it } from 'vitest';
import { buildCohortMatrix, buildGroupMatrices, summariseGroups } from '#shared/analytics/cohorts.ts';
import type { CohortAggregate } from '#shared/analytics/cohorts.ts';
import { metricOf } from '#shared/analytics/cohort-metric.ts';

const t = { lowConfidenceBelowN: 10, hideRateBelowN: 5 };
const JAN = 2024 * 12; // month index of 2024-01
const row = (cohort: number, period: number, active: number, revenue: number, capped: number): CohortAggregate => ({
  cohort,
  period,
  active,
  revenue,
  capped,
});

describe('buildCohortMatrix', () => {
  // Cohort Jan: 10 customers paying 1,000; Feb: 8 of them pay 1,100 (capped 800); Mar: nobody;
  // Apr: 5 pay 400. Cohort Feb: 1 customer paying 50 who never returns. Data ends in April.
  const rows = [
    row(JAN, JAN, 10, 1000, 1000),
    row(JAN, JAN + 1, 8, 1100, 800),
    row(JAN, JAN + 3, 5, 400, 400),
    row(JAN + 1, JAN + 1, 1, 50, 50),
  ];
  const m = buildCohortMatrix(rows, { grain: 'month', asOfPeriod: JAN + 3, thresholds: t });

  it('has one row per cohort with its size and first-period revenue, cells up to the data', () => {
    expect(m.rows.map((r) => [r.label, r.size, r.startRevenue, r.cells.length])).toEqual([
      ['2024-01', 10, 1000, 4],
      ['2024-02', 1, 50, 3],
    ]);
    expect(m.maxK).toBe(3);
    expect(m.customers).toBe(11);
  });

  it('fills months without revenue with zeros and marks the last period incomplete', () => {
    const mar = m.rows[0]!.cells[2]!;
    expect(mar).toMatchObject({ k: 2, periodLabel: '2024-03', active: 0, revenue: 0, capped: 0, incomplete: false });
    expect(mar.logo).toMatchObject({ hits: 0, n: 10, rate: 0, low: 0 });
    expect(m.rows[0]!.cells[3]!.incomplete).toBe(true);
    expect(m.rows[1]!.cells.map((c) => c.active)).toEqual([1, 0, 0]);
  });

  it('computes logo retention with its Wilson interval, NRR above 100% and GRR capped', () => {
    const feb = m.rows[0]!.cells[1]!;
    expect(feb.logo.rate).toBe(0.8);
    expect(feb.logo.low).toBeCloseTo(0.4902, 4);
    expect(feb.logo.high).toBeCloseTo(0.9433, 4);
    expect(feb.logo.confidence).toBe('ok');
    expect(feb.nrr).toMatchObject({ numerator: 1100, denominator: 1000, value: 1.1, confidence: 'ok' });
    expect(feb.grr.value).toBe(0.8);
    // k = 0 is 1 by definition: no interval.
    expect(m.rows[0]!.cells[0]!.logo).toMatchObject({ rate: 1, low: null, high: null });
    // The cohort of one: counts only.
    expect(m.rows[1]!.cells[1]!.logo.confidence).toBe('hidden');
    expect(m.rows[1]!.cells[1]!.nrr.confidence).toBe('hidden');
  });

  it('pools complete cells in the weighted average', () => {
    expect(m.average.map((a) => [a.k, a.cohorts, a.size, a.active])).toEqual([
      [0, 2, 11, 11],
      [1, 2, 11, 8],
      [2, 1, 10, 0], // Feb's k=2 is April: incomplete, left out
      [3, 0, 0, 0], // Jan's k=3 is April: incomplete
    ]);
    expect(m.average[1]!.logo.rate).toBeCloseTo(8 / 11, 12);
    expect(m.average[1]!.nrr.value).toBeCloseTo(1100 / 1050, 12);
    expect(m.average[1]!.grr.value).toBeCloseTo(800 / 1050, 12);
    expect(m.average[3]!.logo.rate).toBeNull();
  });

  it('adds up rows that arrive split, and ignores periods after the data or before the cohort', () => {
    const split = buildCohortMatrix(
      [row(JAN, JAN, 4, 400, 400), row(JAN, JAN, 6, 600, 600), row(JAN, JAN + 9, 1, 1, 1), row(JAN, JAN - 1, 1, 1, 1)],
      { grain: 'month', asOfPeriod: JAN, thresholds: t },
    );
    expect(split.rows.map((r) => [r.size, r.startRevenue, r.cells.length])).toEqual([[10, 1000, 1]]);
  });

  it('labels quarters and years', () => {
    const q = buildCohortMatrix([row(2024 * 4 + 2, 2024 * 4 + 2, 1, 1, 1)], {
      grain: 'quarter',
      asOfPeriod: 2024 * 4 + 3,
      thresholds: t,
    });
    expect(q.rows[0]!.cells.map((c) => c.periodLabel)).toEqual(['2024-Q3', '2024-Q4']);
    const y = buildCohortMatrix([row(2023, 2023, 1, 1, 1)], { grain: 'year', asOfPeriod: 2024, thresholds: t });
    expect(y.rows[0]!.label).toBe('2023');
  });

  it('is empty without data', () => {
    expect(buildCohortMatrix([], { grain: 'month', asOfPeriod: JAN, thresholds: t })).toEqual({
      grain: 'month',
      rows: [],
      average: [
        {
          k: 0,
          cohorts: 0,
          size: 0,
          startRevenue: 0,
          active: 0,
          revenue: 0,
          capped: 0,
          logo: expect.objectContaining({ rate: null }),
          nrr: expect.objectContaining({ value: null }),
          grr: expect.objectContaining({ value: null }),
        },
      ],
      maxK: 0,
      customers: 0,
    });
  });
});

describe('groups and metrics', () => {
  it('summarises each group, largest first and "not recorded" last', () => {
    const g = (group: string, active: number) => ({ group, ...row(JAN, JAN, active, active * 10, active * 10) });
    const matrices = buildGroupMatrices([g('', 9), g('7', 3), g('3', 5)], {
      grain: 'month',
      asOfPeriod: JAN + 1,
      thresholds: t,
    });
    const labels: Record<string, string> = { '': 'No reason recorded', '7': 'Price', '3': 'Product fit' };
    expect(summariseGroups(matrices, (k) => labels[k]!).map((s) => [s.label, s.customers, s.startRevenue])).toEqual([
      ['Product fit', 5, 50],
      ['Price', 3, 30],
      ['No reason recorded', 9, 90],
    ]);
  });

  it('reads one metric of a cell as numerator, denominator and value', () => {
    const m = buildCohortMatrix([row(JAN, JAN, 20, 2000, 2000), row(JAN, JAN + 1, 15, 2500, 1700)], {
      grain: 'month',
      asOfPeriod: JAN + 2,
      thresholds: t,
    });
    const cell = m.rows[0]!.cells[1]!;
    expect(metricOf(cell, 'logo')).toMatchObject({ numerator: 15, denominator: 20, value: 0.75, counts: true });
    expect(metricOf(cell, 'logo').low).toBeCloseTo(0.5313, 4);
    expect(metricOf(cell, 'nrr')).toEqual({
      numerator: 2500,
      denominator: 2000,
      value: 1.25,
      low: null,
      high: null,
      confidence: 'ok',
      counts: false,
    });
    expect(metricOf(cell, 'grr').value).toBe(0.85);
  });
});
