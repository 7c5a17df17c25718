// Runs one job in a worker thread with its own database connection, so the app stays responsive
// while a long import or the demo loader works. Cancel arrives through shared memory because the
// job runs synchronously and never yields to this thread's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { attachWorkspace } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import { DETACHED_KINDS, JOB_KINDS } from './job-kinds.ts';
import type { JobHooks, JobKind } from './job-kinds.ts';

export interface WorkerInput {
  kind: JobKind;
  params: unknown;
  dbPath: string;
  schemaVersion: number;
  cancelBuffer: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number | null; message: string }
  | { type: 'done'; result: unknown }
  | { type: 'error'; code: string; message: string };

function run(): void {
  const port = parentPort;
  if (!port) throw new Error('job-worker must run in a worker thread');
  const input = workerData as WorkerInput;
  const flag = new Int32Array(input.cancelBuffer);
  const post = (m: WorkerMessage) => port.postMessage(m);
  let lastPost = 0;
  let sqlite: ReturnType<typeof attachWorkspace> | undefined;
  try {
    if (!DETACHED_KINDS.has(input.kind)) sqlite = attachWorkspace(input.dbPath, input.schemaVersion);
    const job = JOB_KINDS[input.kind] as (db: typeof sqlite, params: unknown, hooks: JobHooks) => unknown;
    const result = job(sqlite, input.params, {
      progress(done, total, message = '') {
        const now = Date.now();
        if (now - lastPost < 100 && done !== total) return; // at most ten updates a second
        lastPost = now;
        post({ type: 'progress', done, total, message });
      },
      cancelled: () => Atomics.load(flag, 0) === 1,
    });
    post({ type: 'done', result });
  } catch (e) {
    post({
      type: 'error',
      code: e instanceof AppError ? e.code : 'internal',
      message: e instanceof Error ? e.message : String(e),
    });
  } finally {
    sqlite?.close();
  }
}

run();
