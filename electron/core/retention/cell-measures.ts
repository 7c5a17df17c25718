// What is summed per (cohort, period) over retention_periods rows (alias rp): the cohort matrix
// (active, revenue, capped) and the revenue movements. One definition serves the live query (a
// filtered or split view) and retention_cells (every customer, kept by the refresh), so both
// always agree. @asOf is the period containing the data's last date, @lag twelve months in periods.
import type Database from 'better-sqlite3';
import type { CohortAggregate } from '#shared/analytics/cohorts.ts';
import type { ActiveAggregate } from '#shared/analytics/revenue-movements.ts';

/**
 * Changes smaller than half a cent are no change: revenue derived from annual amounts / 12 carries
 * floating-point dust that must not make a flat customer an "expanding" one.
 */
export const FLAT_EPSILON = 0.005;
const eps = FLAT_EPSILON;
const lookback = 'rp.period + @lag <= @asOf';

/** [alias, column in retention_cells, SQL]. */
export const CELL_MEASURES = [
  ['active', 'active', 'count(*)'],
  ['revenue', 'revenue', 'total(rp.revenue)'],
  ['capped', 'capped', 'total(rp.capped)'],
  ['newCustomers', 'new_customers', 'count(*) FILTER (WHERE rp.period = rp.cohort)'],
  ['newRevenue', 'new_revenue', 'total(rp.revenue) FILTER (WHERE rp.period = rp.cohort)'],
  [
    'reactivationCustomers',
    'reactivation_customers',
    'count(*) FILTER (WHERE rp.period > rp.cohort AND rp.prev IS NULL)',
  ],
  ['reactivation', 'reactivation', 'total(rp.revenue) FILTER (WHERE rp.period > rp.cohort AND rp.prev IS NULL)'],
  ['expansionCustomers', 'expansion_customers', `count(*) FILTER (WHERE rp.revenue - rp.prev > ${eps})`],
  ['expansion', 'expansion', `total(rp.revenue - rp.prev) FILTER (WHERE rp.revenue - rp.prev > ${eps})`],
  ['contractionCustomers', 'contraction_customers', `count(*) FILTER (WHERE rp.prev - rp.revenue > ${eps})`],
  ['contraction', 'contraction', `total(rp.prev - rp.revenue) FILTER (WHERE rp.prev - rp.revenue > ${eps})`],
  // Booked one period later: customers with revenue now and none in the next period.
  ['churnCustomers', 'churn_customers', 'count(*) FILTER (WHERE rp.next IS NULL AND rp.period < @asOf)'],
  ['churnRevenue', 'churn_revenue', 'total(rp.revenue) FILTER (WHERE rp.next IS NULL AND rp.period < @asOf)'],
  // Booked twelve months later: the lookback's base now, and what it pays then.
  ['baseCustomers', 'base_customers', `count(*) FILTER (WHERE ${lookback})`],
  ['baseRevenue', 'base_revenue', `total(rp.revenue) FILTER (WHERE ${lookback})`],
  ['retainedCustomers', 'retained_customers', `count(rp.ahead) FILTER (WHERE ${lookback})`],
  ['aheadRevenue', 'ahead_revenue', `total(rp.ahead) FILTER (WHERE ${lookback})`],
  ['aheadCapped', 'ahead_capped', `total(min(rp.ahead, rp.revenue)) FILTER (WHERE ${lookback})`],
] as const;

export type CellRow = CohortAggregate &
  Omit<ActiveAggregate, 'customers'> & {
    churnCustomers: number;
    churnRevenue: number;
    baseCustomers: number;
    baseRevenue: number;
    retainedCustomers: number;
    aheadRevenue: number;
    aheadCapped: number;
  };

/** The measures as a SELECT list with their aliases. */
export const MEASURES_SQL = CELL_MEASURES.map(([alias, , sql]) => `${sql} AS ${alias}`).join(',\n       ');

/** retention_cells' columns read back under the measures' aliases. */
export const CELLS_READ_SQL = CELL_MEASURES.map(([alias, column]) => `${column} AS ${alias}`).join(', ');

/** Sum the cells of every cohort (no @cohort) or of one cohort of a grain into retention_cells. */
export function writeCells(
  sqlite: Database.Database,
  p: { g: number; asOf: number; lag: number; cohort?: number },
): number {
  const one = p.cohort !== undefined;
  return sqlite
    .prepare(
      `INSERT INTO retention_cells (grain, cohort, period, ${CELL_MEASURES.map(([, c]) => c).join(', ')})
       SELECT @g, rp.cohort, rp.period, ${CELL_MEASURES.map(([, , sql]) => sql).join(', ')}
         FROM retention_periods rp
        WHERE rp.grain = @g${one ? ' AND rp.cohort = @cohort' : ''}
        GROUP BY rp.cohort, rp.period`,
    )
    .run(one ? p : { g: p.g, asOf: p.asOf, lag: p.lag }).changes;
}

/** Every cell of a grain, as the live query would sum it. */
export function readCells(sqlite: Database.Database, g: number, asOf: number): CellRow[] {
  return sqlite
    .prepare(
      `SELECT cohort, period, ${CELLS_READ_SQL} FROM retention_cells WHERE grain = ? AND period <= ? ORDER BY cohort, period`,
    )
    .all(g, asOf) as CellRow[];
}
