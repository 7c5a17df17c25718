// "Why we win, why we lose": analyses over coded interviews, each figure with n and its interval.
import { z } from 'zod';
import type { AgreementAnalysis, RatingAnalysis, ReasonAnalysis, ThemeTrend } from '../domain/winloss.ts';
import { channel, namespace } from './define.ts';
import { isoDate, rowId } from './fields.ts';

export const analysisFilters = z
  .object({
    competitorId: rowId.optional(),
    segment: z.string().max(200).optional(),
    productId: rowId.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    includeDrafts: z.boolean().optional(),
  })
  .strict();

const level = z.enum(['reason', 'category']).default('reason');

export const winlossChannels = namespace('winloss', {
  'winloss:reasons': channel(
    z.object({ filters: analysisFilters.default({}), level, primaryOnly: z.boolean().default(false) }).strict(),
    'Top win and loss reasons (Pareto): deals citing each, share of interviewed deals with interval',
  ).returns<ReasonAnalysis>(),
  'winloss:ratings': channel(
    z.object({ filters: analysisFilters.default({}) }).strict(),
    'Rating gap: mean rating per criterion in won vs lost deals, and us vs each competitor',
  ).returns<RatingAnalysis>(),
  'winloss:agreement': channel(
    z.object({ filters: analysisFilters.default({}), level }).strict(),
    'Rep-stated vs buyer-stated primary reason: agreement matrix and share that differ',
  ).returns<AgreementAnalysis>(),
  'winloss:themes': channel(
    z
      .object({ filters: analysisFilters.default({}), granularity: z.enum(['quarter', 'year']).default('quarter') })
      .strict(),
    'Theme frequency over time: share of interviewed deals with a quote on each theme, per period',
  ).returns<ThemeTrend>(),
});
