// Long work (imports, demo data) runs as a job with progress and cancel.
import type { AppErrorShape } from '../contract/result.ts';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobStatus {
  id: string;
  kind: string;
  state: JobState;
  /** Units done and expected (rows, deals); total is null when not known in advance. */
  processed: number;
  total: number | null;
  unit: string;
  /** Units per second over the job so far. */
  ratePerSec: number;
  /** Seconds left at the current rate, when total is known. */
  etaSeconds: number | null;
  message: string;
  startedAt: string;
  finishedAt: string | null;
  error: AppErrorShape | null;
  /** JSON-safe result once done. */
  result: unknown;
}
