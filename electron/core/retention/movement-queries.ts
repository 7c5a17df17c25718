// The SQL behind revenue movements and the twelve-month lookback: each query reads
// retention_periods in key order and looks up the same customer's row one period (or twelve
// months) away by primary key, grouping by (cohort, period) so no sort is needed; the sums per
// period and the ratios are in shared/analytics/revenue-movements.ts.
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
  const extra = where ? ` AND ${where.sql}` : '';
  const params = where?.params ?? [];
  const eps = FLAT_EPSILON;

  const active = sqlite
    .prepare(
      `SELECT rp.cohort, rp.period,
              count(*) AS customers, total(rp.revenue) AS revenue,
              count(*) FILTER (WHERE rp.period = rp.cohort) AS newCustomers,
              total(rp.revenue) FILTER (WHERE rp.period = rp.cohort) AS newRevenue,
              count(*) FILTER (WHERE rp.period > rp.cohort AND prev.account_id IS NULL) AS reactivationCustomers,
              total(rp.revenue) FILTER (WHERE rp.period > rp.cohort AND prev.account_id IS NULL) AS reactivation,
              count(*) FILTER (WHERE rp.revenue - prev.revenue > ${eps}) AS expansionCustomers,
              total(rp.revenue - prev.revenue) FILTER (WHERE rp.revenue - prev.revenue > ${eps}) AS expansion,
              count(*) FILTER (WHERE prev.revenue - rp.revenue > ${eps}) AS contractionCustomers,
              total(prev.revenue - rp.revenue) FILTER (WHERE prev.revenue - rp.revenue > ${eps}) AS contraction
         FROM retention_periods rp
         LEFT JOIN retention_periods prev
           ON prev.grain = rp.grain AND prev.cohort = rp.cohort AND prev.period = rp.period - 1
          AND prev.account_id = rp.account_id
        WHERE rp.grain = ? AND rp.period <= ?${extra}
        GROUP BY rp.cohort, rp.period`,
    )
    .all(g, scope.asOfPeriod, ...params) as (ActiveAggregate & { cohort: number })[];
  if (active.length === 0) return { ...base, periods: [] };

  const churn = sqlite
    .prepare(
      `SELECT rp.cohort, rp.period + 1 AS period, count(*) AS customers, total(rp.revenue) AS revenue
         FROM retention_periods rp
        WHERE rp.grain = ? AND rp.period + 1 <= ?${extra}
          AND NOT EXISTS (SELECT 1 FROM retention_periods nx
                           WHERE nx.grain = rp.grain AND nx.cohort = rp.cohort AND nx.period = rp.period + 1
                             AND nx.account_id = rp.account_id)
        GROUP BY rp.cohort, rp.period`,
    )
    .all(g, scope.asOfPeriod, ...params) as ChurnAggregate[];

  const lag = periodsPerYear(q.grain);
  const lookback = sqlite
    .prepare(
      `SELECT rp.cohort, rp.period + ? AS period,
              count(*) AS baseCustomers, total(rp.revenue) AS baseRevenue,
              count(nx.account_id) AS retainedCustomers, total(nx.revenue) AS revenue,
              total(min(nx.revenue, rp.revenue)) AS capped
         FROM retention_periods rp
         LEFT JOIN retention_periods nx
           ON nx.grain = rp.grain AND nx.cohort = rp.cohort AND nx.period = rp.period + ?
          AND nx.account_id = rp.account_id
        WHERE rp.grain = ? AND rp.period + ? <= ?${extra}
        GROUP BY rp.cohort, rp.period`,
    )
    .all(lag, lag, g, lag, scope.asOfPeriod, ...params) as LookbackAggregate[];

  const firstPeriod = Math.min(...active.map((r) => r.cohort));
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
