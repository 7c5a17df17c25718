// Starts jobs in worker threads and keeps their status for the UI to poll (jobs:get).
// The runner only tracks; the work and its single transaction live in the worker.
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { JobStatus } from '#shared/domain/jobs.ts';
import { AppError } from '../errors.ts';
import type { JobKind, JobParams } from './job-kinds.ts';
import { JOB_UNITS } from './job-kinds.ts';
import type { WorkerInput, WorkerMessage } from './job-worker.ts';

interface Running {
  status: JobStatus;
  worker: Worker | null;
  cancel: Int32Array;
  startedMs: number;
  done: Promise<JobStatus>;
}

/** Finished jobs kept for late pollers. */
const KEEP_FINISHED = 20;

export class JobRunner {
  private readonly jobs = new Map<string, Running>();
  private readonly workerUrl: URL | string;

  /** workerUrl: job-worker.ts from source, or the bundled job-worker.js in the Electron build. */
  constructor(workerUrl: URL | string) {
    this.workerUrl = workerUrl;
  }

  start<K extends JobKind>(
    kind: K,
    params: JobParams<K>,
    dbPath: string,
    schemaVersion: number,
    onFinish?: (s: JobStatus) => void,
  ): JobStatus {
    if (this.anyRunning())
      throw new AppError('conflict', 'Another long task is running; wait for it or cancel it first.');
    const id = randomUUID();
    const cancelBuffer = new SharedArrayBuffer(4);
    const status: JobStatus = {
      id,
      kind,
      state: 'running',
      processed: 0,
      total: null,
      unit: JOB_UNITS[kind],
      ratePerSec: 0,
      etaSeconds: null,
      message: 'Starting',
      startedAt: new Date().toISOString(),
      finishedAt: null,
      error: null,
      result: null,
    };
    const input: WorkerInput = { kind, params, dbPath, schemaVersion, cancelBuffer };
    // A small young generation: a bulk job's per-row garbage is collected early instead of letting
    // the heap (and the process) grow by hundreds of MB before V8 gets to it.
    const worker = new Worker(this.workerUrl, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 12 } });
    let resolveDone: (s: JobStatus) => void = () => {};
    const done = new Promise<JobStatus>((r) => (resolveDone = r));
    const job: Running = { status, worker, cancel: new Int32Array(cancelBuffer), startedMs: Date.now(), done };
    this.jobs.set(id, job);

    const finish = (patch: Partial<JobStatus>) => {
      if (job.status.state !== 'running') return;
      job.status = { ...job.status, ...patch, finishedAt: new Date().toISOString(), etaSeconds: 0 };
      job.worker = null;
      this.prune();
      onFinish?.(job.status);
      resolveDone(job.status);
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') {
        const seconds = Math.max(0.001, (Date.now() - job.startedMs) / 1000);
        const rate = m.done / seconds;
        job.status = {
          ...job.status,
          processed: m.done,
          total: m.total,
          message: m.message,
          ratePerSec: rate,
          etaSeconds: m.total !== null && rate > 0 ? Math.max(0, (m.total - m.done) / rate) : null,
        };
      } else if (m.type === 'done') {
        finish({
          state: 'done',
          result: m.result,
          message: 'Done',
          processed: job.status.total ?? job.status.processed,
        });
      } else if (m.code === 'cancelled') {
        finish({ state: 'cancelled', message: m.message });
      } else {
        finish({ state: 'failed', message: m.message, error: { code: m.code as never, message: m.message } });
      }
    });
    worker.on('error', (e) =>
      finish({ state: 'failed', message: e.message, error: { code: 'internal', message: e.message } }),
    );
    worker.on('exit', (code) => {
      if (code !== 0)
        finish({
          state: 'failed',
          message: `Worker stopped (exit ${code})`,
          error: { code: 'internal', message: `Worker stopped (exit ${code})` },
        });
    });
    return status;
  }

  get(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('not_found', 'No such job (it may have finished long ago).');
    return job.status;
  }

  cancel(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('not_found', 'No such job.');
    if (job.status.state === 'running') {
      Atomics.store(job.cancel, 0, 1);
      job.status = { ...job.status, message: 'Cancelling' };
    }
    return job.status;
  }

  /** Resolves when the job has finished (tests and the CLI wait on this). */
  wait(id: string): Promise<JobStatus> {
    const job = this.jobs.get(id);
    if (!job) return Promise.reject(new AppError('not_found', 'No such job.'));
    return job.done;
  }

  anyRunning(): boolean {
    for (const j of this.jobs.values()) if (j.status.state === 'running') return true;
    return false;
  }

  /** Stop every worker (on quit or workspace switch); their transactions roll back. */
  async stopAll(): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.status.state === 'running');
    for (const j of running) Atomics.store(j.cancel, 0, 1);
    await Promise.all(running.map((j) => j.done));
  }

  private prune(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}
