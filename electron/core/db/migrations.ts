// Reads the migrations drizzle-kit generated (resources/migrations): the journal gives the order,
// each .sql file holds statements separated by drizzle's breakpoint marker. A content hash per
// migration lets us detect a migration edited after it was applied somewhere.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Migration {
  /** 1-based: the schema version a database has once this migration is applied. */
  version: number;
  tag: string;
  hash: string;
  statements: string[];
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

const BREAKPOINT = '--> statement-breakpoint';

/** Where migrations live when the core runs from source (CLI, tests). Electron passes its own. */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('../../../resources/migrations', import.meta.url));
}

export function readMigrations(dir: string): Migration[] {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  const entries = [...journal.entries].sort((a, b) => a.idx - b.idx);
  return entries.map((entry, i) => {
    if (entry.idx !== i) throw new Error(`Migration journal has a gap at index ${i} (${entry.tag})`);
    const sql = readFileSync(join(dir, `${entry.tag}.sql`), 'utf8');
    return {
      version: i + 1,
      tag: entry.tag,
      hash: createHash('sha256').update(sql).digest('hex'),
      statements: sql
        .split(BREAKPOINT)
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    };
  });
}
