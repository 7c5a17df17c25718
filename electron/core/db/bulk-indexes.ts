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
  for (const statement of statements) sqlite.exec(statement);
}
