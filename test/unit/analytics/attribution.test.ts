// Attribution weights per model (docs/METRICS.md#attribution), by hand, and the split into cents.
import { describe, expect, it } from 'vitest';
import { attributionWeights, splitCents, weightTable } from '#shared/analytics/attribution.ts';
import { ATTRIBUTION_MODELS } from '#shared/domain/sourced.ts';

const close = (a: number[], b: number[]) => {
  expect(a).toHaveLength(b.length);
  a.forEach((x, i) => expect(x).toBeCloseTo(b[i]!, 12));
};

describe('attribution weights', () => {
  it('gives one touch everything in every model', () => {
    for (const m of ATTRIBUTION_MODELS) close(attributionWeights(m, 1), [1]);
  });

  it('splits two touches: first 1/0, last 0/1, linear and U 50/50, W 65/35 or 35/65', () => {
    close(attributionWeights('first', 2), [1, 0]);
    close(attributionWeights('last', 2), [0, 1]);
    close(attributionWeights('linear', 2), [0.5, 0.5]);
    close(attributionWeights('u', 2), [0.5, 0.5]);
    close(attributionWeights('w', 2, 0), [0.65, 0.35]);
    close(attributionWeights('w', 2, 1), [0.35, 0.65]);
  });

  it('splits three touches: U 40/20/40, W a third each or 60/10/30 by the opportunity touch', () => {
    close(attributionWeights('linear', 3), [1 / 3, 1 / 3, 1 / 3]);
    close(attributionWeights('u', 3), [0.4, 0.2, 0.4]);
    close(attributionWeights('w', 3, 1), [1 / 3, 1 / 3, 1 / 3]);
    close(attributionWeights('w', 3, 0), [0.6, 0.1, 0.3]);
    close(attributionWeights('w', 3, 2), [0.3, 0.1, 0.6]);
  });

  it('spreads the middle share over the other touches from four on', () => {
    close(attributionWeights('u', 4), [0.4, 0.1, 0.1, 0.4]);
    close(attributionWeights('u', 6), [0.4, 0.05, 0.05, 0.05, 0.05, 0.4]);
    close(attributionWeights('w', 4, 1), [0.3, 0.3, 0.1, 0.3]);
    close(attributionWeights('w', 5, 2), [0.3, 0.05, 0.3, 0.05, 0.3]);
    close(attributionWeights('w', 5, 0), [0.6, 0.1 / 3, 0.1 / 3, 0.1 / 3, 0.3]);
    close(attributionWeights('linear', 4), [0.25, 0.25, 0.25, 0.25]);
    close(attributionWeights('first', 4), [1, 0, 0, 0]);
    close(attributionWeights('last', 4), [0, 0, 0, 1]);
  });

  it('sums to 1 for every model, 1 to 12 touches, every opportunity touch', () => {
    for (const m of ATTRIBUTION_MODELS)
      for (let k = 1; k <= 12; k++)
        for (let o = 0; o < k; o++) {
          const w = attributionWeights(m, k, o);
          expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
          expect(w.every((x) => x >= 0)).toBe(true);
        }
  });

  it('refuses a deal without touches', () => {
    expect(() => attributionWeights('linear', 0)).toThrow(RangeError);
  });

  it('publishes the W table with the opportunity touch named', () => {
    const t = weightTable('w');
    expect(t.map((r) => [r.touches, r.opportunityAt])).toEqual([
      [1, 1],
      [2, 1],
      [2, 2],
      [3, 1],
      [3, 2],
      [4, 2],
      [5, 3],
    ]);
    close(t[3]!.weights, [0.6, 0.1, 0.3]);
    expect(weightTable('u').map((r) => r.touches)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('splitting an amount into cents', () => {
  it('gives the leftover cents to the largest remainders, earlier touch first on ties', () => {
    // 100.00 over three touches: 33.333… each; one cent left goes to T1.
    expect(splitCents(10_000, attributionWeights('linear', 3))).toEqual([3334, 3333, 3333]);
    // 0.10 over three: 3.33… each; the cent goes to T1.
    expect(splitCents(10, attributionWeights('linear', 3))).toEqual([4, 3, 3]);
    // 1,000.01 under U with 3 touches: 40000.4, 20000.2, 40000.4 cents; the cent goes to T1 (tie with T3).
    expect(splitCents(100_001, attributionWeights('u', 3))).toEqual([40_001, 20_000, 40_000]);
    // W 5 touches, opportunity T1, 100.00: 60, 3.333…×3, 30 → the cent to T2.
    expect(splitCents(10_000, attributionWeights('w', 5, 0))).toEqual([6000, 334, 333, 333, 3000]);
    // 9,999.99 under U with 5 touches: 399999.6, 66666.6 ×3, 399999.6: five equal remainders, the
    // three cents left go to T1, T2, T3.
    expect(splitCents(999_999, attributionWeights('u', 5))).toEqual([400_000, 66_667, 66_667, 66_666, 399_999]);
    // A negative amount splits as its opposite and still adds up.
    expect(splitCents(-10_000, attributionWeights('linear', 3))).toEqual([-3334, -3333, -3333]);
    expect(() => splitCents(10.5, [1])).toThrow(RangeError);
    // 300 × 0.2 must not floor to 59.
    expect(splitCents(300, [0.4, 0.2, 0.4])).toEqual([120, 60, 120]);
  });

  it('sums exactly to the amount for every model and many amounts', () => {
    for (const m of ATTRIBUTION_MODELS)
      for (let k = 1; k <= 9; k++)
        for (const cents of [0, 1, 7, 99, 12_345, 100_001, 987_654_321])
          for (let o = 0; o < k; o++) {
            const parts = splitCents(cents, attributionWeights(m, k, o));
            expect(parts.reduce((a, b) => a + b, 0)).toBe(cents);
            expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
          }
  });
});
