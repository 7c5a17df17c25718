// Drill from a cohort cell to its customers: every customer of cohort c (within the filters and
// group) with its first-period revenue and its revenue in period c + k, sorted and paged in SQL.
import type Database from 'better-sqlite3';
import { periodLabel } from '#shared/analytics/cohort-periods.ts';
import type {
  CohortField,
  CohortFilter,
  DrillCustomer,
  DrillReport,
  DrillSort,
  DrillStatus,
  Grain,
} from '#shared/domain/retention.ts';
import { GRAIN_MONTHS } from '#shared/domain/retention.ts';
import type { Settings } from '#shared/domain/settings.ts';
import { AppError } from '../errors.ts';
import { retentionScope } from './cohort-queries.ts';
import { FIELD_KEY, filterSql, loadDims } from './customer-dims.ts';
import { FLAT_EPSILON } from './cell-measures.ts';
import type { RefreshPlan } from './retention-refresh.ts';

export interface DrillQuery {
  grain: Grain;
  filters: CohortFilter[];
  by: CohortField | null;
  group: string | null;
  cohort: number;
  k: number;
  status: DrillStatus;
  sort: DrillSort;
  desc: boolean;
  offset: number;
  limit: number;
}

/** Sort columns the user may choose, as SQL (allowlist: no user text reaches the query). */
const SORT_SQL: Record<DrillSort, string> = {
  name: 'a.name COLLATE NOCASE',
  startRevenue: 'b.revenue',
  revenue: 'coalesce(p.revenue, 0)',
  change: 'coalesce(p.revenue, 0) - b.revenue',
  segment: 'x.segment COLLATE NOCASE',
  region: 'x.region COLLATE NOCASE',
  product: 'x.product COLLATE NOCASE',
  competitor: 'x.competitor COLLATE NOCASE',
  reason: 'x.reason COLLATE NOCASE',
  leadSource: 'x.lead_source COLLATE NOCASE',
};

const STATUS_SQL: Record<DrillStatus, string> = {
  all: '',
  active: ' AND p.account_id IS NOT NULL',
  inactive: ' AND p.account_id IS NULL',
};

const blank = (s: string | null) => (s === null || s === '' ? null : s);

export function drillReport(
  sqlite: Database.Database,
  plan: RefreshPlan,
  q: DrillQuery,
  settings: Settings,
): DrillReport {
  const scope = retentionScope(sqlite, plan, q.grain, settings);
  if (scope.asOfPeriod === null) throw new AppError('not_found', 'There is no revenue in this workspace yet.');
  const period = q.cohort + q.k;
  if (period > scope.asOfPeriod) {
    throw new AppError(
      'invalid_argument',
      `${periodLabel(period, q.grain)} is after the data's last period (${periodLabel(scope.asOfPeriod, q.grain)}).`,
    );
  }
  const g = GRAIN_MONTHS[q.grain];
  loadDims(sqlite, {
    sql: 'rc.account_id IN (SELECT account_id FROM retention_periods WHERE grain = ? AND cohort = ? AND period = ?)',
    params: [g, q.cohort, q.cohort],
  });
  const f = filterSql(q.filters);
  let where = f.sql;
  const params: unknown[] = [...f.params];
  if (q.by !== null && q.group !== null) {
    where += ` AND x.${FIELD_KEY[q.by]} = ?`;
    params.push(q.group);
  }
  const from = `
      FROM retention_periods b
      JOIN accounts a ON a.id = b.account_id
      JOIN retention_customers rc ON rc.account_id = b.account_id
      JOIN temp.retention_dims x ON x.account_id = b.account_id
      LEFT JOIN retention_periods p
        ON p.grain = b.grain AND p.cohort = b.cohort AND p.period = b.period + ? AND p.account_id = b.account_id
     WHERE b.grain = ? AND b.cohort = ? AND b.period = ?${where}`;
  const fromParams = [q.k, g, q.cohort, q.cohort, ...params];

  const counts = sqlite
    .prepare(`SELECT count(*) AS "all", count(p.account_id) AS active ${from}`)
    .get(...fromParams) as { all: number; active: number };
  const eps = FLAT_EPSILON;
  const rows = sqlite
    .prepare(
      `SELECT b.account_id AS accountId, a.name, a.external_id AS externalId, rc.source,
              x.segment, x.sector, x.region, x.product, x.competitor, x.reason, x.reason_source AS reasonSource,
              x.lead_source AS leadSource, x.deal_name AS winningDeal,
              b.revenue AS startRevenue, coalesce(p.revenue, 0) AS revenue,
              CASE WHEN p.account_id IS NULL THEN 'inactive'
                   WHEN p.revenue - b.revenue > ${eps} THEN 'expanded'
                   WHEN b.revenue - p.revenue > ${eps} THEN 'contracted'
                   ELSE 'flat' END AS trend
         ${from}${STATUS_SQL[q.status]}
        ORDER BY ${SORT_SQL[q.sort]} ${q.desc ? 'DESC' : 'ASC'}, a.name COLLATE NOCASE, b.account_id
        LIMIT ? OFFSET ?`,
    )
    .all(...fromParams, q.limit, q.offset) as DrillCustomer[];
  const total = q.status === 'all' ? counts.all : q.status === 'active' ? counts.active : counts.all - counts.active;
  return {
    grain: q.grain,
    cohortLabel: periodLabel(q.cohort, q.grain),
    periodLabel: periodLabel(period, q.grain),
    k: q.k,
    incomplete: period > scope.asOfPeriod || (period === scope.asOfPeriod && !scope.asOfComplete),
    counts: { all: counts.all, active: counts.active, inactive: counts.all - counts.active },
    total,
    offset: q.offset,
    rows: rows.map((r) => ({
      ...r,
      segment: blank(r.segment),
      sector: blank(r.sector),
      region: blank(r.region),
    })),
    currency: settings.currency,
  };
}
