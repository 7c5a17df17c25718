// The SQL behind revenue movements and the twelve-month lookback: the sums per (cohort, period)
// of cell-measures.ts, from retention_cells for every customer or from one ordered pass over
// retention_periods for a filter or group; the sums per period and the ratios are in
// shared/analytics/revenue-movements.ts.
import type Database from 'better-sqlite3';
import { periodsPerYear } from '#shared/analytics/cohort-periods.ts';
import { buildMovements } from '#shared/analytics/revenue-movements.ts';
import type { ActiveAggregate, ChurnAggregate, LookbackAggregate } from '#shared/analytics/revenue-movements.ts';
import type { CohortField, CohortFilter, Grain, MovementsReport } from '#shared/domain/retention.ts';
import { GRAIN_MONTHS } from '#shared/domain/retention.ts';
import type { Settings } from '#shared/domain/settings.ts';
import { retentionScope, scopeSql } from './cohort-queries.ts';
import { MEASURES_SQL, readCells } from './cell-measures.ts';
import type { CellRow } from './cell-measures.ts';
import { keyLabels } from './customer-dims.ts';
import type { RefreshPlan } from './retention-refresh.ts';

export interface MovementQuery {
  grain: Grain;
  filters: CohortFilter[];
  by: CohortField | null;
  group: string | null;
}

export function movementsReport(
  sqlite: Database.Database,
  plan: RefreshPlan,
  q: MovementQuery,
  settings: Settings,
): MovementsReport {
  const scope = retentionScope(sqlite, plan, q.grain, settings);
  const where = scopeSql(sqlite, q);
  const group =
    q.by !== null && q.group !== null
      ? { field: q.by, key: q.group, label: keyLabels(sqlite, q.by, [q.group]).get(q.group)! }
      : null;
  const base = { ...scope, grain: q.grain, filters: q.filters, group };
  if (scope.asOfPeriod === null) return { ...base, periods: [] };
  const g = GRAIN_MONTHS[q.grain];
  // The scope's positional parameters, named for the one query that uses them all.
  let n = 0;
  const extra = where ? ` AND ${where.sql.replace(/\?/g, () => `@s${n++}`)}` : '';
  const params = Object.fromEntries((where?.params ?? []).map((v, i) => [`s${i}`, v]));

  // One pass in key order: each row is a customer's revenue in a period beside its previous,
  // next and twelve-months-ahead revenue; churn is booked a period later, the lookback twelve
  // months later. Every customer's sums are kept in retention_cells.
  const lag = periodsPerYear(q.grain);
  const rows: CellRow[] = where
    ? (sqlite
        .prepare(
          `SELECT rp.cohort, rp.period, ${MEASURES_SQL}
             FROM retention_periods rp
            WHERE rp.grain = @g AND rp.period <= @asOf${extra}
            GROUP BY rp.cohort, rp.period`,
        )
        .all({ g, asOf: scope.asOfPeriod, lag, ...params }) as CellRow[])
    : readCells(sqlite, g, scope.asOfPeriod);
  if (rows.length === 0) return { ...base, periods: [] };
  const active: ActiveAggregate[] = rows.map((r) => ({ ...r, customers: r.active }));
  const churn: ChurnAggregate[] = rows.map((r) => ({
    period: r.period + 1,
    customers: r.churnCustomers,
    revenue: r.churnRevenue,
  }));
  const lookback: LookbackAggregate[] = rows.map((r) => ({
    period: r.period + lag,
    baseCustomers: r.baseCustomers,
    baseRevenue: r.baseRevenue,
    retainedCustomers: r.retainedCustomers,
    revenue: r.aheadRevenue,
    capped: r.aheadCapped,
  }));

  const firstPeriod = rows.reduce((min, r) => Math.min(min, r.cohort), Infinity);
  return {
    ...base,
    periods: buildMovements(active, churn, lookback, {
      grain: q.grain,
      firstPeriod,
      asOfPeriod: scope.asOfPeriod,
      asOfComplete: scope.asOfComplete,
      thresholds: settings,
    }),
  };
}
