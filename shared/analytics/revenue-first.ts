// Home leads with revenue, not lead counts (docs/METRICS.md#home-revenue-first): the MQL-to-won
// conversion pooled over the last four mature quarterly cohorts, and the latest complete month's
// twelve-month NRR, picked from reports the Funnel and Retention screens already fetch.
import type { ConfidenceThresholds } from '../domain/settings.ts';
import type { TrapQuarter } from '../domain/funnel.ts';
import type { MovementPeriod, TtmPoint } from '../domain/retention.ts';
import { rateOf } from './rate.ts';
import type { Rate } from './rate.ts';

export interface PooledConversion {
  rate: Rate;
  /** The quarters pooled, oldest first. */
  quarters: string[];
}

/** Sum of wins over sum of MQLs of the last `count` mature quarters; null when none is mature. */
export function pooledMatureConversion(
  quarters: readonly TrapQuarter[],
  t: ConfidenceThresholds,
  count = 4,
): PooledConversion | null {
  const mature = quarters.filter((q) => q.mature && q.conversion !== null).slice(-count);
  if (mature.length === 0) return null;
  const won = mature.reduce((s, q) => s + q.conversion!.hits, 0);
  const n = mature.reduce((s, q) => s + q.conversion!.n, 0);
  return { rate: rateOf(won, n, t), quarters: mature.map((q) => q.quarter) };
}

/** The latest complete period with a twelve-month lookback, or null. */
export function latestTtm(periods: readonly MovementPeriod[]): { label: string; ttm: TtmPoint } | null {
  for (let i = periods.length - 1; i >= 0; i--) {
    const p = periods[i]!;
    if (!p.incomplete && p.ttm !== null) return { label: p.label, ttm: p.ttm };
  }
  return null;
}
