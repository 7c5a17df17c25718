// Files for the safety tests: hashes, what lies beside a file, and a workspace damaged on purpose.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';

export const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Names in the file's folder that start with its name (the file, -wal, -shm, .backups ...). */
export function besides(path: string): string[] {
  return readdirSync(dirname(path))
    .filter((n) => n.startsWith(basename(path)))
    .sort();
}

/**
 * Overwrites the root page of one of a table's indexes with garbage (the table's rows stay readable
 * by rowid, so the damage is the quiet kind that only an integrity check finds).
 */
export function damageIndex(path: string, table: string): void {
  const db = new Database(path, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const { rootpage } = db
    .prepare("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND rootpage > 0 LIMIT 1")
    .get(table) as {
    rootpage: number;
  };
  db.close();
  const fd = openSync(path, 'r+');
  const garbage = Buffer.alloc(pageSize, 0x5a);
  garbage[0] = 0x0a; // still claims to be an index leaf page, with nonsense cells
  writeSync(fd, garbage, 0, pageSize, (rootpage - 1) * pageSize);
  closeSync(fd);
}
