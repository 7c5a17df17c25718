// The SQL behind the cohort view: cohort x period aggregates from retention_periods (read in key
// order: one pass, no sort), narrowed by filters and split by a field through the customers'
// dims. The cohort maths on those aggregates is in shared/analytics/cohorts.ts.
import type Database from 'better-sqlite3';
import { buildCohortMatrix, buildGroupMatrices, summariseGroups } from '#shared/analytics/cohorts.ts';
import type { CohortAggregate, GroupedAggregate } from '#shared/analytics/cohorts.ts';
import { endsPeriod, periodLabel, periodOfMonth } from '#shared/analytics/cohort-periods.ts';
import type { CohortField, CohortFilter, CohortReport, Grain, RetentionScope } from '#shared/domain/retention.ts';
import { GRAIN_MONTHS } from '#shared/domain/retention.ts';
import type { Settings } from '#shared/domain/settings.ts';
import { AppError } from '../errors.ts';
import { FIELD_KEY, filterSql, keyLabels, loadDims } from './customer-dims.ts';
import { customerSources } from './retention-refresh.ts';
import type { RefreshPlan } from './retention-refresh.ts';
import { AGG, groupsFresh, sumGroups } from './group-cells.ts';

export interface CohortQuery {
  grain: Grain;
  filters: CohortFilter[];
  by: CohortField | null;
  /** With `by`: the group whose matrix to return (null: every customer in the filters). */
  group: string | null;
}

export function retentionScope(
  sqlite: Database.Database,
  plan: RefreshPlan,
  grain: Grain,
  settings: Settings,
): RetentionScope {
  const sources = customerSources(sqlite);
  const asOfPeriod = plan.asOfMonth === null ? null : periodOfMonth(plan.asOfMonth, grain);
  return {
    asOf: plan.asOf,
    asOfPeriod,
    asOfLabel: asOfPeriod === null ? null : periodLabel(asOfPeriod, grain),
    asOfComplete: plan.asOf !== null && endsPeriod(plan.asOf, grain),
    customers: sources.mrr + sources.invoice + sources.deals,
    sources,
    currency: settings.currency,
  };
}

/**
 * Cohort x period aggregates: every customer's from retention_cells (kept by the refresh), or for
 * a filter or group, summed over retention_periods in one ordered pass.
 */

/**
 * The customers a query is about, as an SQL condition on rp.account_id (dims loaded when needed).
 * Null when it is every customer, so the plain ordered scan can run.
 */
export function scopeSql(
  sqlite: Database.Database,
  q: { filters: CohortFilter[]; by: CohortField | null; group: string | null },
): { sql: string; params: unknown[] } | null {
  const f = filterSql(q.filters);
  const grouped = q.by !== null && q.group !== null;
  if (f.params.length === 0 && !grouped) return null;
  loadDims(sqlite);
  const params: unknown[] = [...f.params];
  let sql = `rp.account_id IN (SELECT x.account_id FROM temp.retention_dims x WHERE 1${f.sql}`;
  if (grouped) {
    sql += ` AND x.${FIELD_KEY[q.by!]} = ?`;
    params.push(q.group);
  }
  return { sql: `${sql})`, params };
}

export function cohortAggregates(
  sqlite: Database.Database,
  grain: Grain,
  asOfPeriod: number,
  scope: { sql: string; params: unknown[] } | null,
): CohortAggregate[] {
  if (scope === null) {
    return sqlite
      .prepare(
        'SELECT cohort, period, active, revenue, capped FROM retention_cells WHERE grain = ? AND period <= ? ORDER BY cohort, period',
      )
      .all(GRAIN_MONTHS[grain], asOfPeriod) as CohortAggregate[];
  }
  return sqlite
    .prepare(
      `SELECT rp.cohort, rp.period, ${AGG}
         FROM retention_periods rp
        WHERE rp.grain = ? AND rp.period <= ? AND ${scope.sql}
        GROUP BY rp.cohort, rp.period`,
    )
    .all(GRAIN_MONTHS[grain], asOfPeriod, ...scope.params) as CohortAggregate[];
}

/**
 * Aggregates per group of a field. With filters, summed now over the customers' rows; without,
 * read from retention_group_cells, kept by the jobs that change data (group-cells.ts), or summed
 * live by the same SQL while those are stale.
 */
export function groupedAggregates(
  sqlite: Database.Database,
  grain: Grain,
  asOfPeriod: number,
  by: CohortField,
  filters: CohortFilter[],
): GroupedAggregate[] {
  if (filters.every((f) => f.values.length === 0) && groupsFresh(sqlite)) {
    return sqlite
      .prepare(
        `SELECT key AS "group", cohort, period, active, revenue, capped FROM retention_group_cells
          WHERE field = ? AND grain = ? AND period <= ? ORDER BY key, cohort, period`,
      )
      .all(by, GRAIN_MONTHS[grain], asOfPeriod) as GroupedAggregate[];
  }
  loadDims(sqlite);
  return sumGroups(sqlite, grain, asOfPeriod, by, filters);
}

export function cohortReport(
  sqlite: Database.Database,
  plan: RefreshPlan,
  q: CohortQuery,
  settings: Settings,
): CohortReport {
  const scope = retentionScope(sqlite, plan, q.grain, settings);
  const base = { ...scope, grain: q.grain, filters: q.filters, by: q.by };
  const empty = { grain: q.grain, rows: [], average: [], maxK: 0, customers: 0 };
  if (scope.asOfPeriod === null) {
    return { ...base, groups: q.by ? [] : null, group: null, groupLabel: null, matrix: empty };
  }
  const opts = {
    grain: q.grain,
    asOfPeriod: scope.asOfPeriod,
    asOfComplete: scope.asOfComplete,
    thresholds: settings,
  };

  if (q.by === null) {
    if (q.group !== null) throw new AppError('invalid_argument', 'Choose a field to split by before choosing a group.');
    const rows = cohortAggregates(sqlite, q.grain, scope.asOfPeriod, scopeSql(sqlite, q));
    return { ...base, groups: null, group: null, groupLabel: null, matrix: buildCohortMatrix(rows, opts) };
  }

  const grouped = groupedAggregates(sqlite, q.grain, scope.asOfPeriod, q.by, q.filters);
  const labels = keyLabels(sqlite, q.by, [
    ...new Set([...grouped.map((r) => r.group), ...(q.group === null ? [] : [q.group])]),
  ]);
  const matrices = buildGroupMatrices(grouped, opts);
  const groups = summariseGroups(matrices, (key) => labels.get(key) ?? key);
  if (q.group !== null && !matrices.has(q.group)) {
    // A group that has no customers under these filters: an empty matrix, named.
    return {
      ...base,
      groups,
      group: q.group,
      groupLabel: labels.get(q.group) ?? null,
      matrix: empty,
    };
  }
  const matrix = q.group === null ? buildCohortMatrix(grouped, opts) : matrices.get(q.group)!;
  return {
    ...base,
    groups,
    group: q.group,
    groupLabel: q.group === null ? null : (labels.get(q.group) ?? q.group),
    matrix,
  };
}
