// Opening a workspace for work that is only SQL (the CLI's `winnow stats`): the same refusals,
// integrity check and migration check as openWorkspace, without loading drizzle and the schema
// modules (most of a short command's start-up and about 200 MB). Anything unusual (a file to
// refuse, a damaged one, one that needs migrating, none at all) goes through openWorkspace
// itself, so its messages, backups and refusal rules apply unchanged.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { configureConnection } from './connection.ts';
import { checkWorkspaceFile, existingSidecars, removeNewSidecars } from './file-check.ts';
import { defaultMigrationsDir, readMigrations } from './migrations.ts';
import { planMigrations } from './migrator.ts';

export interface SqlWorkspace {
  path: string;
  sqlite: Database.Database;
  schemaVersion: number;
  close(): void;
}

/** Whether the file can be opened as it is: ours, current and (when asked) passing quick_check. */
function readyAsItIs(path: string, verify: 'quick' | undefined): number | null {
  if (!existsSync(path)) return null;
  const sidecars = existingSidecars(path);
  try {
    checkWorkspaceFile(path);
    const probe = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const plan = planMigrations(probe, readMigrations(defaultMigrationsDir()), basename(path));
      if (plan.pending.length > 0) return null;
      if (verify === 'quick' && probe.pragma('quick_check', { simple: true }) !== 'ok') return null;
      return plan.targetVersion;
    } finally {
      probe.close();
    }
  } catch {
    removeNewSidecars(path, sidecars);
    return null;
  }
}

export async function openSqlWorkspace(path: string, options: { verify?: 'quick' } = {}): Promise<SqlWorkspace> {
  const version = readyAsItIs(path, options.verify);
  if (version !== null) {
    const sqlite = new Database(path, { fileMustExist: true });
    configureConnection(sqlite);
    return {
      path,
      sqlite,
      schemaVersion: version,
      close: () => {
        if (sqlite.open) sqlite.close();
      },
    };
  }
  const { openWorkspace } = await import('./open-workspace.ts');
  return openWorkspace(path, { mode: 'open', ...options });
}
