// Several lifts tested at once (docs/METRICS.md#benjamini-hochberg): the two-proportion test that
// gives each its p-value, the Benjamini-Hochberg adjustment of those p-values, and the z that widens
// the intervals of the selected ones so their coverage holds after selection.
import { normalCdf, normalQuantile } from './normal.ts';

/**
 * Two-sided p-value of the pooled two-proportion z-test of x1/n1 against x2/n2; null when either n
 * is 0. When the pooled rate is 0 or 1 the two groups cannot differ: p = 1.
 */
export function twoProportionP(x1: number, n1: number, x2: number, n2: number): number | null {
  if (n1 === 0 || n2 === 0) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return 1;
  const z = Math.abs(x1 / n1 - x2 / n2) / se;
  return Math.min(1, 2 * (1 - normalCdf(z)));
}

/**
 * Benjamini-Hochberg adjusted p-values (R's p.adjust(p, "BH")): with the m p-values sorted
 * ascending, q(i) = min over j >= i of (m / j) p(j), at most 1. Nulls (no test) are kept as null and
 * do not count in m. Returned in the input's order.
 */
export function benjaminiHochberg(ps: readonly (number | null)[]): (number | null)[] {
  const tested = ps.map((p, i) => ({ p, i })).filter((x): x is { p: number; i: number } => x.p !== null);
  tested.sort((a, b) => a.p - b.p || a.i - b.i);
  const m = tested.length;
  const out: (number | null)[] = ps.map(() => null);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    running = Math.min(running, (m / (k + 1)) * tested[k]!.p);
    out[tested[k]!.i] = running;
  }
  return out;
}

/**
 * The z of the false-coverage-adjusted interval (Benjamini and Yekutieli 2005): with R of m tests
 * selected (q <= alpha), each selected interval is built at level 1 - R alpha / m, i.e. with the
 * 1 - R alpha / (2m) point of the normal. R = 0 is treated as 1, the widest interval.
 */
export function fcrZ(selected: number, m: number, alpha = 0.05): number {
  if (m <= 0) return normalQuantile(1 - alpha / 2);
  return normalQuantile(1 - (Math.max(1, selected) * alpha) / (2 * m));
}
