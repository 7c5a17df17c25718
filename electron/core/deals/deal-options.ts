// The choices the deals filters and form offer (competitors, owners, segments, regions, stages …).
// Over a million deals the distinct segments, regions and stages cost a scan each, and the main
// process answers IPC one call at a time, so the lists are remembered per connection until any
// connection writes: PRAGMA data_version moves when another connection (a job worker) commits,
// total_changes() when this one writes. Both are O(1) to read.
import type Database from 'better-sqlite3';
import type { DealOptions } from '#shared/domain/deals.ts';

const LIMIT = 500;

interface Remembered {
  key: string;
  value: DealOptions;
}
const remembered = new WeakMap<Database.Database, Remembered>();

function writeKey(sqlite: Database.Database): string {
  const version = sqlite.pragma('data_version', { simple: true }) as number;
  const changes = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  return `${version}:${changes}`;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });

/**
 * Distinct non-null values of one deals column. A column that leads an index is walked value by
 * value (a seek per distinct value, not a scan); others are read in one pass, through a covering
 * index where SQLite has one.
 */
function distinctValues(
  sqlite: Database.Database,
  column: 'segment' | 'region' | 'stage',
  seekable: boolean,
): string[] {
  const sql = seekable
    ? `WITH RECURSIVE v(x) AS (
         SELECT min(${column}) FROM deals
         UNION ALL SELECT (SELECT min(${column}) FROM deals WHERE ${column} > v.x) FROM v WHERE v.x IS NOT NULL)
       SELECT x FROM v WHERE x IS NOT NULL LIMIT ${LIMIT + 1}`
    : `SELECT DISTINCT ${column} FROM deals WHERE ${column} IS NOT NULL LIMIT ${LIMIT + 1}`;
  return (sqlite.prepare(sql).pluck().all() as string[]).sort(byName).slice(0, LIMIT);
}

export function readOptions(sqlite: Database.Database): DealOptions {
  const named = (table: string) =>
    sqlite.prepare(`SELECT id, name FROM ${table} ORDER BY name COLLATE NOCASE`).all() as {
      id: number;
      name: string;
    }[];
  const range = sqlite.prepare('SELECT min(close_date) AS first, max(close_date) AS last FROM deals').get() as {
    first: string | null;
    last: string | null;
  };
  return {
    competitors: named('competitors'),
    products: named('products'),
    owners: named('owners'),
    teams: named('teams'),
    leadSources: named('lead_sources'),
    // segment leads deals_segment_matrix; region and stage lead no index (one pass each).
    segments: distinctValues(sqlite, 'segment', true),
    regions: distinctValues(sqlite, 'region', false),
    stages: distinctValues(sqlite, 'stage', false),
    firstCloseDate: range.first,
    lastCloseDate: range.last,
  };
}

/** The deals filter and form choices, read again only after a write to the workspace. */
export function dealOptions(sqlite: Database.Database): DealOptions {
  const key = writeKey(sqlite);
  const hit = remembered.get(sqlite);
  if (hit && hit.key === key) return hit.value;
  const value = readOptions(sqlite);
  remembered.set(sqlite, { key, value });
  return value;
}
