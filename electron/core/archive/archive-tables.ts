// Which tables a whole-workspace archive holds, and each table's canonical content: its rows in key
// order, one JSON array per line (JSON Lines). The SHA-256 of that text is the table's checksum in
// the manifest, and an export followed by an import must give the same text for every table.
//
// Derived tables are not archived but rebuilt on import (docs/internals/storage-and-safety.md): the
// retention_* caches hold no facts of their own, and the FTS5 search tables (with their shadow
// tables) are filled by the triggers on interviews and quotes as those rows go in. The migrations
// table is the schema's own record: the manifest names the schema instead.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { MIGRATIONS_TABLE } from '../db/migrator.ts';

export interface ArchiveTable {
  name: string;
  /** Column names in order; 'rowid' first when the rowid is not itself a column (a text key, or none). */
  columns: string[];
}

/** The pseudo-column kept for tables whose rowid another table may refer to (touches' undo log). */
export const ROWID = 'rowid';

const DERIVED_PREFIX = 'retention_';

export const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface MasterRow {
  name: string;
  sql: string;
}

function userTables(sqlite: Database.Database): MasterRow[] {
  return sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as MasterRow[];
}

/** Derived tables: rebuilt on import instead of archived. */
export function derivedTables(sqlite: Database.Database): string[] {
  const all = userTables(sqlite);
  const virtual = all.filter((t) => /^CREATE\s+VIRTUAL\s+TABLE/i.test(t.sql)).map((t) => t.name);
  return all
    .map((t) => t.name)
    .filter((n) => n.startsWith(DERIVED_PREFIX) || virtual.some((v) => n === v || n.startsWith(`${v}_`)));
}

export function archiveTables(sqlite: Database.Database): ArchiveTable[] {
  const derived = new Set(derivedTables(sqlite));
  return userTables(sqlite)
    .filter((t) => !derived.has(t.name) && t.name !== MIGRATIONS_TABLE)
    .map((t) => {
      const info = sqlite.pragma(`table_xinfo(${quoteId(t.name)})`) as {
        name: string;
        type: string;
        pk: number;
        hidden: number;
      }[];
      // Generated columns (hidden 2, 3) are computed again by SQLite, never written.
      const columns = info.filter((c) => c.hidden === 0).map((c) => c.name);
      const keys = info.filter((c) => c.pk > 0);
      const rowidIsColumn = keys.length === 1 && keys[0]!.type.toUpperCase() === 'INTEGER';
      const withoutRowid = /WITHOUT\s+ROWID\s*;?\s*$/i.test(t.sql);
      return { name: t.name, columns: rowidIsColumn || withoutRowid ? columns : [ROWID, ...columns] };
    });
}

function orderOf(sqlite: Database.Database, table: ArchiveTable): string {
  const sql = (sqlite.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(table.name) as MasterRow).sql;
  if (!/WITHOUT\s+ROWID\s*;?\s*$/i.test(sql)) return 'rowid';
  const info = sqlite.pragma(`table_info(${quoteId(table.name)})`) as { name: string; pk: number }[];
  return info
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => quoteId(c.name))
    .join(', ');
}

type Stored = number | bigint | string | null | Buffer;
export type ArchivedValue = number | string | null | { b64: string };

/**
 * One stored value as JSON: integers outside JavaScript's exact range travel as text (SQLite turns
 * such text back into the same integer in an INTEGER column), bytes as base64.
 */
function toJson(v: Stored): ArchivedValue {
  if (typeof v === 'bigint')
    return v >= Number.MIN_SAFE_INTEGER && v <= Number.MAX_SAFE_INTEGER ? Number(v) : String(v);
  if (Buffer.isBuffer(v)) return { b64: v.toString('base64') };
  return v;
}

export function fromJson(v: ArchivedValue): Stored {
  return v !== null && typeof v === 'object' ? Buffer.from(v.b64, 'base64') : v;
}

/** The table's rows as JSON-safe values, in key order. */
export function* tableRows(sqlite: Database.Database, table: ArchiveTable): Generator<ArchivedValue[]> {
  const stmt = sqlite
    .prepare(
      `SELECT ${table.columns.map(quoteId).join(', ')} FROM ${quoteId(table.name)} ORDER BY ${orderOf(sqlite, table)}`,
    )
    .raw(true)
    .safeIntegers(true);
  for (const row of stmt.iterate() as IterableIterator<Stored[]>) yield row.map(toJson);
}

/** The table's rows as canonical lines (each ends with \n), in key order. */
export function* canonicalLines(sqlite: Database.Database, table: ArchiveTable): Generator<string> {
  for (const row of tableRows(sqlite, table)) yield `${JSON.stringify(row)}\n`;
}

/** Each table's row count and SHA-256 of its canonical content (the round trip's test and import's check). */
export function tableChecksums(
  sqlite: Database.Database,
  tables: ArchiveTable[] = archiveTables(sqlite),
): Map<string, { rows: number; sha256: string }> {
  const out = new Map<string, { rows: number; sha256: string }>();
  for (const t of tables) {
    const hash = createHash('sha256');
    let rows = 0;
    for (const line of canonicalLines(sqlite, t)) {
      hash.update(line);
      rows++;
    }
    out.set(t.name, { rows, sha256: hash.digest('hex') });
  }
  return out;
}
