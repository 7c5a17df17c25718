// Interviews: the list and its search, capture (create, autosave, complete, reopen), export.
import { z } from 'zod';
import { INTERVIEW_STATUSES, INTERVIEWEE_ROLES, OUTCOMES, SENTIMENTS } from '../domain/enums.ts';
import { interviewDraftSchema } from '../domain/interview-draft.ts';
import type {
  CaptureOptions,
  DealOption,
  DraftSummary,
  ExportResult,
  InterviewFacets,
  InterviewPage,
  InterviewRecord,
  SaveResult,
  UnsavedInterview,
} from '../domain/interviews.ts';
import { INTERVIEW_SORTS } from '../domain/interviews.ts';
import { channel, namespace } from './define.ts';
import { byId, isoDate, noArg, rowId } from './fields.ts';

const search = z.string().max(500, 'The search is too long (at most 500 characters)');

export const interviewFilters = z
  .object({
    outcome: z.enum(OUTCOMES).optional(),
    competitorId: rowId.optional(),
    reasonId: rowId.optional(),
    themeId: rowId.optional(),
    role: z.enum(INTERVIEWEE_ROLES).optional(),
    status: z.enum(INTERVIEW_STATUSES).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    search: search.optional(),
  })
  .strict();

export const quoteFilters = z
  .object({
    themeId: rowId.optional(),
    competitorId: rowId.optional(),
    reasonId: rowId.optional(),
    sentiment: z.enum(SENTIMENTS).optional(),
    outcome: z.enum(OUTCOMES).optional(),
    shareableOnly: z.boolean().optional(),
    search: search.optional(),
    interviewId: rowId.optional(),
    includeDrafts: z.boolean().optional(),
  })
  .strict();

const paging = {
  offset: z.number().int().min(0).max(1e9).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};

export const interviewsChannels = namespace('interviews', {
  'interviews:list': channel(
    z
      .object({
        filters: interviewFilters.default({}),
        sort: z.enum(INTERVIEW_SORTS).default('date'),
        dir: z.enum(['asc', 'desc']).default('desc'),
        ...paging,
      })
      .strict(),
    'A page of interviews matching the filters and search, with the search matches marked',
  ).returns<InterviewPage>(),
  'interviews:facets': channel(
    noArg,
    'Choices for the filter bars: competitors, reasons, themes …',
  ).returns<InterviewFacets>(),
  'interviews:drafts': channel(
    z.object({ limit: z.number().int().min(1).max(200).default(20) }).strict(),
    'Draft interviews, most recently edited first',
  ).returns<{ total: number; drafts: DraftSummary[] }>(),
  'interviews:findDeals': channel(
    z
      .object({
        query: z.string().max(200),
        limit: z.number().int().min(1).max(50).default(12),
        /** One deal by id (a link from elsewhere: "interview this deal"); the query is then ignored. */
        dealId: rowId.optional(),
      })
      .strict(),
    'Deals to interview, by name, account or external id (recently closed deals without an interview first)',
  ).returns<DealOption[]>(),
  'interviews:options': channel(
    noArg,
    'Reasons, criteria, themes and guides for the capture form',
  ).returns<CaptureOptions>(),
  'interviews:get': channel(byId, 'One interview with its deal').returns<InterviewRecord>(),
  'interviews:blank': channel(
    z.object({ dealId: rowId, interviewDate: isoDate.optional() }).strict(),
    'A new interview on a deal as the form starts it, stored only by its first save',
  ).returns<UnsavedInterview>(),
  'interviews:create': channel(
    z.object({ dealId: rowId, interviewDate: isoDate.optional() }).strict(),
    'Start a draft interview on a deal (with the guide for its outcome)',
    'write',
  ).returns<InterviewRecord>(),
  'interviews:save': channel(
    z
      .object({
        id: rowId,
        /** The interview's deal, as the form knows it: a save meant for another workspace is refused. */
        dealId: rowId,
        draft: interviewDraftSchema,
      })
      .strict(),
    'Autosave: store the form as it is',
    'write',
  ).returns<SaveResult>(),
  'interviews:complete': channel(
    byId,
    'Mark complete; refused with the list of what is missing',
    'write',
  ).returns<InterviewRecord>(),
  'interviews:reopen': channel(byId, 'Back to draft', 'write').returns<InterviewRecord>(),
  'interviews:delete': channel(byId, 'Delete an interview with its reasons, ratings and quotes', 'write').returns<{
    deleted: boolean;
  }>(),
  'interviews:export': channel(
    z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('interviews'),
          filters: interviewFilters.default({}),
          includeAnonymousNames: z.boolean().default(false),
        })
        .strict(),
      z
        .object({
          kind: z.literal('quotes'),
          filters: quoteFilters.default({}),
          includeAnonymousNames: z.boolean().default(false),
        })
        .strict(),
    ]),
    'Write interviews or quotes to a CSV file the user picks',
  ).returns<ExportResult | null>(),
});
