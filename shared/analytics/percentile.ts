// Percentiles by linear interpolation between closest ranks (docs/METRICS.md#percentiles).
import type { Spread } from '../domain/funnel.ts';

/** The p-th percentile (0..1) of values sorted ascending; null when empty. */
export function percentileSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function percentile(values: readonly number[], p: number): number | null {
  return percentileSorted(
    [...values].sort((a, b) => a - b),
    p,
  );
}

/** Median and quartiles. */
export function spreadOf(values: readonly number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  return {
    n: s.length,
    median: percentileSorted(s, 0.5),
    q1: percentileSorted(s, 0.25),
    q3: percentileSorted(s, 0.75),
  };
}
