import { describe, expect, it } from 'vitest';
import { describeRateText } from '#shared/analytics/describe-rate.ts';
import { confidenceFor, rateOf } from '#shared/analytics/rate.ts';

const t = { lowConfidenceBelowN: 10, hideRateBelowN: 5 };

describe('rateOf and the low-n rules', () => {
  it('applies the low-n thresholds of docs/METRICS.md#low-n: hidden below 5, low below 10', () => {
    expect([0, 4, 5, 9, 10, 500].map((n) => confidenceFor(n, t))).toEqual([
      'hidden',
      'hidden',
      'low',
      'low',
      'ok',
      'ok',
    ]);
  });

  it('carries counts, rate and interval', () => {
    const r = rateOf(81, 263, t);
    expect(r).toMatchObject({ hits: 81, n: 263, confidence: 'ok' });
    expect(r.rate).toBeCloseTo(0.308, 3);
    expect(r.low).toBeCloseTo(0.2553, 4);
    expect(describeRateText(r)).toBe('30.8% (95% CI 25.5%–36.6%, n = 263; 81 won)');
  });

  it('shows only counts when n is below the hide threshold, and says so', () => {
    expect(describeRateText(rateOf(2, 3, t))).toBe('2 of 3 (n too small to show a rate)');
    expect(describeRateText(rateOf(0, 0, t))).toBe('no closed deals');
    expect(describeRateText(rateOf(6, 8, t))).toContain('[low confidence]');
  });
});
