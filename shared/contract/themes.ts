// Quote themes: add and rename the tags quotes carry.
import { z } from 'zod';
import { INTERVIEW_STATUSES, INTERVIEWEE_ROLES, OUTCOMES, SENTIMENTS } from '../domain/enums.ts';
import type { Theme } from '../domain/interviews.ts';
import { channel, namespace } from './define.ts';
import { isoDate, rowId } from './fields.ts';

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

export const themesChannels = namespace('themes', {
  'themes:create': channel(
    z.object({ name: name('theme') }).strict(),
    'Add a theme (or return the one with that name)',
    'write',
  ).returns<Theme>(),
  'themes:rename': channel(
    z.object({ id: rowId, name: name('theme') }).strict(),
    'Rename a theme',
    'write',
  ).returns<Theme>(),
});
