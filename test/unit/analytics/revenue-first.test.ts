import { describe, expect, it } from 'vitest';
import { rateOf } from '#shared/analytics/rate.ts';
import { latestTtm, pooledMatureConversion } from '#shared/analytics/revenue-first.ts';
import type { TrapQuarter } from '#shared/domain/funnel.ts';
import type { MovementPeriod, TtmPoint } from '#shared/domain/retention.ts';

const T = { lowConfidenceBelowN: 10, hideRateBelowN: 5 };
const q = (quarter: string, won: number, mqls: number, mature = true): TrapQuarter => ({
  quarter,
  mqls,
  mature,
  conversion: mature ? rateOf(won, mqls, T) : null,
  change: null,
  flagged: false,
});

describe('pooledMatureConversion', () => {
  it('pools the last four mature quarters: (5 + 4 + 6 + 3) / (100 + 80 + 120 + 60) = 18 / 360', () => {
    const r = pooledMatureConversion(
      [
        q('2024-Q4', 50, 100),
        q('2025-Q1', 5, 100),
        q('2025-Q2', 4, 80),
        q('2025-Q3', 6, 120),
        q('2025-Q4', 3, 60),
        q('2026-Q1', 9, 10, false),
      ],
      T,
    )!;
    expect(r.quarters).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect([r.rate.hits, r.rate.n, r.rate.rate]).toEqual([18, 360, 0.05]);
    // Wilson 95% for 18/360, by hand: centre 0.054751, half-width 0.022893.
    expect(r.rate.low).toBeCloseTo(0.031858, 5);
    expect(r.rate.high).toBeCloseTo(0.077644, 5);
  });
  it('is null when no quarter is mature', () => {
    expect(pooledMatureConversion([q('2026-Q1', 1, 10, false)], T)).toBeNull();
  });
});

describe('latestTtm', () => {
  const ttm = (value: number): TtmPoint => ({
    baseCustomers: 40,
    baseRevenue: 100,
    retainedCustomers: 35,
    revenue: value * 100,
    capped: 90,
    nrr: { numerator: value * 100, denominator: 100, value, confidence: 'ok' },
    grr: { numerator: 90, denominator: 100, value: 0.9, confidence: 'ok' },
  });
  const p = (label: string, incomplete: boolean, t: TtmPoint | null) =>
    ({ label, incomplete, ttm: t }) as unknown as MovementPeriod;
  it('takes the latest complete period that has a lookback', () => {
    const r = latestTtm([p('2026-08', false, ttm(1.05)), p('2026-09', false, ttm(1.08)), p('2026-10', true, ttm(1.2))]);
    expect(r?.label).toBe('2026-09');
    expect(r?.ttm.nrr.value).toBe(1.08);
    expect(latestTtm([p('2026-10', false, null)])).toBeNull();
  });
});
