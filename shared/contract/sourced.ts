// Sourced vs influenced and attribution of won revenue to campaigns (the Funnel area's Sourced tab).
import { z } from 'zod';
import type { SourcedReport } from '../domain/sourced.ts';
import { ATTRIBUTION_MODELS } from '../domain/sourced.ts';
import { channel, namespace } from './define.ts';
import { isoDate } from './fields.ts';

export const sourcedChannels = namespace('sourced', {
  'sourced:report': channel(
    z
      .object({
        model: z.enum(ATTRIBUTION_MODELS).default('linear'),
        from: isoDate.nullable().default(null),
        to: isoDate.nullable().default(null),
      })
      .strict()
      .refine((a) => !a.from || !a.to || a.from <= a.to, { message: 'The period ends before it starts', path: ['to'] }),
    'Pipeline and won revenue by who sourced it and deal type, the share marketing influenced, and won revenue attributed to campaigns and channels under a model',
  ).returns<SourcedReport>(),
});
