// The closed vocabularies of the domain (docs/METRICS.md#outcomes, #defaults). Shared by the schema, the
// contract's validators, the importer and the UI, so a value means the same thing everywhere.

/** Outcome of a deal. "lost" and "no_decision" stay apart, as leading programmes keep them. */
export const OUTCOMES = ['open', 'won', 'lost', 'no_decision'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const CLOSED_OUTCOMES = ['won', 'lost', 'no_decision'] as const;

export const DEAL_TYPES = ['new_business', 'expansion', 'cross_sell', 'renewal'] as const;
export type DealType = (typeof DEAL_TYPES)[number];

export const SOURCED_BY = ['marketing', 'sales', 'partner'] as const;
export type SourcedBy = (typeof SOURCED_BY)[number];

export const INTERVIEWEE_ROLES = ['economic_buyer', 'champion', 'technical_evaluator', 'user', 'rep'] as const;
export type IntervieweeRole = (typeof INTERVIEWEE_ROLES)[number];

export const INTERVIEWER_TYPES = ['third_party', 'internal_neutral', 'deal_owner'] as const;
export type InterviewerType = (typeof INTERVIEWER_TYPES)[number];

export const INTERVIEW_CHANNELS = ['call', 'video', 'survey', 'rep_form'] as const;
export type InterviewChannel = (typeof INTERVIEW_CHANNELS)[number];

export const INTERVIEW_STATUSES = ['draft', 'complete'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

export const DRIVERS = ['win', 'loss'] as const;
export type Driver = (typeof DRIVERS)[number];

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const REVENUE_KINDS = ['mrr', 'invoice'] as const;
export type RevenueKind = (typeof REVENUE_KINDS)[number];

/** Human labels, for the UI and reports. */
export const OUTCOME_LABEL: Record<Outcome, string> = {
  open: 'Open',
  won: 'Won',
  lost: 'Lost',
  no_decision: 'No decision',
};

export const DEAL_TYPE_LABEL: Record<DealType, string> = {
  new_business: 'New business',
  expansion: 'Expansion',
  cross_sell: 'Cross-sell',
  renewal: 'Renewal',
};
