// Interviews: the list and its search, capture (create, autosave, complete), the quote library,
// themes, interview guides, and CSV export.
import { z } from 'zod';
import { INTERVIEW_STATUSES, INTERVIEWEE_ROLES, OUTCOMES, SENTIMENTS } from '../domain/enums.ts';
import { interviewDraftSchema, questionKey } from '../domain/interview-draft.ts';
import type {
  CaptureOptions,
  DealOption,
  DraftSummary,
  ExportResult,
  Guide,
  InterviewFacets,
  InterviewPage,
  InterviewRecord,
  QuotePage,
  SaveResult,
  Theme,
} from '../domain/interviews.ts';
import { INTERVIEW_SORTS } from '../domain/interviews.ts';
import { channel } from './define.ts';

const noArg = z.object({}).strict().optional();
export const rowId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2025-03-31');
const byId = z.object({ id: rowId }).strict();
const search = z.string().max(500, 'The search is too long (at most 500 characters)');
const name = (what: string) =>
  z.string().trim().min(1, `Give the ${what} a name`).max(80, `The ${what} name is too long (at most 80 characters)`);

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

const guideSections = z
  .array(
    z
      .object({
        title: z.string().trim().min(1, 'Give every section a title').max(120),
        questions: z
          .array(
            z
              .object({
                key: questionKey,
                text: z.string().trim().min(1, 'A question has no text').max(500, 'A question is too long'),
              })
              .strict(),
          )
          .max(40, 'Too many questions in one section'),
      })
      .strict(),
  )
  .min(1, 'A guide needs at least one section')
  .max(20, 'Too many sections')
  .refine((s) => {
    const keys = s.flatMap((x) => x.questions.map((q) => q.key));
    return new Set(keys).size === keys.length;
  }, 'Two questions share a key');

export const interviewsChannels = {
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
  'interviews:create': channel(
    z.object({ dealId: rowId, interviewDate: isoDate.optional() }).strict(),
    'Start a draft interview on a deal (with the guide for its outcome)',
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
  ).returns<SaveResult>(),
  'interviews:complete': channel(
    byId,
    'Mark complete; refused with the list of what is missing',
  ).returns<InterviewRecord>(),
  'interviews:reopen': channel(byId, 'Back to draft').returns<InterviewRecord>(),
  'interviews:delete': channel(byId, 'Delete an interview with its reasons, ratings and quotes').returns<{
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
  'quotes:list': channel(
    z.object({ filters: quoteFilters.default({}), ...paging }).strict(),
    'The quote library, with attributions',
  ).returns<QuotePage>(),
  'themes:create': channel(
    z.object({ name: name('theme') }).strict(),
    'Add a theme (or return the one with that name)',
  ).returns<Theme>(),
  'themes:rename': channel(z.object({ id: rowId, name: name('theme') }).strict(), 'Rename a theme').returns<Theme>(),
  'guides:list': channel(noArg, 'Interview guides').returns<Guide[]>(),
  'guides:save': channel(
    z
      .object({
        id: rowId.nullable(),
        name: name('guide'),
        defaultFor: z.enum(['won', 'lost', 'no_decision']).nullable(),
        sections: guideSections,
      })
      .strict(),
    'Create or update a guide; a guide made default for an outcome replaces the previous default',
  ).returns<Guide>(),
  'guides:delete': channel(byId, 'Delete a guide (interviews keep their answers)').returns<{ deleted: boolean }>(),
} as const;
