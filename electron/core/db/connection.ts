// Connections to an already-created workspace, without drizzle: job workers attach with this.
// Loading drizzle's ESM build (with the schema) costs about 200 MB per thread; a worker that only
// runs SQL must not pay it.
import Database from 'better-sqlite3';
import { AppError } from '../errors.ts';

/**
 * How long a writer waits for another one (an import in a job, a CLI import beside the app) before
 * giving up. Write transactions start IMMEDIATE, so the wait applies; a million-row import holds
 * the lock for tens of seconds, and failing a user's save because of it would be worse than waiting.
 */
export const WRITE_BUSY_TIMEOUT_MS = 120_000;

/** Connection settings every workspace connection that writes uses (the app's, a job worker's, the CLI's). */
export function configureConnection(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`busy_timeout = ${WRITE_BUSY_TIMEOUT_MS}`);
  // Temporary tables, sorts and the statement journals of writes to tables with triggers stay in
  // memory: with temp files, every insert into a table that has a trigger opens one (about 13 µs a
  // row, four times the insert itself).
  sqlite.pragma('temp_store = MEMORY');
}

/**
 * A read-only connection of the data core's read pool. WAL lets it read beside a writer without
 * waiting; the short busy timeout covers the moments SQLite itself needs (opening the WAL index).
 */
export function configureReader(sqlite: Database.Database): void {
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('temp_store = MEMORY');
}

/** A second connection to an already-migrated workspace (job workers). Refuses a schema mismatch. */
export function attachWorkspace(path: string, expectedVersion: number): Database.Database {
  const sqlite = new Database(path, { fileMustExist: true });
  configureConnection(sqlite);
  const version = sqlite.pragma('user_version', { simple: true }) as number;
  if (version !== expectedVersion) {
    sqlite.close();
    throw new AppError(
      'conflict',
      `Workspace schema changed under us (found ${version}, expected ${expectedVersion}).`,
    );
  }
  return sqlite;
}
