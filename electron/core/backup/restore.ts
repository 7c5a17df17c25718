// Restoring a backup over a workspace file. The caller has closed every connection of its own
// first (the app switches its session and pool away). The current file is backed up first, so a
// restore can itself be undone; its -wal/-shm are moved aside (never deleted); the backup is
// copied to a temporary name beside the workspace, synced and renamed over it, so a kill leaves
// either the old file or the restored one.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupInfo } from '#shared/domain/backups.ts';
import { AppError } from '../errors.ts';
import { backupDir, listBackups } from './backup-files.ts';
import { backupFile, checkDatabaseFile, fsyncPath } from './backup-write.ts';

export interface RestoreResult {
  restored: string;
  /** The backup of the file as it was before the restore (restore this to undo). */
  undoBackup: BackupInfo | null;
  /** The copy kept when the current file could not be backed up cleanly (it was damaged). */
  rawCopy: string | null;
  movedAside: string[];
}

/** A backup given by name (in the workspace's backups folder) or by path. */
export function resolveBackup(workspacePath: string, nameOrPath: string): string {
  const inFolder = listBackups(workspacePath).find((b) => b.name === nameOrPath);
  if (inFolder) return inFolder.path;
  if (nameOrPath.includes('/') || nameOrPath.includes('\\')) {
    if (existsSync(nameOrPath)) return nameOrPath;
  }
  throw new AppError('not_found', `No backup "${nameOrPath}" in ${backupDir(workspacePath)}.`);
}

function stampNow(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

export function restoreBackup(workspacePath: string, backupPath: string, now = new Date()): RestoreResult {
  const verdict = checkDatabaseFile(backupPath, true);
  if (verdict !== 'ok') {
    throw new AppError(
      'corrupt',
      `${basename(backupPath)} cannot be restored: ${verdict.split('\n')[0]}. The workspace was left as it was.`,
    );
  }
  let undoBackup: BackupInfo | null = null;
  let rawCopy: string | null = null;
  if (existsSync(workspacePath)) {
    try {
      undoBackup = backupFile(workspacePath, 'before-restore', { now });
    } catch {
      // A damaged file may not copy cleanly through SQLite: keep its bytes as they are instead.
      rawCopy = join(backupDir(workspacePath), `${basename(workspacePath)}-${stampNow(now)}.damaged`);
      copyFileSync(workspacePath, rawCopy);
      if (existsSync(`${workspacePath}-wal`)) copyFileSync(`${workspacePath}-wal`, `${rawCopy}-wal`);
    }
  }
  const movedAside: string[] = [];
  for (const side of ['-wal', '-shm', '-journal']) {
    const p = `${workspacePath}${side}`;
    if (existsSync(p)) {
      const to = `${p}.moved-aside-${stampNow(now)}`;
      renameSync(p, to);
      movedAside.push(to);
    }
  }
  const temp = join(dirname(workspacePath), `.${basename(workspacePath)}.restoring-${process.pid}`);
  try {
    copyFileSync(backupPath, temp);
    fsyncPath(temp);
    renameSync(temp, workspacePath);
    fsyncPath(dirname(workspacePath));
  } finally {
    rmSync(temp, { force: true });
  }
  return { restored: backupPath, undoBackup, rawCopy, movedAside };
}
