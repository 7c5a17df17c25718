// Opening a workspace for work that is only SQL (the CLI's `winnow stats`): the same refusals and
// migration check as openWorkspace, without loading drizzle and the schema modules (most of a
// short command's start-up and about 200 MB). A file that needs migrating, or is not there, goes
// through openWorkspace itself, so its backup and refusal rules apply unchanged.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { configureConnection } from './connection.ts';
import { defaultMigrationsDir, readMigrations } from './migrations.ts';
import { planMigrations } from './migrator.ts';
import { looksLikeSqlite } from './sqlite-file.ts';

export interface SqlWorkspace {
  path: string;
  sqlite: Database.Database;
  schemaVersion: number;
  close(): void;
}

export async function openSqlWorkspace(path: string): Promise<SqlWorkspace> {
  if (existsSync(path) && looksLikeSqlite(path)) {
    const probe = new Database(path, { readonly: true, fileMustExist: true });
    let plan: ReturnType<typeof planMigrations>;
    try {
      plan = planMigrations(probe, readMigrations(defaultMigrationsDir()), basename(path));
    } finally {
      probe.close();
    }
    if (plan.pending.length === 0) {
      const sqlite = new Database(path, { fileMustExist: true });
      configureConnection(sqlite);
      return {
        path,
        sqlite,
        schemaVersion: plan.targetVersion,
        close: () => {
          if (sqlite.open) sqlite.close();
        },
      };
    }
  }
  const { openWorkspace } = await import('./open-workspace.ts');
  return openWorkspace(path, { mode: 'open' });
}
