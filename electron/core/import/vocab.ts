// The words CRMs use for outcomes, stages, deal types and yes/no, and what they mean here. Matched
// on a key that ignores case, spaces and punctuation ("Closed Won" = "closedwon" = "closed_won").
// A value not listed is never guessed: the check lists it for the user to map.
import type {
  DealType,
  Driver,
  InterviewChannel,
  IntervieweeRole,
  InterviewerType,
  InterviewStatus,
  Outcome,
  RevenueKind,
  Sentiment,
  SourcedBy,
} from '#shared/domain/enums.ts';

export function vocabKey(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function table<T>(entries: [T, string[]][]): Map<string, T> {
  const m = new Map<string, T>();
  for (const [value, words] of entries) for (const w of words) m.set(vocabKey(w), value);
  return m;
}

/**
 * Outcome words, and the open stage names of Salesforce, HubSpot and Pipedrive's default
 * pipelines (a deal in any of them is open). '1' means won (a won flag); '0' is left to the user,
 * since a not-won flag can mean lost or open.
 */
export const OUTCOME_WORDS = table<Outcome>([
  ['won', ['Won', 'Closed Won', 'closedwon', 'Win', 'Closed - Won', 'Closed/Won', '1']],
  ['lost', ['Lost', 'Closed Lost', 'closedlost', 'Loss', 'Lose', 'Closed - Lost', 'Closed/Lost']],
  [
    'no_decision',
    [
      'No Decision',
      'Closed No Decision',
      'Closed - No Decision',
      'No decision / status quo',
      'Status quo',
      'nodecision',
    ],
  ],
  [
    'open',
    [
      'Open',
      // Salesforce's standard opportunity stages
      'Prospecting',
      'Qualification',
      'Needs Analysis',
      'Value Proposition',
      'Id. Decision Makers',
      'Perception Analysis',
      'Proposal/Price Quote',
      'Negotiation/Review',
      // HubSpot's default sales pipeline (labels and internal values)
      'Appointment Scheduled',
      'appointmentscheduled',
      'Qualified To Buy',
      'qualifiedtobuy',
      'Presentation Scheduled',
      'presentationscheduled',
      'Decision Maker Bought-In',
      'decisionmakerboughtin',
      'Contract Sent',
      'contractsent',
      // Pipedrive's default pipeline
      'Lead In',
      'Contact Made',
      'Demo Scheduled',
      'Needs Defined',
      'Proposal Made',
      'Negotiations Started',
      // Common generic stage names
      'Lead',
      'Discovery',
      'Engaging',
      'Qualified',
      'Demo',
      'Proposal',
      'Negotiation',
      'Commit',
      'In progress',
      'Pipeline',
    ],
  ],
]);

export const DEAL_TYPE_WORDS = table<DealType>([
  ['new_business', ['New Business', 'newbusiness', 'New', 'New Customer', 'New Logo', 'Net New']],
  ['expansion', ['Expansion', 'Upsell', 'Up-sell', 'Upgrade', 'Existing Customer - Upgrade', 'Add-on']],
  ['cross_sell', ['Cross-sell', 'Cross sell', 'crosssell']],
  ['renewal', ['Renewal', 'Existing Customer - Renewal', 'Renew']],
]);

export const SOURCED_BY_WORDS = table<SourcedBy>([
  ['marketing', ['Marketing', 'Marketing sourced', 'MQL']],
  ['sales', ['Sales', 'Sales sourced', 'Outbound', 'SDR', 'BDR']],
  ['partner', ['Partner', 'Partner sourced', 'Channel', 'Reseller']],
]);

/** What a billing export calls a revenue line's kind. */
export const REVENUE_KIND_WORDS = table<RevenueKind>([
  ['mrr', ['MRR', 'Monthly recurring revenue', 'Recurring', 'Subscription', 'Snapshot', 'MRR snapshot']],
  ['invoice', ['Invoice', 'Invoice line', 'Inv', 'Purchase', 'Order', 'Sale', 'Charge', 'One-off', 'One time']],
]);

export const BOOL_WORDS = table<boolean>([
  [true, ['true', 'yes', 'y', '1', 't', 'x', 'primary', 'won']],
  [false, ['false', 'no', 'n', '0', 'f']],
]);

// Interview programmes run in spreadsheets: the words their columns use for who was interviewed,
// who interviewed, how, and the codes Winnow's own export writes (economic_buyer, rep_form ...).
export const ROLE_WORDS = table<IntervieweeRole>([
  ['economic_buyer', ['Economic buyer', 'EB', 'Decision maker', 'Budget holder', 'Executive sponsor', 'Signer']],
  ['champion', ['Champion', 'Internal champion', 'Sponsor']],
  ['technical_evaluator', ['Technical evaluator', 'Technical buyer', 'Evaluator', 'IT', 'Tech lead', 'Architect']],
  ['user', ['User', 'End user', 'End-user', 'Practitioner']],
  ['rep', ['Rep', 'Our rep', 'Sales rep', 'AE', 'Account executive', 'Deal owner']],
]);

export const INTERVIEWER_WORDS = table<InterviewerType>([
  ['third_party', ['Third party', '3rd party', 'Third-party firm', 'External', 'Agency', 'Vendor', 'Consultant']],
  ['internal_neutral', ['Internal neutral', 'Internal, neutral', 'Internal', 'Neutral', 'PMM', 'Product marketing']],
  ['deal_owner', ['Deal owner', 'Owner', 'Rep', 'Sales rep', 'AE', 'Account executive', 'Sales']],
]);

export const CHANNEL_WORDS = table<InterviewChannel>([
  ['call', ['Call', 'Phone', 'Phone call', 'Telephone', 'Voice']],
  ['video', ['Video', 'Video call', 'Zoom', 'Teams', 'Google Meet', 'Meet', 'Webex']],
  ['survey', ['Survey', 'Online survey', 'Questionnaire', 'Typeform', 'Google Form', 'Web form', 'Email survey']],
  ['rep_form', ['Rep form', 'rep_form', 'CRM form', 'Loss form', 'Win form', 'Rep survey']],
]);

export const INTERVIEW_STATUS_WORDS = table<InterviewStatus>([
  ['draft', ['Draft', 'In progress', 'Incomplete', 'Partial', 'To code', 'Not coded']],
  ['complete', ['Complete', 'Completed', 'Done', 'Finished', 'Coded', 'Final']],
]);

export const DRIVER_WORDS = table<Driver>([
  ['win', ['Win', 'Win driver', 'Won', 'W', 'Why we won', 'Positive']],
  ['loss', ['Loss', 'Loss driver', 'Lost', 'L', 'Why we lost', 'Negative']],
]);

export const SENTIMENT_WORDS = table<Sentiment>([
  ['positive', ['Positive', 'Pos', 'Good', 'Praise']],
  ['neutral', ['Neutral', 'Neu', 'Factual']],
  ['negative', ['Negative', 'Neg', 'Bad', 'Criticism', 'Complaint']],
]);

export const ENUM_WORDS: Record<string, Map<string, string>> = {
  outcome: OUTCOME_WORDS,
  dealType: DEAL_TYPE_WORDS,
  sourcedBy: SOURCED_BY_WORDS,
  intervieweeRole: ROLE_WORDS,
  interviewerType: INTERVIEWER_WORDS,
  channel: CHANNEL_WORDS,
  interviewStatus: INTERVIEW_STATUS_WORDS,
  primaryDriver: DRIVER_WORDS,
  secondaryDriver: DRIVER_WORDS,
  sentiment: SENTIMENT_WORDS,
  lineKind: REVENUE_KIND_WORDS,
};
