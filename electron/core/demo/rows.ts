// The rows the demo generator emits, one type per table, in the table's own terms.
// Keeping the generator's output as plain rows lets it stay pure (no database in sight) and lets
// the writer stream them into SQLite with prepared statements.
import type {
  DealType,
  Driver,
  InterviewChannel,
  IntervieweeRole,
  InterviewerType,
  Outcome,
  Sentiment,
  SourcedBy,
} from '#shared/domain/enums.ts';

export interface DealRow {
  id: number;
  externalId: string;
  name: string;
  accountId: number;
  amount: number;
  productId: number;
  ownerId: number;
  teamId: number;
  dealType: DealType;
  leadSourceId: number | null;
  sourcedBy: SourcedBy | null;
  segment: string;
  region: string;
  createdDate: string;
  mqlDate: string | null;
  sqlDate: string | null;
  closeDate: string | null;
  stage: string;
  outcome: Outcome;
  lostToCompetitorId: number | null;
  repReasonId: number | null;
  repReasonText: string | null;
  contractStart: string | null;
  contractEnd: string | null;
}

export interface InterviewRow {
  id: number;
  dealId: number;
  status: 'draft' | 'complete';
  intervieweeName: string | null;
  intervieweeRole: IntervieweeRole;
  intervieweeTitle: string;
  interviewerType: InterviewerType;
  channel: InterviewChannel;
  interviewDate: string;
  consentToQuote: boolean;
  anonymous: boolean;
  guideId: number | null;
  answersJson: string;
  buyerStatement: string;
  notes: string;
  completedAt: string | null;
}

export interface DemoSink {
  team(id: number, name: string): void;
  owner(id: number, name: string, email: string, teamId: number): void;
  product(id: number, name: string, line: string, listPrice: number): void;
  leadSource(id: number, name: string, sourcedBy: SourcedBy): void;
  campaign(id: number, name: string, channel: string, startDate: string): void;
  competitor(id: number, name: string, website: string): void;
  alias(competitorId: number, alias: string, key: string): void;
  account(
    id: number,
    externalId: string,
    name: string,
    sector: string,
    employeeBand: string,
    revenueBand: string,
    segment: string,
    region: string,
    country: string,
  ): void;
  deal(row: DealRow): void;
  dealCompetitor(
    dealId: number,
    competitorId: number,
    isPrimary: boolean,
    strengths: string | null,
    weaknesses: string | null,
  ): void;
  stage(dealId: number, stage: string, enteredAt: string, amount: number): void;
  touch(dealId: number, campaignId: number, touchedAt: string): void;
  lead(
    id: number,
    externalId: string,
    accountId: number | null,
    leadSourceId: number,
    createdDate: string,
    mqlDate: string | null,
    sqlDate: string | null,
    dealId: number | null,
    extra: LeadExtra,
  ): void;
  leadQualification(leadId: number, criterionId: number, met: boolean): void;
  dealQualification(dealId: number, criterionId: number, met: boolean): void;
  interview(row: InterviewRow): void;
  interviewReason(interviewId: number, reasonId: number, isPrimary: boolean, driver: Driver): void;
  rating(interviewId: number, criterionId: number, competitorId: number | null, rating: number): void;
  quote(
    id: number,
    interviewId: number,
    text: string,
    sentiment: Sentiment,
    shareable: boolean,
    competitorId: number | null,
    reasonId: number | null,
    sort: number,
  ): void;
  quoteTheme(quoteId: number, themeId: number): void;
}

/** Ids of the defaults seeded into every workspace, looked up by name before generating. */
/** A lead's owner and CRM status (a disqualified lead has left the funnel). */
export interface LeadExtra {
  ownerId: number | null;
  status: string;
  disqualified: boolean;
  reason: string | null;
}

export interface DemoLookups {
  reasonIdByName: Map<string, number>;
  ratingCriterionIds: { key: string; id: number }[];
  qualificationIdByKey: Map<string, number>;
  themeIdByName: Map<string, number>;
  guideIdByOutcome: Map<string, number>;
}
