// Retention and growth (docs/METRICS.md#cohort and the sections after it): the vocabulary, the result shapes the
// screens, the CLI and exports share, and the definitions printed beside every figure.
import type { Rate } from '../analytics/rate.ts';
import type { Confidence } from '../analytics/rate.ts';

export const GRAINS = ['month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

/** Months per period; also the grain's code in the retention_periods table. */
export const GRAIN_MONTHS: Record<Grain, number> = { month: 1, quarter: 3, year: 12 };

export const GRAIN_LABEL: Record<Grain, string> = { month: 'Month', quarter: 'Quarter', year: 'Year' };

export const RETENTION_METRICS = ['logo', 'nrr', 'grr'] as const;
export type RetentionMetric = (typeof RETENTION_METRICS)[number];

export const METRIC_LABEL: Record<RetentionMetric, string> = {
  logo: 'Logo retention',
  nrr: 'Net revenue retention (NRR)',
  grr: 'Gross revenue retention (GRR)',
};

export const METRIC_SHORT: Record<RetentionMetric, string> = { logo: 'Logo', nrr: 'NRR', grr: 'GRR' };

/**
 * What a customer can be filtered and split by: all come from the account and the deal that won
 * it (docs/METRICS.md#retention-splits).
 */
export const COHORT_FIELDS = ['segment', 'sector', 'region', 'product', 'competitor', 'reason', 'leadSource'] as const;
export type CohortField = (typeof COHORT_FIELDS)[number];

export const FIELD_LABEL: Record<CohortField, string> = {
  segment: 'Segment',
  sector: 'Sector',
  region: 'Region',
  product: 'Product',
  competitor: 'Competitor displaced',
  reason: 'Primary win reason',
  leadSource: 'Lead source',
};

/** The key of "not recorded" in every field (no winning deal, no competitor, no reason ...). */
export const NONE_KEY = '';

export const NONE_LABEL: Record<CohortField, string> = {
  segment: 'No segment',
  sector: 'No sector',
  region: 'No region',
  product: 'No product',
  competitor: 'No competitor recorded',
  reason: 'No reason recorded',
  leadSource: 'No lead source',
};

/** Customers must match every filter; within one filter, any of its values (keys). */
export interface CohortFilter {
  field: CohortField;
  values: string[];
}

export type RevenueSource = 'mrr' | 'invoice' | 'deals';

/** A revenue ratio (NRR or GRR): both amounts, the value, and the cohort-size confidence. */
export interface RevenueRatio {
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when the denominator is not positive. */
  value: number | null;
  /** From the number of customers behind it, by the same thresholds as rates. */
  confidence: Confidence;
}

export interface CohortCell {
  /** Periods since the cohort's first period (0 = the first period). */
  k: number;
  period: number;
  periodLabel: string;
  /** Customers of the cohort with revenue in this period. */
  active: number;
  /** Their revenue in this period. */
  revenue: number;
  /** The same with each customer's revenue capped at its first-period revenue. */
  capped: number;
  /** The period contains the data's last date: it may still grow. */
  incomplete: boolean;
  /** active / cohort size with its Wilson interval (no interval at k = 0, where it is 1 by definition). */
  logo: Rate;
  nrr: RevenueRatio;
  grr: RevenueRatio;
}

export interface CohortRow {
  cohort: number;
  label: string;
  /** Customers whose first revenue is in this period. */
  size: number;
  /** Their revenue in that first period (the NRR and GRR denominator). */
  startRevenue: number;
  cells: CohortCell[];
}

/** The weighted-average row: cohorts pooled at each k, over complete cells only. */
export interface CohortAverageCell {
  k: number;
  /** Cohorts whose cell at k is complete (and so counted). */
  cohorts: number;
  size: number;
  startRevenue: number;
  active: number;
  revenue: number;
  capped: number;
  logo: Rate;
  nrr: RevenueRatio;
  grr: RevenueRatio;
}

export interface CohortMatrix {
  grain: Grain;
  rows: CohortRow[];
  average: CohortAverageCell[];
  /** Largest k shown (the oldest cohort's age). */
  maxK: number;
  customers: number;
}

export interface CohortGroupSummary {
  key: string;
  label: string;
  customers: number;
  startRevenue: number;
  average: CohortAverageCell[];
}

export interface RetentionScope {
  /** The data's last date (latest close date or revenue period); null when there is no revenue. */
  asOf: string | null;
  /** The period containing it: incomplete, unless the data's last date is its last day. */
  asOfPeriod: number | null;
  asOfLabel: string | null;
  /** The data's last date is the last day of asOfPeriod (a log ending 1998-06-30): it is complete. */
  asOfComplete: boolean;
  customers: number;
  /** Customers by where their revenue comes from. */
  sources: Record<RevenueSource, number>;
  currency: string;
}

export interface CohortReport extends RetentionScope {
  grain: Grain;
  filters: CohortFilter[];
  by: CohortField | null;
  /** With a split: one summary per group, largest first. */
  groups: CohortGroupSummary[] | null;
  /** The group whose matrix is shown (null: all customers in the filter). */
  group: string | null;
  groupLabel: string | null;
  matrix: CohortMatrix;
}

export interface MovementPeriod {
  period: number;
  label: string;
  incomplete: boolean;
  /** Revenue and customers with revenue in the period. */
  revenue: number;
  customers: number;
  newRevenue: number;
  newCustomers: number;
  expansion: number;
  expansionCustomers: number;
  reactivation: number;
  reactivationCustomers: number;
  /** Negative amounts: revenue lost. */
  contraction: number;
  contractionCustomers: number;
  churn: number;
  churnCustomers: number;
  /** Twelve-month lookback against the period twelve months earlier (null when there is none). */
  ttm: TtmPoint | null;
}

export interface TtmPoint {
  /** Customers with revenue twelve months earlier, and their revenue then. */
  baseCustomers: number;
  baseRevenue: number;
  /** Of those, customers with revenue now, their revenue now, and the same capped at the base. */
  retainedCustomers: number;
  revenue: number;
  capped: number;
  nrr: RevenueRatio;
  grr: RevenueRatio;
}

export interface MovementsReport extends RetentionScope {
  grain: Grain;
  filters: CohortFilter[];
  group: { field: CohortField; key: string; label: string } | null;
  periods: MovementPeriod[];
}

export const DRILL_STATUSES = ['all', 'active', 'inactive'] as const;
export type DrillStatus = (typeof DRILL_STATUSES)[number];

/** Where a customer stands in the drilled period against its first period. */
export type CustomerTrend = 'expanded' | 'flat' | 'contracted' | 'inactive';

export const DRILL_SORTS = [
  'name',
  'startRevenue',
  'revenue',
  'change',
  'segment',
  'region',
  'product',
  'competitor',
  'reason',
  'leadSource',
] as const;
export type DrillSort = (typeof DRILL_SORTS)[number];

export interface DrillCustomer {
  accountId: number;
  name: string;
  externalId: string | null;
  source: RevenueSource;
  segment: string | null;
  sector: string | null;
  region: string | null;
  product: string | null;
  competitor: string | null;
  reason: string | null;
  /** Whose reason it is: the buyer's (complete interview) or the rep's (CRM). */
  reasonSource: 'buyer' | 'rep' | null;
  leadSource: string | null;
  winningDeal: string | null;
  startRevenue: number;
  /** Revenue in the drilled period (0 when none). */
  revenue: number;
  trend: CustomerTrend;
}

export interface DrillReport {
  grain: Grain;
  cohortLabel: string;
  periodLabel: string;
  k: number;
  incomplete: boolean;
  /** Customers of the cohort (within filters and group): all, with revenue in the period, without. */
  counts: Record<DrillStatus, number>;
  /** Rows matching the status asked for, before paging. */
  total: number;
  offset: number;
  rows: DrillCustomer[];
  currency: string;
}

export interface DimensionValue {
  key: string;
  label: string;
  customers: number;
}

/** Won deals that make no revenue, and why (shown so that nothing vanishes silently). */
export interface LeftOutDeals {
  noAccount: number;
  noAmount: number;
  badDates: number;
}

export interface RetentionStatus {
  /**
   * ready: the figures match the data; stale: a read refreshes them first (quick); rebuild: too
   * much changed for that, a rebuild job must run; empty: no revenue at all.
   */
  state: 'ready' | 'stale' | 'rebuild' | 'empty';
  /** Accounts waiting to be refreshed (every account when a full rebuild is due). */
  pendingAccounts: number;
  /** A long task (a rebuild, an import) is running in this workspace. */
  busy: boolean;
  builtAt: string | null;
  asOf: string | null;
  customers: number;
  sources: Record<RevenueSource, number>;
  leftOut: LeftOutDeals;
  /** Accounts with imported purchase lines that all came to zero: not customers (docs/METRICS.md#activity). */
  zeroOnly: number;
  /** What makes a month active: revenue above zero, or any purchase line (the setting). */
  activity: 'revenue' | 'anyPurchase';
}

export interface RefreshResult {
  full: boolean;
  accounts: number;
  customers: number;
  periodRows: number;
  asOf: string | null;
  seconds: number;
}

/** The definitions in force, printed under the cohort view, in the CLI and in exports. */
export const RETENTION_DEFINITIONS = {
  cohort: "Cohort = the period (month, quarter or year) of a customer's first revenue.",
  logo: 'Logo retention(c, k) = customers of cohort c with revenue in period c+k ÷ customers in cohort c.',
  nrr: 'NRR(c, k) = revenue of cohort c in period c+k ÷ its revenue in its first period (expansion included; can exceed 100%).',
  grr: "GRR(c, k) = the same with each customer's revenue capped at its first-period revenue (no expansion; never above 100%).",
  average:
    'Weighted average = the cohorts pooled at each k (customers summed for logo retention, revenue summed for NRR and GRR), over complete cells only.',
  incomplete:
    "Incomplete = the period containing the data's last date (it may still grow), unless that date is the period's last day: marked * and left out of the weighted average.",
  periodRevenue:
    "Amounts are per month. At quarter and year grain a customer's revenue in a period is its average monthly revenue over the months of the period it could have paid for (in its first period from its first month; in the period containing the data's last date, up to that month), so a first period that began late is not read as a partial one.",
  revenue:
    "Revenue per customer per month: imported MRR lines if the account has any, else imported invoice lines (in the month they are dated), else its won deals (amount as annual value ÷ 12 in each month the contract covers). A month counts when the customer's total for it is above zero.",
  contracts:
    'A won deal covers the months from its contract start (else close date) up to the month of the day after its contract end (else 12 months), at least one; overlapping deals add up (an expansion adds to the contract it runs beside; a renewal carries the customer into its new term).',
  movements:
    'Movements against the previous period: new = first revenue; reactivation = revenue again after a period without; expansion and contraction = change of a continuing customer; churn = revenue in the previous period and none in this one.',
  ttm: 'TTM NRR at period p = revenue in p from customers who had revenue in the period twelve months earlier ÷ their revenue then; TTM GRR caps each customer at its revenue then. Customers won in the last twelve months are not in either.',
  winReason:
    "Primary win reason = the buyer's primary reason from a complete interview of the winning deal (the latest, if several), else the rep's reason in the CRM. Competitor displaced = the primary competitor on the winning deal (else the one recorded as lost to, else the only competitor met).",
} as const;
