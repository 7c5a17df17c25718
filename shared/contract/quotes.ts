// The quote library: quotes by theme, competitor, reason, sentiment and outcome.
import { z } from 'zod';
import { INTERVIEW_STATUSES, INTERVIEWEE_ROLES, OUTCOMES, SENTIMENTS } from '../domain/enums.ts';
import type { QuotePage } from '../domain/interviews.ts';
import { channel, namespace } from './define.ts';
import { isoDate, rowId } from './fields.ts';

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

export const quotesChannels = namespace('quotes', {
  'quotes:list': channel(
    z.object({ filters: quoteFilters.default({}), ...paging }).strict(),
    'The quote library, with attributions',
  ).returns<QuotePage>(),
});
