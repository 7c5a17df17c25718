// Kill -9 at random points during a large import and during a backup (issue 13): after each kill
// the workspace passes integrity_check, holds all of the import or none of it, and every file
// that looks like a backup is a complete, sound one. The test runs a few points; the script
// test/kill/kill-safety.ts runs 20 or more of each.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { listBackups } from '#core/backup/backup-files.ts';
import { checkDatabaseFile } from '#core/backup/backup-write.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { writeBenchCsv } from '../bench/import-csv.ts';
import { suggested } from './import.ts';

const IMPORT_CHILD = fileURLToPath(new URL('./import-child.ts', import.meta.url));
const BACKUP_CHILD = fileURLToPath(new URL('./backup-child.ts', import.meta.url));

export interface KillOutcome {
  what: 'import' | 'backup';
  afterMs: number;
  killed: boolean;
  integrity: string;
  deals: number;
  backupsSound: boolean;
}

function runAndKill(args: string[], afterMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let timer: NodeJS.Timeout | null = null;
    child.stdout.once('data', () => {
      timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      resolve(signal === 'SIGKILL');
    });
  });
}

function inspect(path: string): { integrity: string; deals: number; backupsSound: boolean } {
  const db = new Database(path, { readonly: true });
  const integrity = db.pragma('integrity_check', { simple: true }) as string;
  const deals = db.prepare('SELECT count(*) FROM deals').pluck().get() as number;
  db.close();
  const backupsSound = listBackups(path).every((b) => checkDatabaseFile(b.path) === 'ok');
  return { integrity, deals, backupsSound };
}

/** A workspace with `rows` deals imported once, and a second CSV of `rows` new deals to import. */
export async function killFixture(dir: string, rows: number): Promise<{ path: string; csv: string; version: number }> {
  const path = join(dir, 'kill.winnow');
  const ws = await openWorkspace(path, { mode: 'create' });
  const version = ws.schemaVersion;
  ws.close();
  const csv = join(dir, 'rows.csv');
  writeBenchCsv(csv, rows);
  return { path, csv, version };
}

/** Kills an import of `csv` after each delay; the caller checks the outcomes. */
export async function killImports(
  fixture: { path: string; csv: string; version: number },
  delaysMs: number[],
): Promise<KillOutcome[]> {
  const mapping = JSON.stringify(suggested('deals', fixture.csv));
  const out: KillOutcome[] = [];
  for (const afterMs of delaysMs) {
    const killed = await runAndKill(
      [IMPORT_CHILD, fixture.path, String(fixture.version), fixture.csv, mapping],
      afterMs,
    );
    out.push({ what: 'import', afterMs, killed, ...inspect(fixture.path) });
  }
  return out;
}

export async function killBackups(path: string, delaysMs: number[]): Promise<KillOutcome[]> {
  const out: KillOutcome[] = [];
  for (const afterMs of delaysMs) {
    const killed = await runAndKill([BACKUP_CHILD, path], afterMs);
    out.push({ what: 'backup', afterMs, killed, ...inspect(path) });
  }
  return out;
}
