import { describe, expect, it } from 'vitest';
import { wilson } from '#shared/analytics/wilson.ts';

describe('wilson', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table II
  // (method 3, score interval without continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i gives [%f, %f] as published', (k, n, low, high) => {
    const ci = wilson(k, n)!;
    expect(ci.low).toBeCloseTo(low, 4);
    expect(ci.high).toBeCloseTo(high, 4);
  });

  it('is exactly 0 or 1 at the ends and symmetric around one half', () => {
    expect(wilson(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.2775, 4) });
    expect(wilson(10, 10)).toEqual({ low: expect.closeTo(0.7225, 4), high: 1 });
    const half = wilson(5, 10)!;
    expect(half.low + half.high).toBeCloseTo(1, 12);
    expect(half.low).toBeCloseTo(0.2366, 4);
  });

  it('does not let 2 of 2 look certain', () => {
    const ci = wilson(2, 2)!;
    expect(ci.high).toBe(1);
    expect(ci.low).toBeCloseTo(0.3424, 4);
  });

  it('has no interval for n = 0 and refuses impossible counts', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(() => wilson(3, 2)).toThrow(RangeError);
    expect(() => wilson(-1, 2)).toThrow(RangeError);
  });
});
