// Applies pending migrations to an open database, all in one transaction, and refuses what it
// must not touch: a database from a newer Winnow, or one whose applied migrations were edited.
import type Database from 'better-sqlite3';
import { AppError } from '../errors.ts';
import type { Migration } from './migrations.ts';
import { writeTransaction } from './write-transaction.ts';

/** Marks a SQLite file as a Winnow workspace ('WNNW'), so we never migrate someone else's database. */
export const APPLICATION_ID = 0x574e4e57;
export const MIGRATIONS_TABLE = '__winnow_migrations';

export interface AppliedMigration {
  version: number;
  tag: string;
  hash: string;
}

export interface MigrationPlan {
  currentVersion: number;
  targetVersion: number;
  pending: Migration[];
  /** True for a brand-new empty file (nothing to back up). */
  fresh: boolean;
}

function userTableCount(db: Database.Database): number {
  const row = db
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .get() as { n: number };
  return row.n;
}

export function readApplied(db: Database.Database): AppliedMigration[] {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE);
  if (!has) return [];
  return db.prepare(`SELECT version, tag, hash FROM ${MIGRATIONS_TABLE} ORDER BY version`).all() as AppliedMigration[];
}

/**
 * Decide what to do with this database; throws (without writing anything) when it must be refused.
 * Safe on a read-only connection.
 */
export function planMigrations(
  db: Database.Database,
  migrations: Migration[],
  fileLabel: string,
  options: { fresh?: boolean } = {},
): MigrationPlan {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const tables = userTableCount(db);
  // Only a database we are creating ourselves (open-workspace.ts builds it under a temporary name)
  // may be empty; any other file must carry our application id, with or without tables.
  if (!(options.fresh && tables === 0 && appId === 0) && appId !== APPLICATION_ID) {
    throw new AppError(
      'not_a_workspace',
      `${fileLabel} is a SQLite database but not a Winnow workspace; it was left untouched.`,
    );
  }
  const applied = readApplied(db);
  const current = applied.length;
  const target = migrations.length;
  const newest = applied.at(-1);
  const userVersion = db.pragma('user_version', { simple: true }) as number;
  if (current > target || (newest && newest.version > target) || userVersion > target) {
    throw new AppError(
      'schema_newer',
      `${fileLabel} was written by a newer version of Winnow (schema ${Math.max(newest?.version ?? current, userVersion)}; this version knows ${target}). ` +
        'Update Winnow to open it. The file was left untouched.',
    );
  }
  for (const a of applied) {
    const m = migrations[a.version - 1];
    if (!m || m.tag !== a.tag || m.hash !== a.hash) {
      throw new AppError(
        'migration_failed',
        `${fileLabel}: applied migration ${a.version} (${a.tag}) does not match this version of Winnow. ` +
          'The file was left untouched.',
      );
    }
  }
  return { currentVersion: current, targetVersion: target, pending: migrations.slice(current), fresh: tables === 0 };
}

/**
 * Apply the pending migrations in one transaction. Foreign keys are switched off around it (SQLite
 * cannot change that inside a transaction, and drizzle's table rebuilds need it off), then checked
 * before commit: a violation rolls everything back.
 */
export function applyMigrations(db: Database.Database, plan: MigrationPlan): void {
  if (plan.pending.length === 0) return;
  db.pragma('foreign_keys = OFF');
  try {
    writeTransaction(db, () => {
      db.exec(
        `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version INTEGER PRIMARY KEY, tag TEXT NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL)`,
      );
      const record = db.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (version, tag, hash, applied_at) VALUES (?, ?, ?, ?)`);
      for (const m of plan.pending) {
        for (const statement of m.statements) db.exec(statement);
        record.run(m.version, m.tag, m.hash, new Date().toISOString());
      }
      const violations = db.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new AppError('migration_failed', `Migration left ${violations.length} broken references; rolled back.`);
      }
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${plan.targetVersion}`);
    });
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
