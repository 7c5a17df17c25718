// Bulk writes (the demo loader, large imports) drop the secondary indexes of the tables they fill
// and build them again at the end: building an index once over all rows is several times faster
// than maintaining it row by row (200,000 deals: 3.7 s against 14 s). It runs inside the caller's
// transaction, so a cancel or a crash restores the indexes with everything else.
import type Database from 'better-sqlite3';

/**
 * Drop the secondary indexes of `tables`; returns the statements that rebuild them.
 * keepUnique: leave unique indexes in place (an upsert looks rows up by them, and they enforce
 * uniqueness while rows arrive).
 */
export function suspendIndexes(sqlite: Database.Database, tables: readonly string[], keepUnique: boolean): string[] {
  const rows = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
          ${keepUnique ? "AND sql NOT LIKE 'CREATE UNIQUE%'" : ''}
          AND tbl_name IN (${tables.map(() => '?').join(',')})`,
    )
    .all(...tables) as { name: string; sql: string }[];
  for (const r of rows) sqlite.exec(`DROP INDEX "${r.name.replace(/"/g, '""')}"`);
  return rows.map((r) => r.sql);
}

export function rebuildIndexes(sqlite: Database.Database, statements: readonly string[]): void {
  const restore = sortOnDisk(sqlite);
  try {
    for (const statement of statements) sqlite.exec(statement);
  } finally {
    restore();
  }
}

/**
 * Sort runs of this size, then merge them: the sorter's memory, whatever the table's size. Small
 * runs are also faster here: the 14 indexes over 1,000,000 deals took 8.4 s of CPU with 4 MB runs,
 * 15 s sorting everything in memory, and peaked at 133 MB instead of 214 MB.
 */
const SORT_RUN_KIB = 4 * 1024;

/**
 * With temp_store = MEMORY (connection.ts) SQLite's sorter never spills: CREATE INDEX over 3,000,000
 * deals holds every key in memory, so the import's peak grew with the file. For the builds, sort in
 * runs of SORT_RUN_KIB written to temporary files and merged. SQLite refuses the switch inside a
 * transaction once temporary tables exist; then the sort stays in memory as before.
 */
function sortOnDisk(sqlite: Database.Database): () => void {
  const store = sqlite.pragma('temp_store', { simple: true }) as number;
  const cache = sqlite.pragma('cache_size', { simple: true }) as number;
  try {
    sqlite.pragma('temp_store = FILE');
  } catch {
    return () => {};
  }
  sqlite.pragma(`cache_size = -${SORT_RUN_KIB}`);
  return () => {
    sqlite.pragma(`cache_size = ${cache}`);
    sqlite.pragma(`temp_store = ${store}`);
  };
}
