// What the home dashboard shows, as plain data (also printed by `winnow stats`).
import type { Rate } from '../analytics/rate.ts';
import type { Outcome } from './enums.ts';
import type { ImportBatchSummary } from './imports.ts';

export interface OutcomeCount {
  outcome: Outcome;
  deals: number;
  amount: number;
}

export interface CompetitorEncounters {
  id: number;
  name: string;
  /** Closed deals where the competitor was involved (the denominator of its win rate). */
  closed: number;
  /** All deals where it was involved, open included. */
  encounters: number;
  winRate: Rate;
}

export interface PeriodRate {
  /** '2025-Q3' */
  period: string;
  winRate: Rate;
}

export interface DashboardSummary {
  dealsTotal: number;
  outcomes: OutcomeCount[];
  includeNoDecision: boolean;
  /** Win rate by count over closed new-business deals: the figure win/loss programmes track. */
  winRate: Rate;
  /** The same over closed deals of every type (renewals and expansions included). */
  winRateAllTypes: Rate;
  /** Win rate over closed new-business deals with at least one competitor recorded. */
  competitiveWinRate: Rate;
  /** Leads in the workspace (Home's MQL figures need them). */
  leadsTotal: number;
  /** Won amount / closed amount over closed new-business deals; null when no closed amount. */
  winRateByAmount: { wonAmount: number; closedAmount: number; rate: number | null };
  firstCloseDate: string | null;
  lastCloseDate: string | null;
  topCompetitors: CompetitorEncounters[];
  /** New-business win rate per close quarter. */
  winRateByQuarter: PeriodRate[];
  interviews: { total: number; complete: number; draft: number; dealsCovered: number };
  lastImport: ImportBatchSummary | null;
  currency: string;
}

/** Deals that distort the win rate by amount or the new-business scope (Home, the matrix by amount). */
export interface DataQuality {
  lostDeals: number;
  /** Lost deals whose amount is 0 or blank: they add nothing to the closed amount. */
  lostZeroAmount: number;
  /** Deals imported without a deal type: stored as new business, which may be wrong. */
  noDealType: number;
}
