// Writing a backup so that a half-written one never looks like a good one: VACUUM INTO a
// `.partial` name in the backups folder (a consistent snapshot, even while others write), check
// the copy with integrity_check, fsync it, rename it to its final name and fsync the folder.
// A kill at any point leaves either no new backup or a complete, checked one; the partial file of
// a dead process is removed by the next backup.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo, BackupReason } from '#shared/domain/backups.ts';
import { AppError } from '../errors.ts';
import { APPLICATION_ID } from '../db/migrator.ts';
import type { KeepRule } from './backup-files.ts';
import { backupDir, backupFileName, PARTIAL_SUFFIX, pruneBackups, removeStalePartials } from './backup-files.ts';

export interface BackupOptions {
  now?: Date;
  /** Prune older backups after writing (settings); none are removed when omitted. */
  keep?: KeepRule;
}

/** Result of integrity_check on a file: 'ok' or SQLite's first complaints, one per line. */
export function integrityOf(sqlite: Database.Database, full: boolean): string {
  const rows = sqlite
    .prepare(full ? 'PRAGMA integrity_check(20)' : 'PRAGMA quick_check(20)')
    .pluck()
    .all() as string[];
  return rows.join('\n');
}

/** Opens a database file read-only and runs integrity_check; 'ok' when it is sound. */
export function checkDatabaseFile(path: string, full = true): string {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) return 'not a Winnow workspace';
    return integrityOf(db, full);
  } catch (e) {
    return (e as Error).message;
  } finally {
    db?.close();
  }
}

export function fsyncPath(path: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // folders cannot be opened for fsync on Windows; the rename is still atomic there
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Writes, checks, syncs and names one backup of the database `sqlite` has open. */
export function writeBackup(
  sqlite: Database.Database,
  workspacePath: string,
  reason: BackupReason,
  options: BackupOptions = {},
): BackupInfo {
  const now = options.now ?? new Date();
  const dir = backupDir(workspacePath);
  mkdirSync(dir, { recursive: true });
  removeStalePartials(workspacePath);
  const name = backupFileName(workspacePath, reason, now);
  const partial = join(dir, `.${process.pid}-${name}${PARTIAL_SUFFIX}`);
  const final = join(dir, name);
  try {
    rmSync(partial, { force: true });
    sqlite.prepare('VACUUM INTO ?').run(partial);
    const verdict = checkDatabaseFile(partial, true);
    if (verdict !== 'ok') {
      throw new AppError(
        'corrupt',
        `The backup copy failed its integrity check (${verdict.split('\n')[0]}); no backup was kept.`,
      );
    }
    fsyncPath(partial);
    renameSync(partial, final);
    fsyncPath(dir);
  } catch (e) {
    rmSync(partial, { force: true });
    if (e instanceof AppError) throw e;
    throw new AppError('internal', `Could not write a backup to ${dir}: ${(e as Error).message}`);
  }
  if (options.keep) pruneBackups(workspacePath, options.keep, now);
  return { name, path: final, createdAt: now.toISOString(), reason, sizeBytes: statSync(final).size };
}

/**
 * A backup of a workspace file on its own connection (CLI, restore). Not read-only: a read-only
 * connection to a WAL file leaves -wal/-shm behind; this one only reads and removes them on close.
 */
export function backupFile(workspacePath: string, reason: BackupReason, options: BackupOptions = {}): BackupInfo {
  const db = new Database(workspacePath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 120000');
    return writeBackup(db, workspacePath, reason, options);
  } finally {
    db.close();
  }
}

/**
 * The backup taken before a bulk write (an import, a workspace import): on the writing
 * connection, kept by the workspace's settings. A connection to a temporary or in-memory
 * database has nothing to back up.
 */
export function backupBeforeWrite(sqlite: Database.Database, reason: BackupReason, keep: KeepRule): BackupInfo | null {
  if (!sqlite.name || sqlite.memory || sqlite.name === '') return null;
  return writeBackup(sqlite, sqlite.name, reason, { keep });
}
