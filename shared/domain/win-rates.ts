// Win-rate matrices, change over time, competitor profiles and the win/loss overview: what the
// user may ask for (dimensions from an allowlist, filters, periods) and what comes back. The core
// maps each dimension to SQL of its own (electron/core/win-rates/dimensions.ts); no user text
// ever reaches SQL.
import type { Rate } from '../analytics/rate.ts';
import type { Outcome } from './enums.ts';

export const DIMENSIONS = [
  'competitor',
  'primaryCompetitor',
  'segment',
  'region',
  'product',
  'sizeBand',
  'dealType',
  'owner',
  'team',
  'office',
  'leadSource',
  'closeMonth',
  'closeQuarter',
  'closeYear',
  'sector',
  'employeeBand',
  'revenueBand',
  'country',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABEL: Record<Dimension, string> = {
  competitor: 'Competitor (involved)',
  primaryCompetitor: 'Competitor (head-to-head, primary only)',
  segment: 'Segment',
  region: 'Region',
  product: 'Product',
  sizeBand: 'Deal size band',
  dealType: 'Deal type',
  owner: 'Owner',
  team: 'Team',
  office: 'Owner’s office',
  leadSource: 'Lead source',
  closeMonth: 'Close month',
  closeQuarter: 'Close quarter',
  closeYear: 'Close year',
  sector: 'Account sector',
  employeeBand: 'Account employee band',
  revenueBand: 'Account revenue band',
  country: 'Account country',
};

/** Dimensions where one deal can have several values: it counts once under each, once in totals. */
export const MULTI_VALUED: ReadonlySet<Dimension> = new Set<Dimension>(['competitor']);

export const PERIOD_DIMENSIONS: ReadonlySet<Dimension> = new Set<Dimension>([
  'closeMonth',
  'closeQuarter',
  'closeYear',
]);

/**
 * Deal-size bands on the deal amount (in the workspace currency), lower bound included, upper
 * excluded. Stated on screen wherever the band dimension is used.
 */
export const SIZE_BANDS: { key: string; label: string; min: number; max: number | null }[] = [
  { key: '1', label: 'Under 10k', min: 0, max: 10_000 },
  { key: '2', label: '10k to 50k', min: 10_000, max: 50_000 },
  { key: '3', label: '50k to 100k', min: 50_000, max: 100_000 },
  { key: '4', label: '100k to 250k', min: 100_000, max: 250_000 },
  { key: '5', label: '250k and over', min: 250_000, max: null },
];

export function sizeBandsText(currency: string): string {
  return `Deal size bands (${currency}, lower bound included): ${SIZE_BANDS.map((b) => b.label).join('; ')}; deals without an amount are "Not set".`;
}

export type Measure = 'count' | 'amount';

/** Close dates from and to, inclusive ISO dates; either may be open. */
export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

/** Keep deals whose value on `dim` is one of `values` (keys as returned in DimValue; null = not set). */
export interface MatrixFilter {
  dim: Dimension;
  values: (string | null)[];
}

export interface MatrixQuery {
  rows: Dimension;
  /** 'none': a single column of all deals. */
  cols: Dimension | 'none';
  measure: Measure;
  period: Period;
  filters: MatrixFilter[];
}

/** One value of a dimension: key as the core matches it (id, text or period), label for people. */
export interface DimValue {
  key: string | null;
  label: string;
}

/** A filter value's label among its dimension's values: an unlisted key as itself, null as "not set". */
export function dimValueLabel(values: readonly DimValue[] | undefined, key: string | null): string {
  return values?.find((v) => v.key === key)?.label ?? (key === null ? 'not set' : key);
}

/** Counts behind one cell or total, with the rate both ways. */
export interface MatrixFigures {
  won: number;
  closed: number;
  /** Sums of amounts; null when the measure is count (not computed). */
  wonAmount: number | null;
  closedAmount: number | null;
  /** won / closed with its Wilson interval and low-n flag. */
  rate: Rate;
  /** wonAmount / closedAmount; null when no closed amount. No interval: Wilson is for counts. */
  amountRate: number | null;
}

export interface MatrixCell extends MatrixFigures {
  row: string | null;
  col: string | null;
}

export interface MatrixResult {
  query: MatrixQuery;
  rows: DimValue[];
  cols: DimValue[];
  /** Only cells with at least one closed deal; the rest are empty (n = 0). */
  cells: MatrixCell[];
  rowTotals: (MatrixFigures & { row: string | null })[];
  colTotals: (MatrixFigures & { col: string | null })[];
  overall: MatrixFigures;
  includeNoDecision: boolean;
  /** The definition in force, for the screen and exports. */
  definition: string;
  /** Notes the screen must show: multi-valued dimensions, size bands, measure. */
  notes: string[];
  currency: string;
  thresholds: { lowConfidenceBelowN: number; hideRateBelowN: number };
  /** How it was computed: 'copies' = deal_competitors' covering index alone; 'join' = general SQL. */
  plan: 'copies' | 'join';
}

/** A cell (or total: undefined side) to drill into. */
export interface CellRef {
  /** undefined = all rows (a column total, or the overall total). */
  row?: string | null | undefined;
  col?: string | null | undefined;
}

export interface DealListItem {
  id: number;
  externalId: string | null;
  name: string;
  account: string | null;
  amount: number | null;
  closeDate: string | null;
  outcome: Outcome;
  segment: string | null;
  owner: string | null;
  competitors: string | null;
}

export interface DealPage {
  total: number;
  offset: number;
  deals: DealListItem[];
}

export interface ChangeCell {
  row: string | null;
  col: string | null;
  a: MatrixFigures | null;
  b: MatrixFigures | null;
  /** b - a for the measure in force; null when either side has no closed deals. */
  difference: number | null;
  /** Newcombe 95% interval of the difference (count measure only). */
  low: number | null;
  high: number | null;
  significant: boolean;
}

export interface MatrixChange {
  a: MatrixResult;
  b: MatrixResult;
  periodA: Period;
  periodB: Period;
  rows: DimValue[];
  cols: DimValue[];
  cells: ChangeCell[];
  rowTotals: ChangeCell[];
  colTotals: ChangeCell[];
  overall: ChangeCell;
}

export interface TrendPoint {
  period: string;
  won: number;
  closed: number;
  rate: Rate;
}

export interface MatrixTrend {
  grain: 'closeMonth' | 'closeQuarter' | 'closeYear';
  periods: string[];
  /** Per row key (JSON key '' stands for null), one point per period. */
  rows: { row: string | null; points: TrendPoint[] }[];
  overall: TrendPoint[];
}

/** A competitor in the list: how often we meet them and how we do, involved and head-to-head. */
export interface CompetitorSummary {
  id: number;
  name: string;
  /** Deals where they were involved, open ones included. */
  encounters: number;
  involved: Rate;
  headToHead: Rate;
  lastCloseDate: string | null;
}

export interface BreakdownRow {
  key: string | null;
  label: string;
  involved: Rate;
  headToHead: Rate;
}

export interface PeriodRates {
  period: string;
  involved: Rate;
  headToHead: Rate;
}

export interface DealSizeCycle {
  /** Closed deals behind the averages. */
  deals: number;
  averageAmount: number | null;
  /** Mean days from created to close, over closed deals with both dates. */
  averageCycleDays: number | null;
}

export interface ReasonCount {
  reason: string;
  category: string | null;
  /** Times coded (interviews) or deals (CRM). */
  count: number;
  /** Of those, as the primary reason (interviews only). */
  primary: number;
}

export interface RatingComparison {
  criterion: string;
  us: number | null;
  usN: number;
  them: number | null;
  themN: number;
}

export interface QuoteMention {
  id: number;
  text: string;
  sentiment: 'positive' | 'neutral' | 'negative';
  shareable: boolean;
  interviewDate: string | null;
  /** Who said it: role and title; the name only when the interview is not anonymous. */
  speaker: string;
  dealName: string;
  outcome: Outcome;
  themes: string[];
}

export interface CompetitorProfile {
  id: number;
  name: string;
  website: string | null;
  aliases: string[];
  period: Period;
  definition: string;
  includeNoDecision: boolean;
  currency: string;
  thresholds: { lowConfidenceBelowN: number; hideRateBelowN: number };
  encounters: number;
  /** Lost deals whose CRM record names them as the winner. */
  lostToThem: number;
  involved: Rate;
  headToHead: Rate;
  overTime: PeriodRates[];
  bySegment: BreakdownRow[];
  byRegion: BreakdownRow[];
  byProduct: BreakdownRow[];
  /** This competitor, then every competitor's deals together, then each other competitor. */
  sizeAndCycle: {
    them: DealSizeCycle;
    otherCompetitors: DealSizeCycle;
    byCompetitor: (DealSizeCycle & { id: number; name: string })[];
  };
  interviewReasons: { win: ReasonCount[]; loss: ReasonCount[]; interviews: number };
  crmReasons: { win: ReasonCount[]; loss: ReasonCount[] };
  ratings: RatingComparison[];
  quotes: QuoteMention[];
  recentDeals: DealListItem[];
}

export interface NoDecisionPoint {
  period: string;
  /** No-decision deals over won + lost + no-decision deals, whatever the closed setting. */
  share: Rate;
}

export interface Mover extends ChangeCell {
  dimension: Dimension;
  label: string;
}

/** newBusiness: new-business deals only (renewals are nearly always won); all: every deal type. */
export type OverviewScope = 'newBusiness' | 'all';

export interface OverviewSummary {
  period: Period;
  scope: OverviewScope;
  definition: string;
  includeNoDecision: boolean;
  currency: string;
  thresholds: { lowConfidenceBelowN: number; hideRateBelowN: number };
  firstCloseDate: string | null;
  lastCloseDate: string | null;
  overall: MatrixFigures;
  winRateOverTime: TrendPoint[];
  noDecisionShare: Rate;
  noDecisionOverTime: NoDecisionPoint[];
  competitors: CompetitorSummary[];
  /** Significant changes, largest first, comparing `moversB` (the last 12 months) with `moversA` (the 12 before). */
  moversA: Period | null;
  moversB: Period | null;
  movers: Mover[];
}
