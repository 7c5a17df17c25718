import { describe, expect, it } from 'vitest';
import { Rng } from '#core/demo/rng.ts';

describe('Rng', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });
  it('stays in range and picks by weight', () => {
    const r = new Rng(7);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 20_000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      counts[
        r.weighted([
          ['a', 3],
          ['b', 1],
        ] as const)
      ]++;
    }
    expect(counts.a / 20_000).toBeCloseTo(0.75, 1);
    const ints = new Set(Array.from({ length: 500 }, () => r.int(1, 3)));
    expect([...ints].sort()).toEqual([1, 2, 3]);
  });
});
