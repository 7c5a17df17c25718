// Win/loss interviews as the UI, the CLI and exports see them (docs/METRICS.md#interview-scope).
import type { FieldIssue } from '../contract/result.ts';
import type { Segment } from '../text/highlight.ts';
import type { GuideSection } from './defaults.ts';
import type {
  Driver,
  InterviewChannel,
  IntervieweeRole,
  InterviewerType,
  InterviewStatus,
  Outcome,
  Sentiment,
} from './enums.ts';
import type { InterviewDraft } from './interview-draft.ts';

export const ROLE_LABEL: Record<IntervieweeRole, string> = {
  economic_buyer: 'Economic buyer',
  champion: 'Champion',
  technical_evaluator: 'Technical evaluator',
  user: 'User',
  rep: 'Our rep',
};

export const INTERVIEWER_LABEL: Record<InterviewerType, string> = {
  third_party: 'Third party',
  internal_neutral: 'Internal, neutral',
  deal_owner: 'Deal owner',
};

export const CHANNEL_LABEL: Record<InterviewChannel, string> = {
  call: 'Call',
  video: 'Video',
  survey: 'Survey',
  rep_form: 'Rep form',
};

export const SENTIMENT_LABEL: Record<Sentiment, string> = {
  positive: 'Positive',
  neutral: 'Neutral',
  negative: 'Negative',
};

export const DRIVER_LABEL: Record<Driver, string> = { win: 'Win driver', loss: 'Loss driver' };

export const STATUS_LABEL: Record<InterviewStatus, string> = { draft: 'Draft', complete: 'Complete' };

/** The interview list's filters; all optional, combined with AND. */
export interface InterviewFilters {
  outcome?: Outcome;
  competitorId?: number;
  reasonId?: number;
  themeId?: number;
  role?: IntervieweeRole;
  status?: InterviewStatus;
  /** Interview date range, inclusive (ISO dates). */
  from?: string;
  to?: string;
  /** Full-text search over statements, notes, answers and quotes. */
  search?: string;
}

export const INTERVIEW_SORTS = ['relevance', 'date', 'deal', 'outcome', 'status', 'role', 'updated'] as const;
export type InterviewSort = (typeof INTERVIEW_SORTS)[number];

export type SearchField = 'statement' | 'notes' | 'answers' | 'quote';

export const SEARCH_FIELD_LABEL: Record<SearchField, string> = {
  statement: "Buyer's statement",
  notes: 'Notes',
  answers: 'Answers',
  quote: 'Quote',
};

/** Where a search matched, with the matched words marked. */
export interface SearchMatch {
  field: SearchField;
  quoteId: number | null;
  segments: Segment[];
}

export interface InterviewListRow {
  id: number;
  dealId: number;
  dealName: string;
  accountName: string | null;
  outcome: Outcome;
  closeDate: string | null;
  status: InterviewStatus;
  interviewDate: string | null;
  /** Null when the interview is anonymous: lists never carry the name. */
  intervieweeName: string | null;
  intervieweeTitle: string | null;
  intervieweeRole: IntervieweeRole | null;
  interviewerType: InterviewerType | null;
  channel: InterviewChannel | null;
  anonymous: boolean;
  primaryReason: { id: number; name: string; driver: Driver } | null;
  quotes: number;
  updatedAt: string;
  /** Filled when the list is searched. */
  matches: SearchMatch[];
}

export interface InterviewPage {
  rows: InterviewListRow[];
  /** Interviews matching the filters (all pages). */
  total: number;
  /** Distinct deals among them. */
  deals: number;
  offset: number;
}

/** A deal offered by the capture form's deal search. */
export interface DealOption {
  id: number;
  externalId: string | null;
  name: string;
  accountName: string | null;
  outcome: Outcome;
  closeDate: string | null;
  amount: number | null;
  currency: string;
  segment: string | null;
  interviews: number;
}

export interface DraftSummary {
  id: number;
  dealName: string;
  accountName: string | null;
  outcome: Outcome;
  intervieweeName: string | null;
  intervieweeTitle: string | null;
  interviewDate: string | null;
  updatedAt: string;
}

export interface DealContext {
  id: number;
  externalId: string | null;
  name: string;
  accountName: string | null;
  sector: string | null;
  segment: string | null;
  outcome: Outcome;
  closeDate: string | null;
  amount: number | null;
  currency: string;
  productName: string | null;
  ownerName: string | null;
  repReasonText: string | null;
  repReasonName: string | null;
  competitors: { id: number; name: string; isPrimary: boolean }[];
}

export interface InterviewRecord {
  id: number;
  externalId: string | null;
  status: InterviewStatus;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  deal: DealContext;
  draft: InterviewDraft;
  /** What is still needed to complete it (empty when it can be completed). */
  missing: FieldIssue[];
}

/** A new interview before its first save: nothing is stored until the user types. */
export interface UnsavedInterview {
  deal: DealContext;
  draft: InterviewDraft;
  missing: FieldIssue[];
}

export interface SaveResult {
  status: InterviewStatus;
  savedAt: string;
  /** Ids of quotes created by this save, by the form's quote key. */
  quoteIds: Record<string, number>;
  missing: FieldIssue[];
  /** True when a complete interview was edited into an incomplete one and went back to draft. */
  reopened: boolean;
}

export interface Guide {
  id: number;
  name: string;
  defaultFor: 'won' | 'lost' | 'no_decision' | null;
  sections: GuideSection[];
  /** Interviews that used it. */
  interviews: number;
}

export interface Theme {
  id: number;
  name: string;
  quotes: number;
}

export interface RatingCriterion {
  id: number;
  key: string;
  label: string;
  retired: boolean;
}

/** A reason as the form's picker offers it. */
export interface ReasonOption {
  id: number;
  name: string;
  categoryId: number;
  categoryName: string;
  /** Retired or merged reasons are not offered for new coding but still show where used. */
  active: boolean;
}

/** Everything the capture form needs besides the interview itself, in one call. */
export interface CaptureOptions {
  reasons: ReasonOption[];
  criteria: RatingCriterion[];
  themes: Theme[];
  guides: Guide[];
}

/** Lists for the filter bars of the interview list, the quote browser and the analyses. */
export interface InterviewFacets {
  competitors: { id: number; name: string }[];
  segments: string[];
  products: { id: number; name: string }[];
  reasons: ReasonOption[];
  themes: Theme[];
  /** Interview dates and deal close dates present, for period pickers. */
  interviewDates: { first: string | null; last: string | null };
  closeDates: { first: string | null; last: string | null };
  counts: { interviews: number; drafts: number; quotes: number };
}

export interface QuoteFilters {
  themeId?: number;
  competitorId?: number;
  reasonId?: number;
  sentiment?: Sentiment;
  outcome?: Outcome;
  /** Only quotes cleared for use outside the company (shareable, with consent). */
  shareableOnly?: boolean;
  search?: string;
  interviewId?: number;
  /** Include quotes from draft interviews (default: complete interviews only). */
  includeDrafts?: boolean;
}

export interface QuoteRow {
  id: number;
  text: string;
  /** The text with search matches marked, when searched. */
  segments: Segment[] | null;
  sentiment: Sentiment;
  /** Marked shareable on the quote. */
  shareable: boolean;
  /** Shareable and the interviewee consented to be quoted: usable outside the company. */
  cleared: boolean;
  consentToQuote: boolean;
  anonymous: boolean;
  themes: { id: number; name: string }[];
  competitor: { id: number; name: string } | null;
  reason: { id: number; name: string } | null;
  interviewId: number;
  interviewDate: string | null;
  status: InterviewStatus;
  dealId: number;
  dealName: string;
  outcome: Outcome;
  /** "VP Finance, mid-market retailer" (quote-attribution.ts). */
  attribution: string;
  /** What "Copy quote" puts on the clipboard. */
  copyText: string;
}

export interface QuotePage {
  rows: QuoteRow[];
  total: number;
  offset: number;
}

export const EXPORT_KINDS = ['interviews', 'quotes'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportResult {
  path: string;
  rows: number;
}
