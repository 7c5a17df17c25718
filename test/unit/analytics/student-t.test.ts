// Student t quantiles against printed tables (two-sided 95% and one-sided 95%).
import { describe, expect, it } from 'vitest';
import { incompleteBeta, logGamma, studentTCdf, studentTQuantile } from '#shared/analytics/student-t.ts';

describe('Student t distribution', () => {
  it.each([
    [1, 12.7062047362],
    [2, 4.30265272975],
    [3, 3.18244630528],
    [5, 2.57058183564],
    [10, 2.22813885196],
    [30, 2.0422724563],
    [120, 1.97993040505],
  ])('t(0.975, df=%i) = %f', (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 8);
  });

  it('one-sided and lower quantiles, symmetry, and the CDF at the quantile', () => {
    expect(studentTQuantile(0.95, 1)).toBeCloseTo(6.31375151468, 8);
    expect(studentTQuantile(0.025, 4)).toBeCloseTo(-2.7764451052, 8);
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTCdf(0, 3)).toBeCloseTo(0.5, 12);
    expect(studentTCdf(2.228138852, 10)).toBeCloseTo(0.975, 9);
    expect(studentTCdf(-2.228138852, 10)).toBeCloseTo(0.025, 9);
    // Fractional df (Welch): between its neighbours.
    const t = studentTQuantile(0.975, 2.882352941);
    expect(t).toBeGreaterThan(studentTQuantile(0.975, 3));
    expect(t).toBeLessThan(studentTQuantile(0.975, 2));
  });

  it('gamma and incomplete beta at known points', () => {
    expect(Math.exp(logGamma(5))).toBeCloseTo(24, 9);
    expect(Math.exp(logGamma(0.5))).toBeCloseTo(Math.sqrt(Math.PI), 12);
    expect(incompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 12);
    // I_x(1, 1) = x; I_x(a, 1) = x^a.
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(incompleteBeta(0.3, 3, 1)).toBeCloseTo(0.027, 12);
  });

  it('refuses nonsense', () => {
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
  });
});
