// The kinds of long work a job worker can run. Each is a synchronous function over its own
// connection that reports progress and polls for cancel; its writes are one transaction.
import type Database from 'better-sqlite3';
import { exportArchive } from '../archive/archive-export.ts';
import type { ArchiveExportParams } from '../archive/archive-export.ts';
import { importArchive } from '../archive/archive-import.ts';
import type { ArchiveImportParams } from '../archive/archive-import.ts';
import { defaultMigrationsDir, readMigrations } from '../db/migrations.ts';
import { loadDemo } from '../demo/load-demo.ts';
import type { DemoOptions } from '../demo/generate.ts';
import { runExport } from '../export/run-export.ts';
import type { ExportParams } from '../export/run-export.ts';
import { undoImport } from '../import/import-undo.ts';
import { runImport } from '../import/run-import.ts';
import type { ImportParams } from '../import/run-import.ts';
import { AppError } from '../errors.ts';
import { refreshDerived } from '../retention/keep-derived.ts';

export interface JobHooks {
  progress(done: number, total: number | null, message?: string): void;
  cancelled(): boolean;
}

/**
 * A job that changes data ends by bringing the derived tables up to date in the same job
 * (keep-derived.ts), so the next screen reads them as they are. Its progress bar keeps the job's
 * own unit and count, and its message says what is derived now. The job's own work is committed
 * first: a cancel during this step keeps it and leaves the retention figures to the rebuild.
 */
function thenDerived<P, T>(work: (sqlite: Database.Database, params: P, hooks: JobHooks) => T) {
  return (sqlite: Database.Database, params: P, hooks: JobHooks): T => {
    let last: { done: number; total: number | null } = { done: 0, total: null };
    const result = work(sqlite, params, {
      ...hooks,
      progress: (done, total, message) => {
        last = { done, total };
        hooks.progress(done, total, message);
      },
    });
    try {
      refreshDerived(
        sqlite,
        {},
        { progress: (_d, _t, m) => hooks.progress(last.done, last.total, m), cancelled: hooks.cancelled },
      );
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'cancelled')) throw e;
    }
    return result;
  };
}

export const JOB_KINDS = {
  demo: thenDerived((sqlite: Database.Database, params: Partial<DemoOptions>, hooks: JobHooks) =>
    loadDemo(sqlite, params, {
      progress: (done, total) => hooks.progress(done, total, 'Writing demo deals'),
      cancelled: hooks.cancelled,
    }),
  ),
  retention: (sqlite: Database.Database, params: { full?: boolean }, hooks: JobHooks) =>
    refreshDerived(sqlite, params, { progress: hooks.progress, cancelled: hooks.cancelled }),
  import: thenDerived((sqlite: Database.Database, params: ImportParams, hooks: JobHooks) =>
    runImport(sqlite, params, { progress: hooks.progress, cancelled: hooks.cancelled }),
  ),
  undoImport: thenDerived((sqlite: Database.Database, params: { batchId: number; force: boolean }, hooks: JobHooks) =>
    undoImport(sqlite, params.batchId, { force: params.force }, { progress: hooks.progress }),
  ),
  exportCsv: (sqlite: Database.Database, params: ExportParams, hooks: JobHooks) =>
    runExport(sqlite, params, { progress: hooks.progress, cancelled: hooks.cancelled }),
  exportArchive: (sqlite: Database.Database, params: ArchiveExportParams, hooks: JobHooks) =>
    exportArchive(sqlite, params, hooks),
  // Builds a new file: the worker attaches to no workspace for it (DETACHED_KINDS).
  importArchive: (
    _sqlite: Database.Database,
    params: ArchiveImportParams & { migrationsDir?: string },
    hooks: JobHooks,
  ) => importArchive(params, readMigrations(params.migrationsDir ?? defaultMigrationsDir()), hooks),
} satisfies Record<string, (sqlite: Database.Database, params: never, hooks: JobHooks) => unknown>;

export type JobKind = keyof typeof JOB_KINDS;
export type JobParams<K extends JobKind> = Parameters<(typeof JOB_KINDS)[K]>[1];

export const JOB_UNITS: Record<JobKind, string> = {
  demo: 'deals',
  retention: 'accounts',
  import: 'rows',
  undoImport: 'changes',
  exportCsv: 'rows',
  exportArchive: 'rows',
  importArchive: 'rows',
};

/** Kinds that work on files of their own, not the open workspace (which may be absent or damaged). */
export const DETACHED_KINDS: ReadonlySet<JobKind> = new Set<JobKind>(['importArchive']);
