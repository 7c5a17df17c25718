// The average won deal size with an interval suited to skewed amounts (docs/METRICS.md#deal-size-interval):
// a log-scale t-interval around the plain mean, with the standard error of Cox's method for a
// log-normal mean. A few large deals make a plain t-interval symmetric around a mean they drag
// upwards; on the log scale the interval is asymmetric as the amounts are. It is centred on the
// plain mean, not on Cox's exp(m + s²/2): when amounts are not quite log-normal (the demo's are
// not) Cox's centre moves off the mean and its interval can leave the plan's own S outside.
import type { ConfidenceThresholds } from '../domain/settings.ts';
import type { Confidence } from './rate.ts';
import { confidenceFor } from './rate.ts';
import { studentTQuantile } from './student-t.ts';

export interface DealSizeEstimate {
  n: number;
  /** The plain mean of the amounts: the planner's point estimate S. */
  mean: number;
  /** Mean and sample variance of ln(amount): the interval's (and the simulation's) spread. */
  logMean: number;
  logVariance: number;
  /** Cox interval; null below n = 2. */
  low: number | null;
  high: number | null;
  confidence: Confidence;
}

/** Amounts must be positive (logs); null when there are none. */
export function dealSizeEstimate(amounts: readonly number[], t: ConfidenceThresholds): DealSizeEstimate | null {
  const n = amounts.length;
  if (n === 0) return null;
  if (amounts.some((a) => !(a > 0))) throw new RangeError('dealSizeEstimate: amounts must be positive');
  const mean = amounts.reduce((s, a) => s + a, 0) / n;
  const logs = amounts.map(Math.log);
  const m = logs.reduce((s, x) => s + x, 0) / n;
  const s2 = n < 2 ? 0 : logs.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1);
  let low: number | null = null;
  let high: number | null = null;
  if (n >= 2) {
    const half = studentTQuantile(0.975, n - 1) * Math.sqrt(coxVariance(s2, n));
    low = mean * Math.exp(-half);
    high = mean * Math.exp(half);
  }
  return { n, mean, logMean: m, logVariance: s2, low, high, confidence: confidenceFor(n, t) };
}

/** Variance of an estimate of ln(mean) (Cox): s²/n + s⁴/(2(n − 1)). */
export function coxVariance(s2: number, n: number): number {
  return s2 / n + (s2 * s2) / (2 * (n - 1));
}
