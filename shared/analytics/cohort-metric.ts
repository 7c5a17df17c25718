// One metric of a cohort cell as numerator, denominator and value, the same way everywhere: the
// heatmap, the table, the CLI and exports.
import type { CohortAverageCell, CohortCell, RetentionMetric } from '../domain/retention.ts';
import type { Confidence } from './rate.ts';

export interface MetricValue {
  /** Customers retained (logo) or revenue (NRR, GRR capped) in the period. */
  numerator: number;
  /** Customers in the cohort (logo) or its first-period revenue (NRR, GRR). */
  denominator: number;
  value: number | null;
  /** 95% Wilson interval: logo retention only, after the first period. */
  low: number | null;
  high: number | null;
  confidence: Confidence;
  /** Whether numerator and denominator are counts of customers (else amounts per month). */
  counts: boolean;
}

export function metricOf(cell: CohortCell | CohortAverageCell, metric: RetentionMetric): MetricValue {
  if (metric === 'logo') {
    const r = cell.logo;
    return {
      numerator: r.hits,
      denominator: r.n,
      value: r.rate,
      low: r.low,
      high: r.high,
      confidence: r.confidence,
      counts: true,
    };
  }
  const r = metric === 'nrr' ? cell.nrr : cell.grr;
  return {
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
    low: null,
    high: null,
    confidence: r.confidence,
    counts: false,
  };
}
