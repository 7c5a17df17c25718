// The demo company: fill an empty workspace with generated deals, interviews and revenue (a job).
import { z } from 'zod';
import { channel, namespace } from './define.ts';

export const demoChannels = namespace('demo', {
  'demo:load': channel(
    z
      .object({
        deals: z.number().int().min(100).max(2_000_000).optional(),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1)
          .optional(),
      })
      .strict(),
    'Fill the (empty) workspace with the demo company; runs as a job',
    'session',
  ).returns<{ jobId: string }>(),
});
