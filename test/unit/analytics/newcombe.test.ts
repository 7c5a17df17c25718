import { describe, expect, it } from 'vitest';
import { isSignificant, newcombe } from '#shared/analytics/newcombe.ts';
import { wilson } from '#shared/analytics/wilson.ts';

describe('newcombe (hybrid score interval for p1 - p2)', () => {
  // Newcombe (1998), "Interval estimation for the difference between independent proportions:
  // comparison of eleven methods", Statistics in Medicine 17:873-890, Table II, method 10.
  it.each([
    ['(a)', 56, 70, 48, 80, 0.0524, 0.3339],
    ['(b)', 9, 10, 3, 10, 0.1705, 0.809],
    ['(c)', 6, 7, 2, 7, 0.0582, 0.8062],
    ['(d)', 5, 56, 0, 29, -0.0381, 0.1926],
    ['(e)', 0, 10, 0, 20, -0.1611, 0.2775],
    ['(f)', 0, 10, 0, 10, -0.2775, 0.2775],
    ['(g)', 10, 10, 0, 20, 0.6791, 1],
    ['(h)', 10, 10, 0, 10, 0.6075, 1],
  ])('example %s: %i/%i - %i/%i gives [%f, %f] as published', (_, x1, n1, x2, n2, low, high) => {
    const d = newcombe(x1, n1, x2, n2)!;
    expect(d.difference).toBeCloseTo(x1 / n1 - x2 / n2, 12);
    expect(d.low).toBeCloseTo(low, 4);
    expect(d.high).toBeCloseTo(high, 4);
  });

  it('is built from the two Wilson intervals (56/70 - 48/80 by hand)', () => {
    const a = wilson(56, 70)!;
    const b = wilson(48, 80)!;
    const d = newcombe(56, 70, 48, 80)!;
    expect(d.low).toBeCloseTo(0.2 - Math.sqrt((0.8 - a.low) ** 2 + (b.high - 0.6) ** 2), 12);
    expect(d.high).toBeCloseTo(0.2 + Math.sqrt((a.high - 0.8) ** 2 + (0.6 - b.low) ** 2), 12);
  });

  it('swaps sign and ends when the groups are swapped', () => {
    const ab = newcombe(9, 10, 3, 10)!;
    const ba = newcombe(3, 10, 9, 10)!;
    expect(ba.low).toBeCloseTo(-ab.high, 12);
    expect(ba.high).toBeCloseTo(-ab.low, 12);
  });

  it('has no interval when a group is empty', () => {
    expect(newcombe(0, 0, 3, 10)).toBeNull();
    expect(newcombe(3, 10, 0, 0)).toBeNull();
  });

  it('calls a change significant only when the interval excludes 0', () => {
    expect(isSignificant(newcombe(56, 70, 48, 80))).toBe(true); // [0.052, 0.334]
    expect(isSignificant(newcombe(5, 56, 0, 29))).toBe(false); // [-0.038, 0.193]
    expect(isSignificant(newcombe(48, 80, 56, 70))).toBe(true); // [-0.334, -0.052]
    expect(isSignificant(null)).toBe(false);
  });
});
