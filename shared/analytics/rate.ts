// A rate as the app shows it: the counts, the rate, its Wilson interval, and how much to trust it.
import type { ConfidenceThresholds } from '../domain/settings.ts';
import { wilson } from './wilson.ts';

/** ok: show normally; low: n below the low-confidence threshold (greyed); hidden: show counts only. */
export type Confidence = 'ok' | 'low' | 'hidden';

export interface Rate {
  /** Successes (deals won, customers retained ...). */
  hits: number;
  /** Denominator (closed deals ...). */
  n: number;
  /** hits / n, or null when n is 0. Still present when confidence is 'hidden' so exports can carry it. */
  rate: number | null;
  low: number | null;
  high: number | null;
  confidence: Confidence;
}

export function confidenceFor(n: number, t: ConfidenceThresholds): Confidence {
  if (n < t.hideRateBelowN) return 'hidden';
  if (n < t.lowConfidenceBelowN) return 'low';
  return 'ok';
}

export function rateOf(hits: number, n: number, t: ConfidenceThresholds): Rate {
  const ci = wilson(hits, n);
  return {
    hits,
    n,
    rate: n === 0 ? null : hits / n,
    low: ci?.low ?? null,
    high: ci?.high ?? null,
    confidence: confidenceFor(n, t),
  };
}
