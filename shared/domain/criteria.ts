// Qualification criteria against closed revenue (docs/METRICS.md#qualification-criteria).
import type { Difference } from '../analytics/newcombe.ts';
import type { Rate } from '../analytics/rate.ts';

export type CriterionKind = 'fit' | 'dynamic';

/** What SQL counts for one criterion and one answer (met or not met) over mature MQLs. */
export interface CriterionCounts {
  mqls: number;
  won: number;
  /** Closed deals of those MQLs (won + lost, plus no decision under the setting). */
  closed: number;
  wonAmount: number;
}

export interface CriterionAggregate {
  key: string;
  label: string;
  kind: CriterionKind;
  met: CriterionCounts;
  notMet: CriterionCounts;
  /** MQLs with no answer recorded: neither met nor not met. */
  unknown: number;
}

export interface CriterionSide extends CriterionCounts {
  /** MQL-to-won conversion: won / MQLs. */
  conversion: Rate;
  /** won / closed. */
  winRate: Rate;
  /** wonAmount / MQLs; null with no MQLs. */
  revenuePerMql: number | null;
}

export interface CriterionResult {
  key: string;
  label: string;
  kind: CriterionKind;
  met: CriterionSide;
  notMet: CriterionSide;
  unknown: number;
  /** Conversion met − not met with its 95% Newcombe interval. */
  lift: Difference | null;
  /** The same difference with the interval widened to the corrected level. */
  liftCorrected: Difference | null;
  /** Two-sided p of the pooled two-proportion z-test, and its Benjamini-Hochberg adjusted value. */
  p: number | null;
  q: number | null;
  /** q <= alpha: the criterion predicts conversion after the correction. */
  predicts: boolean;
  /** Win rate met − not met, 95% Newcombe. */
  winRateDifference: Difference | null;
  /** Plain-language warning when a side's n is below the low-confidence threshold. */
  warning: string | null;
  /** 1 = highest lower bound of the corrected lift. */
  rank: number;
}

export interface CriteriaByCount {
  /** How many of the criteria are recorded as met (unknown counts as not met). */
  met: number;
  conversion: Rate;
}

export interface CriteriaStats {
  criteria: CriterionResult[];
  /** Criteria with both sides non-empty (the m of the correction). */
  tested: number;
  /** Criteria with q <= alpha (the R of the correction). */
  selected: number;
  /** Level of the corrected intervals (1 − max(R, 1)·alpha / m) and its z. */
  correctedLevel: number;
  correctedZ: number;
  alpha: number;
}

export interface CriteriaReport extends CriteriaStats {
  from: string | null;
  to: string | null;
  asOf: string | null;
  maturityDays: number | null;
  /** MQLs dated up to this day belong to mature quarterly cohorts; null when none is mature. */
  matureTo: string | null;
  /** Mature MQLs in the period (the population of every figure). */
  mqls: number;
  byCount: CriteriaByCount[];
  currency: string;
  definition: string;
}
