// Interview guides: the question templates the capture form follows.
import { z } from 'zod';
import { INTERVIEW_STATUSES, INTERVIEWEE_ROLES, OUTCOMES, SENTIMENTS } from '../domain/enums.ts';
import { questionKey } from '../domain/interview-draft.ts';
import type { Guide } from '../domain/interviews.ts';
import { channel, namespace } from './define.ts';
import { byId, isoDate, noArg, rowId } from './fields.ts';

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

export const guidesChannels = namespace('guides', {
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
    'write',
  ).returns<Guide>(),
  'guides:delete': channel(byId, 'Delete a guide (interviews keep their answers)', 'write').returns<{
    deleted: boolean;
  }>(),
});
