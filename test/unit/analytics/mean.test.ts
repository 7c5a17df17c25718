// Means of ratings with t-intervals, Welch differences and paired differences, computed by hand.
import { describe, expect, it } from 'vitest';
import { meanOf, momentsOf, pairedDifference, welchDifference } from '#shared/analytics/mean.ts';
import { studentTQuantile } from '#shared/analytics/student-t.ts';

const T = { lowConfidenceBelowN: 10, hideRateBelowN: 5 };

describe('meanOf', () => {
  it('ratings 4, 5, 3: mean 4, sd 1, t-interval with df 2, clamped to the 1-5 scale', () => {
    const m = meanOf(momentsOf([4, 5, 3]), T);
    const half = 4.30265272975 / Math.sqrt(3);
    expect(m).toMatchObject({ n: 3, mean: 4, confidence: 'hidden' });
    expect(m.sd).toBeCloseTo(1, 12);
    expect(m.low).toBeCloseTo(4 - half, 9);
    expect(m.high).toBe(5);
    const open = meanOf(momentsOf([4, 5, 3]), T, null);
    expect(open.high).toBeCloseTo(4 + half, 9);
  });

  it('ten ratings: ok confidence; one rating: no interval; none: nulls', () => {
    const ten = meanOf(momentsOf([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]), T);
    // mean 3, variance = 2 * (4 + 1 + 0 + 1 + 4) / 9 = 20/9
    expect(ten.mean).toBe(3);
    expect(ten.sd).toBeCloseTo(Math.sqrt(20 / 9), 12);
    expect(ten.low).toBeCloseTo(3 - studentTQuantile(0.975, 9) * Math.sqrt(20 / 9 / 10), 12);
    expect(ten.confidence).toBe('ok');
    expect(meanOf(momentsOf([4]), T)).toMatchObject({ n: 1, mean: 4, sd: null, low: null, high: null });
    expect(meanOf(momentsOf([]), T)).toMatchObject({ n: 0, mean: null, low: null });
  });

  it('constant ratings give a zero-width interval, not NaN', () => {
    const m = meanOf(momentsOf([4, 4, 4, 4, 4, 4]), T);
    expect(m).toMatchObject({ mean: 4, sd: 0, low: 4, high: 4, confidence: 'low' });
  });
});

describe('welchDifference', () => {
  it('a = 4, 5, 3 vs b = 2, 3: diff 1.5, df = 49/17, se = sqrt(7/12)', () => {
    const d = welchDifference(momentsOf([4, 5, 3]), momentsOf([2, 3]), T);
    expect(d.diff).toBeCloseTo(1.5, 12);
    expect(d.df).toBeCloseTo(49 / 17, 12);
    const half = studentTQuantile(0.975, 49 / 17) * Math.sqrt(7 / 12);
    expect(d.low).toBeCloseTo(1.5 - half, 10);
    expect(d.high).toBeCloseTo(1.5 + half, 10);
    expect(d.significant).toBe(false);
    expect(d).toMatchObject({ nA: 3, nB: 2, confidence: 'hidden' });
  });

  it('is significant when the interval excludes 0, and empty when a side has no data', () => {
    const d = welchDifference(momentsOf([5, 5, 4, 5, 4, 5]), momentsOf([1, 2, 1, 2, 1, 1]), T);
    expect(d.diff).toBeCloseTo(4.6666667 - 1.3333333, 6);
    expect(d.significant).toBe(true);
    expect(welchDifference(momentsOf([]), momentsOf([3]), T)).toMatchObject({ diff: null, significant: false });
    expect(welchDifference(momentsOf([4]), momentsOf([3, 2]), T)).toMatchObject({ diff: 1.5, low: null });
  });
});

describe('pairedDifference', () => {
  it('differences 1, 0, 2, 1: mean 1, sd sqrt(2/3), df 3', () => {
    const d = pairedDifference(momentsOf([1, 0, 2, 1]), T);
    const half = (3.18244630528 * Math.sqrt(2 / 3)) / 2;
    expect(d.diff).toBe(1);
    expect(d.df).toBe(3);
    expect(d.low).toBeCloseTo(1 - half, 9);
    expect(d.high).toBeCloseTo(1 + half, 9);
    expect(d.significant).toBe(false);
  });
});
