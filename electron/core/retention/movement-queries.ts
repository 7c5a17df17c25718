// The SQL behind revenue movements and the twelve-month lookback: one pass over retention_periods
// in key order (each row carries the customer's previous, next and twelve-months-ahead revenue),
// grouped by (cohort, period) so no sort is needed; the sums per period and the ratios are in
// shared/analytics/revenue-movements.ts.
import type Database from 'better-sqlite3';
import { periodsPerYear } from '#shared/analytics/cohort-periods.ts';
import { buildMovements } from '#shared/analytics/revenue-movements.ts';
import type { ActiveAggregate, ChurnAggregate, LookbackAggregate } from '#shared/analytics/revenue-movements.ts';
import type { CohortField, CohortFilter, Grain, MovementsReport } from '#shared/domain/retention.ts';
import { GRAIN_MONTHS } from '#shared/domain/retention.ts';
import type { Settings } from '#shared/domain/settings.ts';
import { retentionScope, scopeSql } from './cohort-queries.ts';
import { labelsFor } from './customer-dims.ts';
import type { RefreshPlan } from './retention-refresh.ts';

/**
 * Changes smaller than half a cent are no change: revenue derived from annual amounts / 12 carries
 * floating-point dust that must not make a flat customer an "expanding" one.
 */
export const FLAT_EPSILON = 0.005;

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
      ? { field: q.by, key: q.group, label: labelsFor(sqlite, q.by).get(q.group) ?? q.group }
      : null;
  const base = { ...scope, grain: q.grain, filters: q.filters, group };
  if (scope.asOfPeriod === null) return { ...base, periods: [] };
  const g = GRAIN_MONTHS[q.grain];
  // The scope's positional parameters, named for the one query that uses them all.
  let n = 0;
  const extra = where ? ` AND ${where.sql.replace(/\?/g, () => `@s${n++}`)}` : '';
  const params = Object.fromEntries((where?.params ?? []).map((v, i) => [`s${i}`, v]));
  const eps = FLAT_EPSILON;

  // One pass: each row is a customer's revenue in a period beside its previous, next and
  // twelve-months-ahead revenue; churn is booked one period later, the lookback twelve months later.
  const lag = periodsPerYear(q.grain);
  const rows = sqlite
    .prepare(
      `SELECT rp.cohort, rp.period,
              count(*) AS customers, total(rp.revenue) AS revenue,
              count(*) FILTER (WHERE rp.period = rp.cohort) AS newCustomers,
              total(rp.revenue) FILTER (WHERE rp.period = rp.cohort) AS newRevenue,
              count(*) FILTER (WHERE rp.period > rp.cohort AND rp.prev IS NULL) AS reactivationCustomers,
              total(rp.revenue) FILTER (WHERE rp.period > rp.cohort AND rp.prev IS NULL) AS reactivation,
              count(*) FILTER (WHERE rp.revenue - rp.prev > ${eps}) AS expansionCustomers,
              total(rp.revenue - rp.prev) FILTER (WHERE rp.revenue - rp.prev > ${eps}) AS expansion,
              count(*) FILTER (WHERE rp.prev - rp.revenue > ${eps}) AS contractionCustomers,
              total(rp.prev - rp.revenue) FILTER (WHERE rp.prev - rp.revenue > ${eps}) AS contraction,
              count(*) FILTER (WHERE rp.next IS NULL AND rp.period < @asOf) AS churnCustomers,
              total(rp.revenue) FILTER (WHERE rp.next IS NULL AND rp.period < @asOf) AS churnRevenue,
              count(*) FILTER (WHERE rp.period + @lag <= @asOf) AS baseCustomers,
              total(rp.revenue) FILTER (WHERE rp.period + @lag <= @asOf) AS baseRevenue,
              count(rp.ahead) FILTER (WHERE rp.period + @lag <= @asOf) AS retainedCustomers,
              total(rp.ahead) FILTER (WHERE rp.period + @lag <= @asOf) AS aheadRevenue,
              total(min(rp.ahead, rp.revenue)) FILTER (WHERE rp.period + @lag <= @asOf) AS aheadCapped
         FROM retention_periods rp
        WHERE rp.grain = @g AND rp.period <= @asOf${extra}
        GROUP BY rp.cohort, rp.period`,
    )
    .all({ g, asOf: scope.asOfPeriod, lag, ...params }) as (ActiveAggregate & {
    cohort: number;
    churnCustomers: number;
    churnRevenue: number;
    baseCustomers: number;
    baseRevenue: number;
    retainedCustomers: number;
    aheadRevenue: number;
    aheadCapped: number;
  })[];
  if (rows.length === 0) return { ...base, periods: [] };
  const active: ActiveAggregate[] = rows;
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
      thresholds: settings,
    }),
  };
}
