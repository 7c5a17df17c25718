// Sourced vs influenced and attribution: vocabulary and report shapes
// (docs/METRICS.md#sourced-and-influenced, #attribution).
import type { Rate } from '../analytics/rate.ts';
import type { DealType } from './enums.ts';

export const ATTRIBUTION_MODELS = ['first', 'last', 'linear', 'u', 'w'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];
export const MODEL_LABEL: Record<AttributionModel, string> = {
  first: 'First touch',
  last: 'Last touch',
  linear: 'Linear',
  u: 'U-shaped (40/40/20)',
  w: 'W-shaped (30/30/30/10)',
};

/** One row of the published weights table: k touches (with the opportunity touch for W). */
export interface WeightRow {
  touches: number;
  /** 1-based position of the opportunity touch (W-shaped only). */
  opportunityAt: number | null;
  weights: number[];
}

/** Who sourced a deal; 'none' when neither the deal, its lead source nor its lead says. */
export const SOURCED_KEYS = ['marketing', 'sales', 'partner', 'none'] as const;
export type SourcedKey = (typeof SOURCED_KEYS)[number];
export const SOURCED_LABEL: Record<SourcedKey, string> = {
  marketing: 'Marketing',
  sales: 'Sales',
  partner: 'Partner',
  none: 'Not recorded',
};

/** Deals and their amounts; "influenced" = with a marketing touch on or before close. */
export interface SourcedCell {
  n: number;
  amount: number;
  influencedN: number;
  influencedAmount: number;
}

/** One sourced-by value (or all deals) of one measure. */
export interface SourcedLine {
  sourcedBy: SourcedKey | 'all';
  byType: Record<DealType, SourcedCell>;
  total: SourcedCell;
  /** Share of the measure's deals sourced this way (by count, with its Wilson interval). */
  share: Rate;
  /** Share of the measure's amount; null when the amount is 0. */
  amountShare: number | null;
  /** Deals of this line influenced by marketing (by count, Wilson). */
  influenced: Rate;
  influencedAmountShare: number | null;
}

export interface SourcedMeasure {
  /** pipeline: deals created in the period; won: won deals closed in the period. */
  measure: 'pipeline' | 'won';
  label: string;
  /** marketing, sales, partner, not recorded (those with deals), then all. */
  lines: SourcedLine[];
}

export interface AttributedCampaign {
  campaignId: number;
  campaign: string;
  channel: string;
  /** Won deals with a counted touch of this campaign. */
  deals: number;
  /** Revenue credited under the model (whole cents summed). */
  amount: number;
  /** Of all attributed revenue. */
  share: number | null;
}

export interface AttributedChannel {
  channel: string;
  deals: number;
  amount: number;
  share: number | null;
}

export interface AttributionReport {
  model: AttributionModel;
  weights: WeightRow[];
  /** Won deals in the period and their amount. */
  wonDeals: number;
  wonAmount: number;
  attributedDeals: number;
  attributedAmount: number;
  /** Won deals with no counted touch. */
  unattributedDeals: number;
  unattributedAmount: number;
  campaigns: AttributedCampaign[];
  channels: AttributedChannel[];
}

export interface SourcedReport {
  from: string | null;
  to: string | null;
  definition: string;
  pipeline: SourcedMeasure;
  won: SourcedMeasure;
  attribution: AttributionReport;
}
