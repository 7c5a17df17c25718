// The needed-MQL planner's maths (docs/METRICS.md#needed-mqls, #deal-size-interval,
// #planner-simulation), checked against hand-computed values and closed forms.
import { describe, expect, it } from 'vitest';
import { dealSizeEstimate } from '#shared/analytics/deal-size.ts';
import { computePlan, neededMqls, neededRange } from '#shared/analytics/planner.ts';
import { hitProbability, mqlsForProbability, simulateHits } from '#shared/analytics/planner-simulation.ts';
import { rateOf } from '#shared/analytics/rate.ts';
import { incompleteBeta } from '#shared/analytics/student-t.ts';
import {
  lastCompleteMonths,
  lastCompleteQuarters,
  lastMatureQuarterEnd,
  nextQuarter,
  parsePlanPeriod,
} from '#shared/domain/plan-period.ts';
import type { PlanHistory } from '#shared/domain/plans.ts';
import { planInputsSchema } from '#shared/domain/plans.ts';
import { DEFAULT_SETTINGS } from '#shared/domain/settings.ts';

/** P(Binomial(M, p) ≥ k) = I_p(k, M − k + 1). */
const binomialTail = (m: number, p: number, k: number) => incompleteBeta(p, k, m - k + 1);

describe('needed MQLs', () => {
  it('is (target / deal size) / rate, rounded up', () => {
    expect(neededMqls(1_000_000, 50_000, 0.05)).toBe(400); // 20 deals / 5%
    expect(neededMqls(1_000_000, 30_000, 0.07)).toBe(477); // 33.33 / 0.07 = 476.19
  });

  it('takes its range from the ends of both intervals', () => {
    const s = { value: 50_000, low: 40_000, high: 62_500, source: 'history' as const };
    const r = { value: 0.05, low: 0.04, high: 0.0625, source: 'history' as const };
    // (1e6 / 62,500) / 0.0625 = 256; (1e6 / 40,000) / 0.04 = 625
    expect(neededRange(1_000_000, s, r)).toEqual({ low: 256, high: 625 });
  });
});

describe('deal size interval (log scale, Cox standard error)', () => {
  it('gives the mean and the log-scale interval of 10k, 20k, 40k, 80k', () => {
    const d = dealSizeEstimate([10_000, 20_000, 40_000, 80_000], DEFAULT_SETTINGS)!;
    expect(d.mean).toBe(37_500);
    // ln amounts = ln 10,000 + (0, 1, 2, 3)·ln 2: m = 10.25006, s² = (5/3)(ln 2)² = 0.800755
    expect(d.logMean).toBeCloseTo(10.2500611, 6);
    expect(d.logVariance).toBeCloseTo(0.800755, 6);
    // 37,500 · exp(± t(0.975, 3)·sqrt(s²/4 + s⁴/6)), t = 3.182446: 37,500 · exp(±1.76347)
    expect(d.low).toBeCloseTo(6429.27, 1);
    expect(d.high).toBeCloseTo(218_726.2, 1);
    expect(d.confidence).toBe('hidden');
  });

  it('has no interval for a single deal and nothing for none', () => {
    expect(dealSizeEstimate([25_000], DEFAULT_SETTINGS)).toMatchObject({ mean: 25_000, low: null, high: null });
    expect(dealSizeEstimate([], DEFAULT_SETTINGS)).toBeNull();
  });
});

describe('planner simulation', () => {
  const fixed = { target: 50_000, rate: { fixed: 0.1 }, dealSize: { fixed: 10_000 } }; // k = 5 wins

  it('matches the binomial tail when rate and deal size are fixed', () => {
    const curve = simulateHits(fixed);
    // Closed form P(Bin(M, 0.1) ≥ 5): M = 30: 0.1755, 47: 0.5122, 70: 0.8412; 10,000 draws: SE ≤ 0.005.
    for (const m of [30, 40, 47, 50, 70, 100]) {
      expect(Math.abs(hitProbability(curve, m) - binomialTail(m, 0.1, 5))).toBeLessThan(0.015);
    }
    expect(binomialTail(47, 0.1, 5)).toBeCloseTo(0.51222, 4);
    // Exact smallest M for 50%, 80%, 90%: 47, 66, 78 (P(65) = 0.791, P(66) = 0.802).
    expect(Math.abs(mqlsForProbability(curve, 0.5) - 47)).toBeLessThanOrEqual(1);
    expect(Math.abs(mqlsForProbability(curve, 0.8) - 66)).toBeLessThanOrEqual(1);
    expect(Math.abs(mqlsForProbability(curve, 0.9) - 78)).toBeLessThanOrEqual(1);
    expect(hitProbability(curve, 4)).toBe(0);
  });

  it('gives the same answer for the same seed, another for another seed', () => {
    const a = simulateHits({ ...fixed, rate: { hits: 30, n: 300 } });
    const b = simulateHits({ ...fixed, rate: { hits: 30, n: 300 } });
    const c = simulateHits({ ...fixed, rate: { hits: 30, n: 300 }, seed: 7 });
    expect(Array.from(a.needed)).toEqual(Array.from(b.needed));
    expect(Array.from(a.needed)).not.toEqual(Array.from(c.needed));
  });

  it('widens with the rate’s uncertainty: 90% needs more MQLs than with the rate fixed', () => {
    const exact = simulateHits(fixed);
    const uncertain = simulateHits({ ...fixed, rate: { hits: 10, n: 100 } });
    expect(mqlsForProbability(uncertain, 0.9)).toBeGreaterThan(mqlsForProbability(exact, 0.9));
  });

  it('centres on the plan: with both inputs uncertain the 50% point sits by the needed MQLs', () => {
    // Needed = (2,000,000 / 40,000) / 5% = 1,000; rate 500/10,000, deal size ± a log-scale spread.
    const curve = simulateHits({
      target: 2_000_000,
      rate: { hits: 500, n: 10_000 },
      dealSize: { mean: 40_000, logVariance: 0.5, n: 2_000 },
    });
    expect(Math.abs(mqlsForProbability(curve, 0.5) - 1000)).toBeLessThan(30);
    expect(Math.abs(hitProbability(curve, 1000) - 0.5)).toBeLessThan(0.05);
  });

  it('runs 10,000 draws in under 200 ms with both inputs uncertain and a large target', () => {
    const t0 = performance.now();
    simulateHits({
      target: 25_000_000,
      rate: { hits: 620, n: 17_810 },
      dealSize: { mean: 30_000, logVariance: 0.8, n: 400 },
    });
    const ms = performance.now() - t0;
    console.log(`planner simulation: ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(200);
  });
});

describe('plan periods', () => {
  it('parses a year, a quarter and a month', () => {
    expect(parsePlanPeriod('2026')).toEqual({ label: '2026', from: '2026-01-01', to: '2026-12-31', months: 12 });
    expect(parsePlanPeriod('2026q3')).toEqual({ label: '2026-Q3', from: '2026-07-01', to: '2026-09-30', months: 3 });
    expect(parsePlanPeriod('2026-02')).toEqual({ label: '2026-02', from: '2026-02-01', to: '2026-02-28', months: 1 });
    expect(parsePlanPeriod('2026-13')).toBeNull();
    expect(parsePlanPeriod('next year')).toBeNull();
  });

  it('finds the default windows from the data’s last date', () => {
    expect(nextQuarter('2025-03-01').label).toBe('2025-Q2');
    expect(nextQuarter('2025-12-31').label).toBe('2026-Q1');
    expect(lastCompleteQuarters('2025-03-01')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(lastCompleteQuarters('2025-03-31')).toEqual({ from: '2024-04-01', to: '2025-03-31' });
    expect(lastCompleteMonths('2025-03-01')).toEqual({ from: '2024-12-01', to: '2025-02-28' });
    expect(lastCompleteMonths('2025-03-31')).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    // 2025-06-30 − 60 days = 2025-05-01: Q1 (ends 03-31) is the last mature quarter.
    expect(lastMatureQuarterEnd('2025-06-30', 60)).toBe('2025-03-31');
    expect(lastMatureQuarterEnd('2025-06-30', 91)).toBe('2025-03-31'); // 2025-03-31 exactly
    expect(lastMatureQuarterEnd('2025-06-30', 92)).toBe('2024-12-31');
  });
});

describe('computePlan', () => {
  const history: PlanHistory = {
    asOf: '2025-06-30',
    window: { from: '2024-07-01', to: '2025-06-30' },
    maturityDays: 60,
    matureTo: '2025-03-31',
    rate: rateOf(20, 400, DEFAULT_SETTINGS),
    dealSize: dealSizeEstimate([10_000, 20_000, 40_000, 80_000], DEFAULT_SETTINGS),
    runRate: { from: '2025-04-01', to: '2025-06-30', mqls: 90, perMonth: 30 },
    lag: { days: 45, n: 20 },
    period: parsePlanPeriod('2025-Q4')!,
  };
  const inputs = (o: object) => planInputsSchema.parse({ target: 750_000, ...o });

  it('plans from history: needed, run-rate, gap, reverse, when to arrive', () => {
    const p = computePlan(history, inputs({}));
    // 750,000 / 37,500 = 20 deals; / 5% = 400 MQLs
    expect(p.needed).toBe(400);
    expect(p.rate).toMatchObject({ value: 0.05, source: 'history' });
    // Range: Wilson of 20/400 = [3.26%, 7.60%], deal size [6,429.27, 218,726.2]:
    // (750,000 / 218,726.2) / 0.075964 = 45.1 → 46; (750,000 / 6,429.27) / 0.032597 = 3,578.6 → 3,579
    expect(p.range!.low).toBe(46);
    expect(p.range!.high).toBe(3579);
    expect(p.runRate).toMatchObject({ mqls: 90, perMonth: 30 });
    expect(p.gap).toBe(310);
    // Reverse: 90 × 5% × 37,500 = 168,750
    expect(p.reverse!.value).toBeCloseTo(168_750, 6);
    expect(p.arrive).toEqual({ from: '2025-08-17', to: '2025-11-16', lagDays: 45 });
    expect(p.odds.map((o) => o.level)).toEqual([0.5, 0.8, 0.9]);
    expect(p.odds[0]!.mqls).toBeLessThanOrEqual(p.odds[1]!.mqls);
    expect(p.odds[1]!.mqls).toBeLessThanOrEqual(p.odds[2]!.mqls);
  });

  it('uses overrides without an interval and warns when the market is too small', () => {
    const p = computePlan(history, inputs({ dealSize: 25_000, rate: 0.1, market: 250 }));
    expect(p.needed).toBe(300); // 30 deals / 10%
    expect(p.range).toEqual({ low: 300, high: 300 });
    expect(p.marketShort).toBe(true);
    expect(p.reverse!.value).toBeCloseTo(225_000, 6); // 90 × 10% × 25,000
  });

  it('says what is missing when history has no rate and no deal size', () => {
    const p = computePlan({ ...history, rate: null, dealSize: null }, inputs({}));
    expect(p.missing).toEqual(['dealSize', 'rate']);
    expect(p.needed).toBeNull();
  });
});
