// Movements per period summed from per-cohort rows, signs, zero-filled periods and the lookback.
import { describe, expect, it } from 'vitest';
import { buildMovements, impliedRevenue } from '#shared/analytics/revenue-movements.ts';
import type { ActiveAggregate } from '#shared/analytics/revenue-movements.ts';

const t = { lowConfidenceBelowN: 10, hideRateBelowN: 5 };
const Q = 2024 * 4; // 2024-Q1
const active = (
  period: number,
  customers: number,
  revenue: number,
  extra: Partial<ActiveAggregate> = {},
): ActiveAggregate => ({
  period,
  customers,
  revenue,
  newCustomers: 0,
  newRevenue: 0,
  reactivationCustomers: 0,
  reactivation: 0,
  expansionCustomers: 0,
  expansion: 0,
  contractionCustomers: 0,
  contraction: 0,
  ...extra,
});

describe('buildMovements', () => {
  // Quarterly: Q1 two customers start (100 + 50); Q2 one expands 100 -> 130, the other churns;
  // Q3 nothing happens (zero-filled); Q4 the churned one is back at 40 and a new one starts at 10.
  // Rows for Q2 arrive in two parts (two cohorts) and are added up.
  const periods = buildMovements(
    [
      active(Q, 2, 150, { newCustomers: 2, newRevenue: 150 }),
      active(Q + 1, 1, 100),
      active(Q + 1, 0, 30, { expansionCustomers: 1, expansion: 30 }),
      active(Q + 2, 1, 130),
      active(Q + 3, 3, 180, { reactivationCustomers: 1, reactivation: 40, newCustomers: 1, newRevenue: 10 }),
    ],
    [{ period: Q + 1, customers: 1, revenue: 50 }],
    [{ period: Q + 4, baseCustomers: 2, baseRevenue: 150, retainedCustomers: 1, revenue: 130, capped: 100 }],
    { grain: 'quarter', firstPeriod: Q, asOfPeriod: Q + 4, thresholds: t },
  );

  it('one entry per period, labelled, the last incomplete', () => {
    expect(periods.map((p) => [p.label, p.incomplete])).toEqual([
      ['2024-Q1', false],
      ['2024-Q2', false],
      ['2024-Q3', false],
      ['2024-Q4', false],
      ['2025-Q1', true],
    ]);
  });

  it('reports losses as negative amounts and sums split rows', () => {
    expect(periods[1]).toMatchObject({
      revenue: 130,
      customers: 1,
      expansion: 30,
      expansionCustomers: 1,
      churn: -50,
      churnCustomers: 1,
    });
    expect(periods[2]).toMatchObject({ revenue: 130, newRevenue: 0, churn: 0, contraction: 0 });
    expect(Object.is(periods[2]!.churn, 0)).toBe(true);
  });

  it('revenue(p) = revenue(p - 1) + new + reactivation + expansion + contraction + churn', () => {
    let previous = 0;
    for (const p of periods.slice(0, 4)) {
      expect(impliedRevenue(previous, p)).toBeCloseTo(p.revenue, 9);
      previous = p.revenue;
    }
  });

  it('looks back four quarters for TTM NRR and GRR, none before a year of data', () => {
    expect(periods.slice(0, 4).map((p) => p.ttm)).toEqual([null, null, null, null]);
    const ttm = periods[4]!.ttm!;
    expect(ttm).toMatchObject({ baseCustomers: 2, baseRevenue: 150, retainedCustomers: 1, revenue: 130, capped: 100 });
    expect(ttm.nrr.value).toBeCloseTo(130 / 150, 12);
    expect(ttm.grr.value).toBeCloseTo(100 / 150, 12);
    expect(ttm.nrr.confidence).toBe('hidden');
  });
});
