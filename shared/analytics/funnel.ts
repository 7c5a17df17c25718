// Step and cumulative conversion from a funnel's counts (docs/METRICS.md#conversion).
import type { ConfidenceThresholds } from '../domain/settings.ts';
import type { FunnelCounts, FunnelMode, FunnelStage, FunnelStep } from '../domain/funnel.ts';
import { FUNNEL_STAGES } from '../domain/funnel.ts';
import type { Rate } from './rate.ts';
import { confidenceFor, rateOf } from './rate.ts';

/** Period mode compares different items: a plain ratio, no interval, may exceed 1. */
function ratio(hits: number, n: number, t: ConfidenceThresholds): Rate {
  return { hits, n, rate: n === 0 ? null : hits / n, low: null, high: null, confidence: confidenceFor(n, t) };
}

export function stagesFrom(start: FunnelStage): FunnelStage[] {
  return FUNNEL_STAGES.slice(FUNNEL_STAGES.indexOf(start));
}

export function funnelSteps(
  counts: FunnelCounts,
  start: FunnelStage,
  mode: FunnelMode,
  t: ConfidenceThresholds,
): FunnelStep[] {
  const stages = stagesFrom(start);
  const first = counts.reached[start];
  const rate = mode === 'cohort' ? rateOf : ratio;
  return stages.map((stage, i) => {
    const count = counts.reached[stage];
    const prev = i === 0 ? null : counts.reached[stages[i - 1]!];
    return {
      stage,
      count,
      open: counts.open[stage],
      out: counts.out[stage],
      step: prev === null ? null : rate(count, prev, t),
      cumulative: i === 0 ? null : rate(count, first, t),
    };
  });
}
