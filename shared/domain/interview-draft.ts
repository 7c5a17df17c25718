// The editable content of an interview: what the capture form holds and autosaves. One schema
// validates it at the contract (bounded sizes, closed vocabularies) and types it everywhere.
import { z } from 'zod';
import { DRIVERS, INTERVIEW_CHANNELS, INTERVIEWEE_ROLES, INTERVIEWER_TYPES, SENTIMENTS } from './enums.ts';

export const LIMITS = {
  name: 200,
  title: 200,
  statement: 20_000,
  notes: 100_000,
  answer: 20_000,
  answers: 100,
  quote: 10_000,
  quotes: 200,
  reasons: 40,
  ratings: 600,
  themesPerQuote: 30,
} as const;

const id = z
  .number()
  .int()
  .positive()
  .max(2 ** 53 - 1);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2025-03-31')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'Not a real date');
const text = (max: number, what: string, verb = 'is') =>
  z.string().max(max, `${what} ${verb} too long (at most ${max.toLocaleString('en-US')} characters)`);

export const questionKey = z.string().regex(/^[a-z0-9_]{1,64}$/, 'Not a question key');

export const draftQuoteSchema = z
  .object({
    /** null until the first save gives it an id. */
    id: id.nullable(),
    /** The form's own key for a quote, so a new quote's id can be matched after a save. */
    key: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Not a quote key'),
    text: text(LIMITS.quote, 'A quote'),
    sentiment: z.enum(SENTIMENTS),
    shareable: z.boolean(),
    competitorId: id.nullable(),
    reasonId: id.nullable(),
    themeIds: z.array(id).max(LIMITS.themesPerQuote, 'Too many themes on one quote'),
  })
  .strict();

export const interviewDraftSchema = z
  .object({
    intervieweeName: text(LIMITS.name, 'The name'),
    intervieweeTitle: text(LIMITS.title, 'The title'),
    intervieweeRole: z.enum(INTERVIEWEE_ROLES).nullable(),
    interviewerType: z.enum(INTERVIEWER_TYPES).nullable(),
    channel: z.enum(INTERVIEW_CHANNELS).nullable(),
    interviewDate: isoDate.nullable(),
    consentToQuote: z.boolean(),
    anonymous: z.boolean(),
    guideId: id.nullable(),
    answers: z
      .record(questionKey, text(LIMITS.answer, 'An answer'))
      .refine((a) => Object.keys(a).length <= LIMITS.answers, 'Too many answers'),
    buyerStatement: text(LIMITS.statement, "The buyer's statement"),
    notes: text(LIMITS.notes, 'The notes', 'are'),
    reasons: z
      .array(z.object({ reasonId: id, isPrimary: z.boolean(), driver: z.enum(DRIVERS) }).strict())
      .max(LIMITS.reasons, 'Too many reasons')
      .refine((r) => r.filter((x) => x.isPrimary).length <= 1, 'Only one reason can be the primary one')
      .refine((r) => new Set(r.map((x) => x.reasonId)).size === r.length, 'A reason is coded twice'),
    ratings: z
      .array(
        z
          .object({
            criterionId: id,
            competitorId: id.nullable(),
            rating: z.number().int().min(1, 'Ratings go from 1 to 5').max(5, 'Ratings go from 1 to 5'),
          })
          .strict(),
      )
      .max(LIMITS.ratings, 'Too many ratings')
      .refine(
        (r) => new Set(r.map((x) => `${x.criterionId}:${x.competitorId ?? 'us'}`)).size === r.length,
        'A criterion is rated twice for the same vendor',
      ),
    quotes: z
      .array(draftQuoteSchema)
      .max(LIMITS.quotes, 'Too many quotes')
      .refine((q) => new Set(q.map((x) => x.key)).size === q.length, 'Two quotes share a key'),
  })
  .strict();

export type InterviewDraft = z.infer<typeof interviewDraftSchema>;
export type DraftQuote = z.infer<typeof draftQuoteSchema>;
export type DraftReason = InterviewDraft['reasons'][number];
export type DraftRating = InterviewDraft['ratings'][number];

export function emptyDraft(): InterviewDraft {
  return {
    intervieweeName: '',
    intervieweeTitle: '',
    intervieweeRole: null,
    interviewerType: null,
    channel: null,
    interviewDate: null,
    consentToQuote: false,
    anonymous: false,
    guideId: null,
    answers: {},
    buyerStatement: '',
    notes: '',
    reasons: [],
    ratings: [],
    quotes: [],
  };
}
