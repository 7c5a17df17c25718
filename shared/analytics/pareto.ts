// Pareto rows for "why we win / why we lose": reasons by how many deals cite them, each with the
// share of interviewed deals (Wilson interval) and the cumulative share of all citations.
// A deal counts once per reason however many of its interviews cite it.
import type { ConfidenceThresholds } from '../domain/settings.ts';
import type { Rate } from './rate.ts';
import { rateOf } from './rate.ts';

export interface Citation {
  id: number;
  label: string;
  /** Deals (in scope) with at least one interview citing it. */
  deals: number;
  /** Interviews citing it. */
  interviews: number;
}

export interface ParetoRow extends Citation {
  /** deals / interviewed deals in scope, with its 95% Wilson interval and low-n flag. */
  share: Rate;
  /** Running total of deal citations down to this row / all deal citations (0..1). */
  cumulative: number;
}

/** Sort by deals citing (then interviews, then label) and add shares; n = interviewed deals. */
export function paretoRows(citations: readonly Citation[], n: number, thresholds: ConfidenceThresholds): ParetoRow[] {
  const sorted = [...citations]
    .filter((c) => c.deals > 0)
    .sort((a, b) => b.deals - a.deals || b.interviews - a.interviews || a.label.localeCompare(b.label) || a.id - b.id);
  const total = sorted.reduce((s, c) => s + c.deals, 0);
  let running = 0;
  return sorted.map((c) => {
    running += c.deals;
    return { ...c, share: rateOf(Math.min(c.deals, n), n, thresholds), cumulative: total === 0 ? 0 : running / total };
  });
}
