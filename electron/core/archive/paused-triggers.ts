// While an archive loads, triggers that write to archived tables must not run: the archive already
// holds what they would write (deal_competitors' copies of the deal, deals.competitor_count, which
// would be counted twice). Triggers that only fill derived tables (the search index, the list of
// accounts retention must derive) stay on, so those tables rebuild themselves as rows go in.
import type Database from 'better-sqlite3';
import { quoteId } from './archive-tables.ts';

const WRITES = /\b(?:UPDATE|INSERT\s+INTO|DELETE\s+FROM|REPLACE\s+INTO)\s+[`"[]?(\w+)/gi;

/** Tables a trigger's body writes to (its SQL as SQLite keeps it). */
export function triggerTargets(sql: string): string[] {
  const body = sql.slice(sql.search(/\bBEGIN\b/i));
  return [...body.matchAll(WRITES)].map((m) => m[1]!);
}

/** Runs fn with every trigger that writes to one of `archived` dropped; puts them back after. Inside a transaction. */
export function pausedTriggers<T>(sqlite: Database.Database, archived: ReadonlySet<string>, fn: () => T): T {
  const triggers = (
    sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as {
      name: string;
      sql: string;
    }[]
  ).filter((t) => triggerTargets(t.sql).some((target) => archived.has(target)));
  for (const t of triggers) sqlite.exec(`DROP TRIGGER ${quoteId(t.name)}`);
  const result = fn();
  for (const t of triggers) sqlite.exec(t.sql);
  return result;
}
