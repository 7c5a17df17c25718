// Long work: start returns a job id; the UI polls jobs:get for progress and may cancel.
import { z } from 'zod';
import type { JobStatus } from '../domain/jobs.ts';
import { channel } from './define.ts';

const jobId = z.object({ id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'Not a job id') }).strict();

export const jobsChannels = {
  'jobs:get': channel(jobId, 'Progress of a job').returns<JobStatus>(),
  'jobs:cancel': channel(jobId, 'Ask a job to stop; its changes are rolled back').returns<JobStatus>(),
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
  ).returns<{ jobId: string }>(),
} as const;
