// Plain-text forms of a lift (a difference of two rates, in percentage points) and of a p-value,
// shared by the Criteria screen and `winnow criteria`, so both print the same figures.
import type { Difference } from './newcombe.ts';

const points = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x * 100).toFixed(1)}`;

/** '+18.8 pts'; '–' without a difference. */
export function liftPoints(d: Difference | null): string {
  return d === null ? '–' : `${points(d.difference)} pts`;
}

/** '13.3 to 24.6' (points); '–' without an interval. */
export function liftRange(d: Difference | null): string {
  return d === null ? '–' : `${points(d.low)} to ${points(d.high)}`;
}

/** '0.012', '< 0.001', '–'. */
export function pValueText(p: number | null): string {
  if (p === null) return '–';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}
