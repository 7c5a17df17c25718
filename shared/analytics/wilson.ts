// The 95% Wilson score interval for a proportion (docs/METRICS.md#wilson-interval).
// Chosen over the normal approximation because it stays inside [0, 1] and behaves at small n:
// 2 of 2 won gives [0.34, 1], not a misleading [1, 1].

export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** Wilson interval for `successes` out of `n`; null when n is 0 (no information). */
export function wilson(successes: number, n: number, z: number = Z95): Interval | null {
  if (!Number.isFinite(successes) || !Number.isFinite(n) || n < 0 || successes < 0 || successes > n) {
    throw new RangeError(`wilson: need 0 <= successes <= n, got ${successes} of ${n}`);
  }
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // Clamp against floating error at the ends (p = 0 or 1 must give exactly 0 or 1).
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === n ? 1 : Math.min(1, centre + half),
  };
}
