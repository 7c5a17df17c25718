// The database factory: open (or create) a workspace file, refuse what must not be touched,
// back it up (verified, see backup/backup-write.ts) before migrating, migrate, and hand back a ready connection.
import { existsSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { AppError } from '../errors.ts';
import { defaultMigrationsDir, readMigrations } from './migrations.ts';
import type { Migration } from './migrations.ts';
import { applyMigrations, planMigrations } from './migrator.ts';
import type { MigrationPlan } from './migrator.ts';
import { checkWorkspaceFile, existingSidecars, removeNewSidecars } from './file-check.ts';
import { integrityOf, writeBackup } from '../backup/backup-write.ts';
import { linkIntoPlace } from './link-into-place.ts';
import * as schema from './schema/index.ts';
import { seedDefaults } from '../workspace/seed-defaults.ts';
import { configureConnection } from './connection.ts';

export type Schema = typeof schema;
export type DrizzleDb = BetterSQLite3Database<Schema>;

export interface Workspace {
  path: string;
  /** The raw connection, for hand-written aggregate SQL. */
  sqlite: Database.Database;
  /** The typed query builder over the same connection. */
  db: DrizzleDb;
  schemaVersion: number;
  /** Backup written before migrating at this open, if any. */
  backupPath: string | null;
  close(): void;
}

export interface OpenOptions {
  /** create: make the file if missing. open: it must exist. */
  mode: 'create' | 'open';
  migrationsDir?: string;
  migrations?: Migration[];
  /** Clock for backup names (tests pin it). */
  now?: () => Date;
  /** 'quick': refuse a damaged file (quick_check) before opening it for writing (the CLI). */
  verify?: 'quick';
}

export function damaged(label: string, verdict: string): AppError {
  return new AppError(
    'corrupt',
    `${label} is damaged: SQLite's integrity check reports "${verdict.split('\n')[0]}". Nothing was written; ` +
      'restore the newest good backup (winnow backups, winnow restore).',
  );
}

/** SQLite's own refusals (a damaged page, "file is not a database") as one line for the user. */
function sqliteRefusal(e: unknown, label: string): AppError {
  if (e instanceof AppError) return e;
  const message = (e as Error).message;
  if (/not a database/i.test(message)) {
    return new AppError(
      'not_a_workspace',
      `${label} is not a Winnow workspace (not a SQLite file); it was left untouched.`,
    );
  }
  return new AppError('corrupt', `${label} is damaged (${message}). It was left untouched; restore a backup.`);
}

/**
 * A new workspace is built under a temporary name beside the target and moved into place only when
 * its migrations and defaults are committed: a crash while creating never leaves a half-made file
 * where a workspace is expected, and an existing file is never overwritten.
 */
function createWorkspace(path: string, migrations: Migration[]): void {
  const temp = join(dirname(path), `.${basename(path)}.creating-${process.pid}`);
  const cleanup = () => {
    for (const p of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) rmSync(p, { force: true });
  };
  let sqlite: Database.Database;
  try {
    cleanup();
    sqlite = new Database(temp);
  } catch (e) {
    // A folder that does not exist, no permission, a read-only medium ...
    throw new AppError('not_found', `Cannot open ${path}: ${(e as Error).message}.`);
  }
  try {
    configureConnection(sqlite);
    const plan = planMigrations(sqlite, migrations, basename(path), { fresh: true });
    applyMigrations(sqlite, plan);
    // A new workspace starts with the default taxonomy, criteria and guides (docs/METRICS.md#defaults).
    seedDefaults(sqlite);
    sqlite.close(); // checkpoints: everything is in the main file, no -wal left
    linkIntoPlace(temp, path); // fails if the path appeared meanwhile: never overwrite
  } finally {
    if (sqlite.open) sqlite.close();
    cleanup();
  }
}

export async function openWorkspace(path: string, options: OpenOptions): Promise<Workspace> {
  const label = basename(path);
  const migrations = options.migrations ?? readMigrations(options.migrationsDir ?? defaultMigrationsDir());
  if (!existsSync(path)) {
    if (options.mode === 'open') throw new AppError('not_found', `No workspace file at ${path}.`);
    createWorkspace(path, migrations);
  }
  // Refuse before SQLite touches the file: empty, text, random bytes, a folder, another
  // application's database, a truncated file.
  checkWorkspaceFile(path);

  // Inspect read-only first: a file we refuse must not be changed in any way, not even its
  // journal mode, and keeps no -wal/-shm the probe made.
  const sidecars = existingSidecars(path);
  let plan: MigrationPlan;
  try {
    const probe = new Database(path, { readonly: true, fileMustExist: true });
    try {
      plan = planMigrations(probe, migrations, label);
      if (options.verify === 'quick' || plan.pending.length > 0) {
        const verdict = integrityOf(probe, false);
        if (verdict !== 'ok') throw damaged(label, verdict);
      }
    } finally {
      probe.close();
    }
  } catch (e) {
    removeNewSidecars(path, sidecars);
    throw sqliteRefusal(e, label);
  }

  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { fileMustExist: true });
  } catch (e) {
    throw new AppError('not_found', `Cannot open ${path}: ${(e as Error).message}.`);
  }
  try {
    configureConnection(sqlite);
    plan = planMigrations(sqlite, migrations, label);
    let backupPath: string | null = null;
    if (plan.pending.length > 0) {
      const reason = 'before-migration';
      backupPath = writeBackup(sqlite, path, reason, { now: (options.now ?? (() => new Date()))() }).path;
    }
    try {
      applyMigrations(sqlite, plan);
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError(
        'migration_failed',
        `Could not upgrade ${label}: ${(e as Error).message}. Nothing was changed` +
          (backupPath ? `; a backup is at ${backupPath}.` : '.'),
      );
    }
    const db = drizzle(sqlite, { schema });
    return {
      path,
      sqlite,
      db,
      schemaVersion: plan.targetVersion,
      backupPath,
      close: () => {
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}
