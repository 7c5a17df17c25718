// The kinds of long work a job worker can run. Each is a synchronous function over its own
// connection that reports progress and polls for cancel; its writes are one transaction.
import type Database from 'better-sqlite3';
import { loadDemo } from '../demo/load-demo.ts';
import type { DemoOptions } from '../demo/generate.ts';
import { runExport } from '../export/run-export.ts';
import type { ExportParams } from '../export/run-export.ts';
import { undoImport } from '../import/import-undo.ts';
import { runImport } from '../import/run-import.ts';
import type { ImportParams } from '../import/run-import.ts';
import { refreshRetention } from '../retention/retention-refresh.ts';

export interface JobHooks {
  progress(done: number, total: number | null, message?: string): void;
  cancelled(): boolean;
}

export const JOB_KINDS = {
  demo: (sqlite: Database.Database, params: Partial<DemoOptions>, hooks: JobHooks) =>
    loadDemo(sqlite, params, {
      progress: (done, total) => hooks.progress(done, total, 'Writing demo deals'),
      cancelled: hooks.cancelled,
    }),
  retention: (sqlite: Database.Database, params: { full?: boolean }, hooks: JobHooks) =>
    refreshRetention(sqlite, params, { progress: hooks.progress, cancelled: hooks.cancelled }),
  import: (sqlite: Database.Database, params: ImportParams, hooks: JobHooks) =>
    runImport(sqlite, params, { progress: hooks.progress, cancelled: hooks.cancelled }),
  undoImport: (sqlite: Database.Database, params: { batchId: number; force: boolean }, hooks: JobHooks) =>
    undoImport(sqlite, params.batchId, { force: params.force }, { progress: hooks.progress }),
  exportCsv: (sqlite: Database.Database, params: ExportParams, hooks: JobHooks) =>
    runExport(sqlite, params, { progress: hooks.progress, cancelled: hooks.cancelled }),
} satisfies Record<string, (sqlite: Database.Database, params: never, hooks: JobHooks) => unknown>;

export type JobKind = keyof typeof JOB_KINDS;
export type JobParams<K extends JobKind> = Parameters<(typeof JOB_KINDS)[K]>[1];

export const JOB_UNITS: Record<JobKind, string> = {
  demo: 'deals',
  retention: 'accounts',
  import: 'rows',
  undoImport: 'changes',
  exportCsv: 'rows',
};
