// Reports: what a user may put in one (sections in their order, a period, filters) and how a
// relative period ("last quarter") becomes the absolute dates the report prints. Pure: the builder,
// the core and `winnow report` share it, so a template re-run for a new month resolves the same way.
import type { FunnelMode, FunnelStart } from './funnel.ts';
import type { Dimension, MatrixFilter } from './win-rates.ts';

export const SECTION_KINDS = [
  'summary',
  'matrix',
  'competitors',
  'reasons',
  'quotes',
  'retention',
  'funnel',
  'velocity',
  'criteria',
  'plan',
  'notes',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const SECTION_LABEL: Record<SectionKind, string> = {
  summary: 'Executive summary',
  matrix: 'Win-rate matrix',
  competitors: 'Competitor profiles',
  reasons: 'Why we win and why we lose',
  quotes: 'Quote digest',
  retention: 'Retention cohorts and revenue movements',
  funnel: 'Marketing funnel',
  velocity: 'Funnel velocity',
  criteria: 'Qualification criteria',
  plan: 'Saved needed-MQL plan',
  notes: 'Notes',
};

export const PAGE_SIZES = ['A4', 'Letter'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const ORIENTATIONS = ['portrait', 'landscape'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

export const RELATIVE_PERIODS = [
  'lastMonth',
  'lastQuarter',
  'last12Months',
  'yearToDate',
  'lastYear',
  'allTime',
] as const;
export type RelativePeriod = (typeof RELATIVE_PERIODS)[number];

export const RELATIVE_PERIOD_LABEL: Record<RelativePeriod, string> = {
  lastMonth: 'Last month',
  lastQuarter: 'Last quarter',
  last12Months: 'Last 12 months',
  yearToDate: 'Year to date',
  lastYear: 'Last year',
  allTime: 'All time',
};

export type ReportPeriod =
  { kind: 'absolute'; from: string; to: string } | { kind: 'relative'; preset: RelativePeriod };

export interface SectionBase {
  /** Stable within a spec, for the builder's list keys and the document's anchors. */
  id: string;
  orientation: Orientation;
}

export type ReportSection = SectionBase &
  (
    | { kind: 'summary' }
    | { kind: 'matrix'; rows: Dimension; cols: Dimension | 'none'; measure: 'count' | 'amount'; trend: boolean }
    | { kind: 'competitors'; competitorIds: number[]; limit: number }
    | { kind: 'reasons'; quotesPerReason: number; limit: number }
    | { kind: 'quotes'; limit: number }
    | { kind: 'retention'; grain: 'month' | 'quarter' | 'year' }
    | { kind: 'funnel'; mode: FunnelMode; start: FunnelStart }
    | { kind: 'velocity' }
    /** 'all': every mature MQL, as the Criteria tab opens; 'report': MQL dates in the report's period. */
    | { kind: 'criteria'; mqls: CriteriaScope }
    /** A needed-MQL plan saved in the Funnel area, chosen by its name. */
    | { kind: 'plan'; plan: string }
    | { kind: 'notes'; markdown: string }
  );

export const CRITERIA_SCOPES = ['all', 'report'] as const;
export type CriteriaScope = (typeof CRITERIA_SCOPES)[number];

export interface ReportSpec {
  title: string;
  author: string;
  period: ReportPeriod;
  /** Deal filters (dimension values), applied to the matrix sections and listed in the appendix. */
  filters: MatrixFilter[];
  pageSize: PageSize;
  sections: ReportSection[];
}

export interface ReportTemplate {
  id: number;
  name: string;
  spec: ReportSpec;
  updatedAt: string;
}

/** The report as one self-contained HTML document; the preview and the PDF are this document. */
export interface ReportDocument {
  title: string;
  /** The period as printed, resolved to dates. */
  from: string;
  to: string;
  html: string;
  /** The same document's parts, for the in-app preview (its page's CSP forbids inline styles). */
  css: string;
  body: string;
  /** Chart count, for the benchmark and the builder's summary line. */
  charts: number;
}

export interface PdfResult {
  path: string;
  pages: number;
  bytes: number;
  ms: number;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

/**
 * The dates a period stands for on `today` (an ISO day): relative periods are whole calendar
 * periods before today (last quarter on 2026-05-10 is 2026-01-01 to 2026-03-31), except year to
 * date and the last 12 months, which end today. allTime spans `dataRange` (the first and last close
 * dates), else today alone.
 */
export function resolvePeriod(
  period: ReportPeriod,
  today: string,
  dataRange: { first: string | null; last: string | null } = { first: null, last: null },
): { from: string; to: string } {
  if (period.kind === 'absolute') return { from: period.from, to: period.to };
  const t = new Date(`${today}T00:00:00Z`);
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth();
  switch (period.preset) {
    case 'lastMonth':
      return { from: iso(utc(y, m - 1, 1)), to: iso(utc(y, m, 0)) };
    case 'lastQuarter': {
      const q = Math.floor(m / 3);
      return { from: iso(utc(y, (q - 1) * 3, 1)), to: iso(utc(y, q * 3, 0)) };
    }
    case 'last12Months':
      return { from: iso(utc(y - 1, m, t.getUTCDate() + 1)), to: today };
    case 'yearToDate':
      return { from: iso(utc(y, 0, 1)), to: today };
    case 'lastYear':
      return { from: iso(utc(y - 1, 0, 1)), to: iso(utc(y - 1, 11, 31)) };
    case 'allTime':
      return { from: dataRange.first ?? today, to: dataRange.last ?? today };
  }
}

/** A new section of a kind with its defaults; a plan section starts on `plan` (the first saved plan). */
export function newSection(kind: SectionKind, id: string, plan = ''): ReportSection {
  const base = { id, orientation: 'portrait' as Orientation };
  switch (kind) {
    case 'summary':
      return { ...base, kind };
    case 'matrix':
      return {
        ...base,
        kind,
        rows: 'segment',
        cols: 'region',
        measure: 'count',
        trend: true,
        orientation: 'landscape',
      };
    case 'competitors':
      return { ...base, kind, competitorIds: [], limit: 5 };
    case 'reasons':
      return { ...base, kind, quotesPerReason: 2, limit: 8 };
    case 'quotes':
      return { ...base, kind, limit: 20 };
    case 'retention':
      return { ...base, kind, grain: 'quarter', orientation: 'landscape' };
    case 'funnel':
      return { ...base, kind, mode: 'cohort', start: 'lead' };
    case 'velocity':
      return { ...base, kind };
    case 'criteria':
      return { ...base, kind, mqls: 'all', orientation: 'landscape' };
    case 'plan':
      return { ...base, kind, plan };
    case 'notes':
      return { ...base, kind, markdown: '' };
  }
}

/**
 * The definitions printed in every report's appendix, in docs/METRICS.md's words (shortened to
 * their rule; the document has the examples).
 */
export const REPORT_DEFINITIONS: { term: string; text: string }[] = [
  {
    term: 'Win rate',
    text: 'Won deals / closed deals, over the deals a figure looks at. n = closed deals. Open deals are in neither part. A deal with several interviews or several competitors is still one deal.',
  },
  {
    term: 'Closed',
    text: 'Closed deals are the won, lost and no-decision ones. The setting "Count no-decision deals as closed" can leave no-decision deals out: closed is then won + lost. Open deals are never closed.',
  },
  {
    term: 'Intervals',
    text: 'Every interval is a 95% interval: Wilson for x successes out of n; Newcombe\u2019s hybrid score interval for a difference of two proportions. A difference is significant only when its 95% interval excludes 0.',
  },
  {
    term: 'Low-n rule',
    text: 'With n below "Low-confidence below n" a figure is marked low confidence; with n below "Hide rate below n" the rate is hidden and only the counts are shown.',
  },
  {
    term: 'No-decision share',
    text: 'No-decision deals / (won + lost + no-decision deals), whatever the closed setting. n = deals that ended.',
  },
  {
    term: 'NRR (twelve-month lookback)',
    text: 'The customers active in the period 12 months earlier: their revenue now / their revenue then. Expansion counts, so NRR can exceed 100%. No interval.',
  },
  {
    term: 'Attribution model',
    text: 'Won revenue is attributed to campaigns by first touch, last touch, linear, U-shaped (40/40/20) or W-shaped (30/30/30/10) weights that sum to 1 per deal. This report has no attribution section.',
  },
];
