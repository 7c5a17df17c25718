// The database factory: open (or create) a workspace file, refuse what must not be touched,
// back it up with SQLite's backup API before migrating, migrate, and hand back a ready connection.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { AppError } from '../errors.ts';
import { defaultMigrationsDir, readMigrations } from './migrations.ts';
import type { Migration } from './migrations.ts';
import { applyMigrations, planMigrations } from './migrator.ts';
import * as schema from './schema/index.ts';
import { seedDefaults } from '../workspace/seed-defaults.ts';
import { configureConnection } from './connection.ts';
import { looksLikeSqlite } from './sqlite-file.ts';

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
}

function backupName(path: string, from: number, to: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return `${path}.before-v${to}-from-v${from}-${stamp}.bak`;
}

export async function openWorkspace(path: string, options: OpenOptions): Promise<Workspace> {
  const label = basename(path);
  const exists = existsSync(path);
  if (!exists && options.mode === 'open') {
    throw new AppError('not_found', `No workspace file at ${path}.`);
  }
  if (exists && !looksLikeSqlite(path)) {
    throw new AppError(
      'not_a_workspace',
      `${label} is not a Winnow workspace (not a SQLite file); it was left untouched.`,
    );
  }
  const migrations = options.migrations ?? readMigrations(options.migrationsDir ?? defaultMigrationsDir());

  // Inspect read-only first: a file we refuse must not be changed in any way, not even its
  // journal mode.
  if (exists) {
    const probe = new Database(path, { readonly: true, fileMustExist: true });
    try {
      planMigrations(probe, migrations, label);
    } finally {
      probe.close();
    }
  }

  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { fileMustExist: options.mode === 'open' });
  } catch (e) {
    // A folder that does not exist, no permission, a read-only medium ...
    throw new AppError('not_found', `Cannot open ${path}: ${(e as Error).message}.`);
  }
  try {
    configureConnection(sqlite);
    const plan = planMigrations(sqlite, migrations, label);
    let backupPath: string | null = null;
    if (plan.pending.length > 0 && !plan.fresh) {
      backupPath = backupName(path, plan.currentVersion, plan.targetVersion, (options.now ?? (() => new Date()))());
      await sqlite.backup(backupPath);
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
    // A new workspace starts with the default taxonomy, criteria and guides (docs/METRICS.md#defaults).
    if (plan.fresh) seedDefaults(sqlite);
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
