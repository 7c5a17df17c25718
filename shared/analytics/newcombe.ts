// The 95% interval for a difference of two independent proportions, p1 - p2, by Newcombe's hybrid
// score method (method 10 in Newcombe 1998, "Interval estimation for the difference between
// independent proportions: comparison of eleven methods"): it combines the two Wilson intervals,
// so it stays inside [-1, 1] and behaves at small n and at 0% or 100%, where the Wald interval
// collapses or overshoots. docs/METRICS.md#significant: a change is "significant" only when this interval excludes 0.
import { wilson, Z95 } from './wilson.ts';
import type { Interval } from './wilson.ts';

export interface Difference extends Interval {
  /** p1 - p2 */
  difference: number;
}

/** Newcombe's hybrid score interval for x1/n1 - x2/n2; null when either n is 0. */
export function newcombe(x1: number, n1: number, x2: number, n2: number, z: number = Z95): Difference | null {
  const a = wilson(x1, n1, z);
  const b = wilson(x2, n2, z);
  if (!a || !b) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const d = p1 - p2;
  return {
    difference: d,
    low: Math.max(-1, d - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2)),
    high: Math.min(1, d + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2)),
  };
}

/** Significant at 95%: the interval for the difference lies wholly above or wholly below 0. */
export function isSignificant(d: Interval | null): boolean {
  return d !== null && (d.low > 0 || d.high < 0);
}
