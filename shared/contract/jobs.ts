// Long work: starting returns a job id; the UI polls jobs:get for progress and may cancel.
import { z } from 'zod';
import type { JobStatus } from '../domain/jobs.ts';
import { channel, namespace } from './define.ts';
import { jobIdSchema } from './fields.ts';

const jobId = z.object({ id: jobIdSchema }).strict();

export const jobsChannels = namespace('jobs', {
  'jobs:get': channel(jobId, 'Progress of a job', 'session').returns<JobStatus>(),
  'jobs:cancel': channel(jobId, 'Ask a job to stop; its changes are rolled back', 'session').returns<JobStatus>(),
});
