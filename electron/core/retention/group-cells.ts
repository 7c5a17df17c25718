// The splits of the cohort matrix (every customer, no filter) and the values customers can be
// filtered or split by, kept beside the maintained revenue tables. They used to be filled by the
// first read that needed them, which made the retention reads writes; now the jobs that change
// data (demo, import, undo, the retention rebuild) fill them in their own transaction, and reads
// on the read-only pool only read them.
//
// When they are stale: the triggers of migration retention_periods empty retention_group_cells
// whenever what ties a customer to why we won it changes (deal and account fields, competitors on
// deals, interviews and their reasons, reason merges), and a refresh of the revenue tables empties
// it too. A workspace with customers and no group cells is therefore stale; the reads then sum
// live (same SQL, same figures, slower) until the next job fills them again.
import type Database from 'better-sqlite3';
import type { GroupedAggregate } from '#shared/analytics/cohorts.ts';
import type { CohortField, CohortFilter, DimensionValue, Grain } from '#shared/domain/retention.ts';
import { COHORT_FIELDS, GRAIN_MONTHS, GRAINS, NONE_KEY } from '#shared/domain/retention.ts';
import { periodOfMonth } from '#shared/analytics/cohort-periods.ts';
import { FIELD_KEY, filterSql, keyLabels, loadDims } from './customer-dims.ts';

/** The cohort matrix's sums over retention_periods rows (alias rp). */
export const AGG = 'count(*) AS active, total(rp.revenue) AS revenue, total(rp.capped) AS capped';

/** retention_state key of the customer counts per field and value, written with the group cells. */
const COUNTS_KEY = 'dimension_counts';

export type DimensionCounts = Record<CohortField, { key: string; customers: number }[]>;

/** The per-group sums of one cohort at one grain, over temp.retention_dims (loaded by the caller). */
export function groupedSql(by: CohortField, filters: readonly CohortFilter[]): { sql: string; params: string[] } {
  const f = filterSql(filters);
  // One cohort at a time: each sort is of one cohort's rows (a cohort's rows sit together in the
  // key), which is about a third faster than sorting every customer-month at once.
  return {
    sql: `SELECT x.${FIELD_KEY[by]} AS "group", rp.cohort, rp.period, ${AGG}
            FROM retention_periods rp
            JOIN temp.retention_dims x ON x.account_id = rp.account_id
           WHERE rp.grain = ? AND rp.cohort = ? AND rp.period <= ?${f.sql}
           GROUP BY 1, rp.period`,
    params: f.params,
  };
}

export function cohortsOf(sqlite: Database.Database, g: number): number[] {
  return (
    sqlite.prepare('SELECT DISTINCT cohort FROM retention_cells WHERE grain = ? ORDER BY cohort').all(g) as {
      cohort: number;
    }[]
  ).map((r) => r.cohort);
}

/** Sum the groups live (the dims must be loaded): what the kept cells hold, for any filters. */
export function sumGroups(
  sqlite: Database.Database,
  grain: Grain,
  asOfPeriod: number,
  by: CohortField,
  filters: readonly CohortFilter[],
): GroupedAggregate[] {
  const g = GRAIN_MONTHS[grain];
  const q = groupedSql(by, filters);
  const st = sqlite.prepare(q.sql);
  return cohortsOf(sqlite, g).flatMap((c) => st.all(g, c, asOfPeriod, ...q.params) as GroupedAggregate[]);
}

/** True when the kept group cells and counts can be read (see the header for when they are not). */
export function groupsFresh(sqlite: Database.Database): boolean {
  const r = sqlite
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM retention_customers) AS customers,
              EXISTS (SELECT 1 FROM retention_group_cells) AS cells,
              EXISTS (SELECT 1 FROM retention_state WHERE key = '${COUNTS_KEY}') AS counts`,
    )
    .get() as { customers: number; cells: number; counts: number };
  return r.customers === 0 || (r.cells === 1 && r.counts === 1);
}

/** Customer counts per field and value, as kept by the last fill (null when stale). */
export function keptCounts(sqlite: Database.Database): DimensionCounts | null {
  if (!groupsFresh(sqlite)) return null;
  const row = sqlite.prepare('SELECT value FROM retention_state WHERE key = ?').get(COUNTS_KEY) as
    { value: string } | undefined;
  if (!row) return Object.fromEntries(COHORT_FIELDS.map((f) => [f, []])) as unknown as DimensionCounts;
  return JSON.parse(row.value) as DimensionCounts;
}

/** Count customers per field and value over temp.retention_dims (loaded by the caller). */
export function countDims(sqlite: Database.Database): DimensionCounts {
  const out = {} as DimensionCounts;
  for (const field of COHORT_FIELDS) {
    out[field] = sqlite
      .prepare(`SELECT ${FIELD_KEY[field]} AS key, count(*) AS customers FROM temp.retention_dims GROUP BY key`)
      .all() as { key: string; customers: number }[];
  }
  return out;
}

/**
 * Fill retention_group_cells (every field, every grain, up to `asOfMonth`'s period of each) and
 * the customer counts per value. Runs inside the caller's write transaction.
 */
export function writeGroupCells(
  sqlite: Database.Database,
  asOfMonth: number | null,
  /** Called before each field and grain (21 steps), with what is being summed. */
  progress?: (message: string) => void,
): void {
  sqlite.exec('DELETE FROM retention_group_cells');
  sqlite.prepare('DELETE FROM retention_state WHERE key = ?').run(COUNTS_KEY);
  const customers = (sqlite.prepare('SELECT count(*) AS n FROM retention_customers').get() as { n: number }).n;
  if (customers === 0 || asOfMonth === null) return;
  loadDims(sqlite);
  for (const by of COHORT_FIELDS) {
    const q = groupedSql(by, []);
    const fill = sqlite.prepare(
      `INSERT INTO retention_group_cells (field, grain, key, cohort, period, active, revenue, capped)
       SELECT ?, ?, * FROM (${q.sql})`,
    );
    for (const grain of GRAINS) {
      progress?.(`Summing cohorts by ${by} (${grain})`);
      const g = GRAIN_MONTHS[grain];
      const asOf = periodOfMonth(asOfMonth, grain);
      for (const c of cohortsOf(sqlite, g)) fill.run(by, g, g, c, asOf);
    }
  }
  sqlite
    .prepare(
      'INSERT INTO retention_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    )
    .run(COUNTS_KEY, JSON.stringify(countDims(sqlite)));
}

/**
 * Every value of every field among customers (for filter pickers), with its customer count: the
 * counts kept with the group cells (group-cells.ts), or counted live while those are stale.
 */
export function dimensionValues(sqlite: Database.Database): Record<CohortField, DimensionValue[]> {
  let counts = keptCounts(sqlite);
  if (counts === null) {
    loadDims(sqlite);
    counts = countDims(sqlite);
  }
  const out = {} as Record<CohortField, DimensionValue[]>;
  for (const field of COHORT_FIELDS) {
    const labels = keyLabels(
      sqlite,
      field,
      counts[field].map((c) => c.key),
    );
    // Not-recorded last, then most customers first, then by name (binary order, as SQL sorts).
    const rows = counts[field].map((c) => ({ key: c.key, label: labels.get(c.key) ?? c.key, customers: c.customers }));
    rows.sort(
      (a, b) =>
        Number(a.key === NONE_KEY) - Number(b.key === NONE_KEY) ||
        b.customers - a.customers ||
        (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
    );
    out[field] = rows;
  }
  return out;
}
