// Means with their 95% t-intervals, from moments (n, sum, sum of squares) that SQLite aggregates.
// Used for 1-5 ratings averaged per deal: a deal with several interviews counts once, so n is
// the number of deals. The same low-n rules as rates apply (greyed below the low-confidence
// threshold, hidden below the hide threshold), so a mean of two deals never tops a ranking.
import type { ConfidenceThresholds } from '../domain/settings.ts';
import type { Confidence } from './rate.ts';
import { confidenceFor } from './rate.ts';
import { studentTQuantile } from './student-t.ts';

export interface Moments {
  n: number;
  sum: number;
  sumSq: number;
}

export interface Mean {
  n: number;
  mean: number | null;
  /** Sample standard deviation (n - 1); null below n = 2. */
  sd: number | null;
  /** 95% t-interval (df = n - 1), clamped to the scale's bounds; null below n = 2. */
  low: number | null;
  high: number | null;
  confidence: Confidence;
}

export interface Difference {
  /** a − b, or null when either side is empty. */
  diff: number | null;
  low: number | null;
  high: number | null;
  /** Degrees of freedom used (Welch–Satterthwaite for two groups, n − 1 for pairs). */
  df: number | null;
  nA: number;
  nB: number;
  confidence: Confidence;
  /** The interval excludes 0. */
  significant: boolean;
}

export const RATING_BOUNDS = { min: 1, max: 5 } as const;

function variance(m: Moments): number | null {
  if (m.n < 2) return null;
  // Clamp: sum of squares minus the square of the sum can dip below 0 by rounding.
  return Math.max(0, (m.sumSq - (m.sum * m.sum) / m.n) / (m.n - 1));
}

export function momentsOf(values: readonly number[]): Moments {
  let sum = 0;
  let sumSq = 0;
  for (const v of values) {
    sum += v;
    sumSq += v * v;
  }
  return { n: values.length, sum, sumSq };
}

/** Mean of a sample with its 95% t-interval; bounds clamp the interval to the scale (1-5). */
export function meanOf(
  m: Moments,
  thresholds: ConfidenceThresholds,
  bounds: { min: number; max: number } | null = RATING_BOUNDS,
): Mean {
  const confidence = confidenceFor(m.n, thresholds);
  if (m.n === 0) return { n: 0, mean: null, sd: null, low: null, high: null, confidence };
  const mean = m.sum / m.n;
  const v = variance(m);
  if (v === null) return { n: m.n, mean, sd: null, low: null, high: null, confidence };
  const half = studentTQuantile(0.975, m.n - 1) * Math.sqrt(v / m.n);
  const clampLow = (x: number) => (bounds ? Math.max(bounds.min, x) : x);
  const clampHigh = (x: number) => (bounds ? Math.min(bounds.max, x) : x);
  return { n: m.n, mean, sd: Math.sqrt(v), low: clampLow(mean - half), high: clampHigh(mean + half), confidence };
}

/** Difference of two independent means (a − b) with Welch's 95% t-interval. */
export function welchDifference(a: Moments, b: Moments, thresholds: ConfidenceThresholds): Difference {
  const confidence = confidenceFor(Math.min(a.n, b.n), thresholds);
  const empty: Difference = {
    diff: null,
    low: null,
    high: null,
    df: null,
    nA: a.n,
    nB: b.n,
    confidence,
    significant: false,
  };
  if (a.n === 0 || b.n === 0) return empty;
  const diff = a.sum / a.n - b.sum / b.n;
  const va = variance(a);
  const vb = variance(b);
  if (va === null || vb === null) return { ...empty, diff };
  const qa = va / a.n;
  const qb = vb / b.n;
  const se = Math.sqrt(qa + qb);
  // Both groups constant: no spread to estimate, the difference is exact for these samples.
  const df = se === 0 ? a.n + b.n - 2 : (qa + qb) ** 2 / ((qa * qa) / (a.n - 1) + (qb * qb) / (b.n - 1));
  const half = studentTQuantile(0.975, df) * se;
  const low = diff - half;
  const high = diff + half;
  return { diff, low, high, df, nA: a.n, nB: b.n, confidence, significant: low > 0 || high < 0 };
}

/** Mean of paired differences (us − them on the same deals) with its 95% t-interval. */
export function pairedDifference(d: Moments, thresholds: ConfidenceThresholds): Difference {
  const m = meanOf(d, thresholds, null);
  return {
    diff: m.mean,
    low: m.low,
    high: m.high,
    df: d.n >= 2 ? d.n - 1 : null,
    nA: d.n,
    nB: d.n,
    confidence: m.confidence,
    significant: m.low !== null && m.high !== null && (m.low > 0 || m.high < 0),
  };
}
