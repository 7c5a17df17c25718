// The fields of an interviews file, the header names that suggest them, and two presets: the
// interviews CSV Winnow exports (so export, edit in a spreadsheet, import round-trips) and the
// columns win/loss programmes run in spreadsheets tend to have.
import { DEFAULT_RATING_CRITERIA } from '#shared/domain/defaults.ts';
import { LIMITS } from '#shared/domain/interview-draft.ts';
import { CHANNEL_LABEL, DRIVER_LABEL, INTERVIEWER_LABEL, ROLE_LABEL, STATUS_LABEL } from '#shared/domain/interviews.ts';
import type { Preset } from '../kind.ts';
import type { KindField } from '../kind-field.ts';
import { field, options } from './field-helpers.ts';

/** usProductFit / themProductFit: field keys hold no underscores. */
const camel = (key: string) => key.replace(/(^|_)([a-z])/g, (_, _u: string, c: string) => c.toUpperCase());

/** One rating field per decision criterion, for us and for the competitor rated. */
export const RATING_FIELDS = DEFAULT_RATING_CRITERIA.map((c) => ({
  criterion: c.key,
  label: c.label,
  us: `us${camel(c.key)}`,
  them: `them${camel(c.key)}`,
}));

const DRIVER_HELP =
  'blank or not mapped: as the interview has it, else win on won deals, loss on lost and no-decision ones';

export const INTERVIEW_FIELDS: KindField[] = [
  field(
    'externalId',
    'Interview id',
    'text',
    'The interview’s own id in your sheet. Importing the same id again updates that interview instead of adding a copy.',
    ['interviewexternalid', 'interviewid', 'interviewref', 'interviewnumber', 'responseid', 'id', 'ref'],
    { maxLength: 100 },
  ),
  field(
    'winnowId',
    'Winnow interview id',
    'text',
    'Winnow’s own number of the interview (interview_id in its export): rows of an export find their interview by it.',
    ['winnowinterviewid'],
    { maxLength: 20 },
  ),
  field(
    'dealExternalId',
    'Deal id (CRM)',
    'text',
    'Required: the CRM id of the deal the interview is about. The deal must be in the workspace.',
    ['dealexternalid', 'dealid', 'opportunityid', 'crmid', 'dealref', 'crmdealid', 'opportunity', 'deal'],
    { required: true, maxLength: 100 },
  ),
  field(
    'interviewStatus',
    'Status',
    'enum',
    'Draft or complete. Blank or not mapped: complete when the row has everything completion needs, else a draft.',
    ['status', 'interviewstatus', 'state'],
    { options: options(STATUS_LABEL), listValues: true },
  ),
  field('interviewDate', 'Interview date', 'date', 'When the interview took place.', [
    'interviewdate',
    'date',
    'dateofinterview',
    'interviewedon',
    'interviewed',
    'when',
  ]),
  field(
    'intervieweeName',
    'Interviewee name',
    'text',
    'Optional. Blank on an anonymous interview keeps the name Winnow has (its exports leave it out).',
    ['intervieweename', 'interviewee', 'contactname', 'contact', 'respondent', 'buyername', 'name'],
    { maxLength: LIMITS.name },
  ),
  field(
    'intervieweeTitle',
    'Interviewee title',
    'text',
    'Job title, used in quote attributions ("VP Finance").',
    ['intervieweetitle', 'jobtitle', 'title', 'position'],
    { maxLength: LIMITS.title },
  ),
  field(
    'intervieweeRole',
    'Interviewee role',
    'enum',
    'Economic buyer, champion, technical evaluator, user or our rep; other values are listed for you to map.',
    ['intervieweerole', 'role', 'buyerrole', 'persona', 'stakeholder'],
    { options: options(ROLE_LABEL), listValues: true },
  ),
  field(
    'interviewerType',
    'Interviewer',
    'enum',
    'Third party, internal (neutral) or the deal owner.',
    ['interviewer', 'interviewertype', 'interviewedby', 'conductedby'],
    { options: options(INTERVIEWER_LABEL), listValues: true },
  ),
  field(
    'channel',
    'Channel',
    'enum',
    'Call, video, survey or rep form.',
    ['channel', 'method', 'format', 'medium', 'interviewchannel'],
    { options: options(CHANNEL_LABEL), listValues: true },
  ),
  field(
    'consentToQuote',
    'Consent to quote',
    'bool',
    'Yes when the interviewee agreed to be quoted. Blank keeps what Winnow has (no, for a new interview).',
    ['consenttoquote', 'consent', 'canquote', 'quotable', 'oktoquote', 'okaytoquote', 'permissiontoquote'],
  ),
  field('anonymous', 'Anonymous', 'bool', 'Yes to keep the interviewee’s name out of attributions and exports.', [
    'anonymous',
    'anonymise',
    'anonymize',
    'anon',
  ]),
  field(
    'guide',
    'Interview guide',
    'lookup',
    'The guide’s name. Not mapped: a new interview gets the default guide for its deal’s outcome.',
    ['guide', 'interviewguide', 'template'],
    { entity: 'guide', listValues: true, maxLength: 200 },
  ),
  field(
    'answers',
    'Guide answers',
    'text',
    'The answers to the guide’s questions as Winnow exports them (answers_json).',
    ['answersjson', 'guideanswers'],
    { maxLength: 200_000 },
  ),
  field(
    'buyerStatement',
    'Buyer’s statement',
    'text',
    'The buyer’s own statement of the outcome, in their words.',
    ['buyerstatement', 'statement', 'inhiswords', 'intheirwords', 'buyerswords', 'decisionsummary', 'verbatim'],
    { maxLength: LIMITS.statement },
  ),
  field(
    'primaryReason',
    'Primary reason',
    'lookup',
    'A reason of the taxonomy (retired ones too; a merged reason becomes the one it was merged into). "Price (loss)" also gives the driver.',
    ['primaryreason', 'mainreason', 'keyreason', 'reason', 'primaryreasoncode', 'topreason'],
    { entity: 'reason', entityLabel: 'Reason', listValues: true, maxLength: 200 },
  ),
  field(
    'primaryDriver',
    'Primary reason: win or loss driver',
    'enum',
    `Win or loss driver; ${DRIVER_HELP}.`,
    ['primarydriver', 'primaryreasondriver', 'driver', 'winlossdriver', 'reasontype'],
    { options: options(DRIVER_LABEL), listValues: true },
  ),
  field(
    'secondaryReasons',
    'Secondary reasons',
    'list',
    'Reasons separated by ";" (the list separator), each optionally with its driver: "Timing (loss); Support quality (win)".',
    ['secondaryreasons', 'otherreasons', 'secondaryreason', 'additionalreasons', 'contributingreasons'],
    { entity: 'reason', entityLabel: 'Reason', listValues: true, maxLength: 2000 },
  ),
  field(
    'secondaryDriver',
    'Secondary reasons: win or loss driver',
    'enum',
    `For secondary reasons written without one; ${DRIVER_HELP}.`,
    ['secondarydriver', 'secondaryreasonsdriver', 'otherreasonsdriver'],
    { options: options(DRIVER_LABEL), listValues: true },
  ),
  ...RATING_FIELDS.map((r) =>
    field(r.us, `${r.label} (us)`, 'number', 'Our rating, a whole number from 1 to 5; blank or n/a for none.', [
      `rating${r.criterion.replace(/_/g, '')}`,
      r.criterion.replace(/_/g, ''),
      `${r.criterion.replace(/_/g, '')}us`,
    ]),
  ),
  field(
    'ratedCompetitor',
    'Competitor rated',
    'text',
    'Which competitor the competitor ratings are about; it must be on the deal. Not mapped: the deal’s primary competitor.',
    ['ratedcompetitor', 'competitorrated', 'primarycompetitor', 'competitor', 'maincompetitor'],
    { maxLength: 200 },
  ),
  ...RATING_FIELDS.map((r) =>
    field(r.them, `${r.label} (competitor)`, 'number', 'The competitor’s rating, 1 to 5; blank or n/a for none.', [
      `${r.criterion.replace(/_/g, '')}competitor`,
      `${r.criterion.replace(/_/g, '')}them`,
      `competitor${r.criterion.replace(/_/g, '')}`,
    ]),
  ),
  field(
    'competitorRatings',
    'Competitor ratings (list)',
    'text',
    'All competitor ratings in one cell, as Winnow exports them: "Acme product_fit=4; Acme price_value=2".',
    ['competitorratings'],
    { maxLength: 5000 },
  ),
  field(
    'notes',
    'Notes',
    'text',
    'Free notes (a safe Markdown subset is shown formatted).',
    ['notes', 'note', 'comments', 'comment', 'freenotes', 'observations', 'interviewnotes'],
    { maxLength: LIMITS.notes },
  ),
  field(
    'completedAt',
    'Completed at',
    'text',
    'When the interview was marked complete (a UTC time such as 2025-03-04T17:00:00.000Z, as Winnow exports it). Kept on complete interviews only; not mapped: the time of the import.',
    ['completedat', 'completedon', 'completiontime'],
    { maxLength: 40 },
  ),
];

const winnowColumns: Record<string, string[]> = {
  winnowId: ['interview_id'],
  externalId: ['interview_external_id'],
  dealExternalId: ['deal_external_id'],
  interviewStatus: ['status'],
  interviewDate: ['interview_date'],
  intervieweeName: ['interviewee_name'],
  intervieweeTitle: ['interviewee_title'],
  intervieweeRole: ['interviewee_role'],
  interviewerType: ['interviewer'],
  channel: ['channel'],
  consentToQuote: ['consent_to_quote'],
  anonymous: ['anonymous'],
  guide: ['guide'],
  answers: ['answers_json'],
  buyerStatement: ['buyer_statement'],
  primaryReason: ['primary_reason'],
  primaryDriver: ['primary_driver'],
  secondaryReasons: ['secondary_reasons'],
  competitorRatings: ['competitor_ratings'],
  notes: ['notes'],
  completedAt: ['completed_at'],
};
for (const r of RATING_FIELDS) winnowColumns[r.us] = [`rating_${r.criterion}`];

const sheetColumns: Record<string, string[]> = {
  externalId: ['Interview ID', 'Interview #', 'Interview Ref', 'Response ID', 'ID'],
  dealExternalId: ['Deal ID', 'Opportunity ID', 'CRM ID', 'Deal Ref', 'Salesforce ID', 'HubSpot Deal ID'],
  interviewStatus: ['Status', 'Interview status'],
  interviewDate: ['Interview date', 'Date', 'Date of interview', 'Interviewed on'],
  intervieweeName: ['Interviewee', 'Interviewee name', 'Contact', 'Name'],
  intervieweeTitle: ['Title', 'Job title', 'Interviewee title'],
  intervieweeRole: ['Role', 'Interviewee role', 'Buyer role', 'Persona'],
  interviewerType: ['Interviewer', 'Interviewed by', 'Conducted by'],
  channel: ['Channel', 'Method', 'Format'],
  consentToQuote: ['Consent to quote', 'Consent', 'OK to quote', 'Quotable'],
  anonymous: ['Anonymous', 'Anonymise'],
  buyerStatement: ['Buyer statement', 'In their words', 'Statement', 'Verbatim', 'Decision summary'],
  primaryReason: ['Primary reason', 'Main reason', 'Key reason', 'Reason'],
  primaryDriver: ['Driver', 'Primary driver', 'Win/loss driver', 'Reason type'],
  secondaryReasons: ['Secondary reasons', 'Other reasons', 'Contributing reasons'],
  secondaryDriver: ['Secondary driver'],
  ratedCompetitor: ['Competitor rated', 'Primary competitor', 'Competitor', 'Main competitor'],
  notes: ['Notes', 'Comments', 'Interview notes'],
};
for (const r of RATING_FIELDS) {
  sheetColumns[r.us] = [`${r.label} (us)`, r.label, `${r.label} rating`];
  sheetColumns[r.them] = [`${r.label} (competitor)`, `${r.label} (them)`, `Competitor ${r.label}`];
}

export const INTERVIEW_PRESETS: Preset[] = [
  {
    id: 'winnow',
    label: 'Winnow export',
    signature: ['interview_external_id', 'primary_reason_category'],
    description: 'The interviews CSV Winnow exports: edit it in a spreadsheet and import it back.',
    columns: winnowColumns,
  },
  {
    id: 'generic',
    label: 'Spreadsheet programme',
    description:
      'A win/loss programme run in a spreadsheet: one row per interview with the deal id, who, how, reasons and ratings.',
    columns: sheetColumns,
  },
];
