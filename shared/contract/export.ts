// Whole-table CSV exports (deals, competitors, accounts), each run as a job.
import { z } from 'zod';
import { channel, namespace } from './define.ts';

export const exportChannels = namespace('export', {
  'export:csv': channel(
    z.object({ what: z.enum(['deals', 'competitors', 'accounts']) }).strict(),
    'Save all deals, competitors or accounts of the workspace as CSV (asks where); runs as a job',
  ).returns<{ jobId: string; path: string } | null>(),
});
