// The funnel's vocabulary and report shapes (docs/METRICS.md#funnel).
import type { Rate } from '../analytics/rate.ts';
import type { Difference } from '../analytics/newcombe.ts';

/** Stages in order; won / lost / no decision are the outcomes after opportunity. */
export const FUNNEL_STAGES = ['lead', 'mql', 'sql', 'opportunity', 'won'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const STAGE_LABEL: Record<FunnelStage, string> = {
  lead: 'Lead',
  mql: 'MQL',
  sql: 'SQL',
  opportunity: 'Opportunity',
  won: 'Won',
};

/** Where the funnel starts (stages before it are not shown). */
export const FUNNEL_STARTS = ['lead', 'mql'] as const;
export type FunnelStart = (typeof FUNNEL_STARTS)[number];

export const FUNNEL_MODES = ['cohort', 'period'] as const;
export type FunnelMode = (typeof FUNNEL_MODES)[number];
export const MODE_LABEL: Record<FunnelMode, string> = {
  cohort: 'Cohort: items that entered the first stage in the period, followed to today',
  period: 'Period: what happened in the period, whatever the items’ start',
};

export const FUNNEL_FIELDS = ['source', 'sourced_by', 'segment', 'region', 'channel', 'owner'] as const;
export type FunnelField = (typeof FUNNEL_FIELDS)[number];
export const FIELD_LABEL: Record<FunnelField, string> = {
  source: 'Lead source',
  sourced_by: 'Sourced by',
  segment: 'Segment',
  region: 'Region',
  channel: 'Campaign channel (first touch)',
  owner: 'Owner',
};

/** Where an item is now: closed, out of the funnel, or open at its last stage. */
export const ITEM_STATUSES = ['open', 'won', 'lost', 'no_decision', 'disqualified', 'merged'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const STATUS_LABEL: Record<ItemStatus, string> = {
  open: 'Open',
  won: 'Won',
  lost: 'Lost',
  no_decision: 'No decision',
  disqualified: 'Disqualified',
  merged: 'Converted into another lead’s deal',
};

/** Raw counts of one group (or the whole funnel). */
export interface FunnelCounts {
  reached: Record<FunnelStage, number>;
  /** Cohort mode: items still open whose last reached stage is this one. */
  open: Record<FunnelStage, number>;
  /** Cohort mode: items disqualified (or merged into another lead's deal) after this stage. */
  out: Record<FunnelStage, number>;
  lost: number;
  noDecision: number;
}

export interface FunnelStep {
  stage: FunnelStage;
  count: number;
  open: number;
  out: number;
  /** From the previous stage shown; null for the first. Cohort: a proportion; period: a ratio (no interval). */
  step: Rate | null;
  cumulative: Rate | null;
}

export interface FunnelGroup {
  key: string;
  label: string;
  steps: FunnelStep[];
  lost: number;
  noDecision: number;
}

export interface FunnelReport {
  mode: FunnelMode;
  start: FunnelStart;
  from: string | null;
  to: string | null;
  by: FunnelField | null;
  /** The data's last date (the funnel's "today"). */
  asOf: string | null;
  /** P90 of MQL-to-won days (docs/METRICS.md#mature-cohorts); null without won MQLs. */
  maturityDays: number | null;
  /** Cohort mode with a period: whether the cohort is mature. */
  mature: boolean | null;
  total: FunnelGroup;
  groups: FunnelGroup[];
  definition: string;
}

export interface FunnelItem {
  kind: 'lead' | 'deal';
  leadId: number | null;
  leadExternalId: string | null;
  dealId: number | null;
  dealExternalId: string | null;
  dealName: string | null;
  created: string | null;
  mql: string | null;
  sql: string | null;
  opportunity: string | null;
  closed: string | null;
  status: ItemStatus;
  /** The last stage reached. */
  stage: FunnelStage;
  group: string | null;
}

export interface FunnelItemsReport {
  total: number;
  items: FunnelItem[];
}

export interface TrapQuarter {
  quarter: string;
  mqls: number;
  mature: boolean;
  /** MQL-to-won of the quarter's cohort; null when immature. */
  conversion: Rate | null;
  /** This quarter minus the previous (both mature). */
  change: Difference | null;
  /** Volume up and conversion significantly down. */
  flagged: boolean;
}

export interface TrapReport {
  asOf: string | null;
  maturityDays: number | null;
  quarters: TrapQuarter[];
}

export interface Spread {
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

export interface VelocityStep {
  key: string;
  label: string;
  current: Spread;
  previous: Spread;
  /** Median now minus median in the previous period (days). */
  change: number | null;
  /** Items of the period whose dates run backwards on this step. */
  outOfOrder: number;
}

export interface StuckMql {
  leadId: number;
  externalId: string | null;
  mqlDate: string;
  days: number;
  owner: string | null;
  source: string | null;
}

export interface StuckDeal {
  dealId: number;
  externalId: string | null;
  name: string;
  stage: string;
  days: number;
  p90: number;
}

export interface VelocityReport {
  from: string | null;
  to: string | null;
  previousFrom: string | null;
  previousTo: string | null;
  asOf: string | null;
  steps: VelocityStep[];
  byOutcome: VelocityStep[];
  dealStages: VelocityStep[];
  /** Days from MQL to won, in bins of `binDays`. */
  histogram: { from: number; to: number; count: number }[];
  stuckDays: number;
  stuckDaysDefault: number | null;
  stuckMqls: { total: number; items: StuckMql[] };
  stuckDeals: { total: number; items: StuckDeal[] };
}
