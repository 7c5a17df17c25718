// "Why we win, why we lose": the analyses over coded interviews, as plain data. Every figure
// carries its n; rates carry a 95% Wilson interval, means a 95% t-interval. A deal with several
// interviews counts once in every figure (its interviews are pooled per deal first).
import type { AgreementResult } from '../analytics/agreement.ts';
import type { Difference, Mean } from '../analytics/mean.ts';
import type { ParetoRow } from '../analytics/pareto.ts';
import type { Rate } from '../analytics/rate.ts';
import type { Driver, Outcome } from './enums.ts';

export interface AnalysisFilters {
  /** Deals where this competitor was involved. */
  competitorId?: number;
  segment?: string;
  productId?: number;
  /** Deal close date range, inclusive (ISO dates). */
  from?: string;
  to?: string;
  /** Count draft interviews too (default: complete interviews only). */
  includeDrafts?: boolean;
}

export interface AnalysisScope {
  interviews: number;
  deals: number;
  byOutcome: { outcome: Outcome; deals: number; interviews: number }[];
  includeDrafts: boolean;
}

export type ReasonLevel = 'reason' | 'category';

export interface ReasonParetoRow extends ParetoRow {
  /** The reason's category (for a category row, its own name). */
  category: string;
  retired: boolean;
}

export interface ReasonPanel {
  outcome: 'won' | 'lost' | 'no_decision';
  driver: Driver;
  /** Interviewed deals of this outcome in scope: the denominator of every share. */
  n: number;
  interviews: number;
  rows: ReasonParetoRow[];
}

export interface ReasonAnalysis {
  scope: AnalysisScope;
  level: ReasonLevel;
  primaryOnly: boolean;
  panels: ReasonPanel[];
}

export interface CriterionGap {
  criterionId: number;
  label: string;
  won: Mean;
  lost: Mean;
  noDecision: Mean;
  /** Won mean − lost mean, Welch 95% interval. */
  gap: Difference;
}

export interface CompetitorCriterion {
  criterionId: number;
  label: string;
  us: Mean;
  them: Mean;
  /** Mean over deals of (our rating − theirs) on the same interviews: paired 95% t-interval. */
  gap: Difference;
}

export interface CompetitorRatings {
  competitorId: number;
  name: string;
  /** Deals where buyers rated both us and this competitor on at least one criterion. */
  deals: number;
  criteria: CompetitorCriterion[];
}

export interface RatingAnalysis {
  scope: AnalysisScope;
  criteria: CriterionGap[];
  competitors: CompetitorRatings[];
}

export interface AgreementAnalysis {
  scope: AnalysisScope;
  level: ReasonLevel;
  result: AgreementResult;
  /** Where the rep side came from: the CRM's reason on the deal, or a rep-form interview. */
  repSources: { crm: number; repInterview: number };
}

export type Granularity = 'quarter' | 'year';

export interface ThemeTrendRow {
  id: number;
  name: string;
  /** Deals citing the theme over all periods. */
  deals: number;
  /** Per period: deals with a quote tagged with the theme / interviewed deals in the period. */
  cells: Rate[];
}

export interface ThemeTrend {
  scope: AnalysisScope;
  granularity: Granularity;
  periods: { period: string; deals: number }[];
  themes: ThemeTrendRow[];
}
