// The funnel report, its drill-down and the MQL trap (docs/METRICS.md#funnel). SQL counts; the
// conversions, intervals and flags are computed from the counts in shared/analytics.
import type Database from 'better-sqlite3';
import { funnelSteps } from '#shared/analytics/funnel.ts';
import { newcombe } from '#shared/analytics/newcombe.ts';
import { percentileSorted } from '#shared/analytics/percentile.ts';
import { rateOf } from '#shared/analytics/rate.ts';
import type {
  FunnelCounts,
  FunnelField,
  FunnelGroup,
  FunnelItem,
  FunnelItemsReport,
  FunnelMode,
  FunnelReport,
  FunnelStage,
  FunnelStart,
  ItemStatus,
  TrapQuarter,
  TrapReport,
} from '#shared/domain/funnel.ts';
import { FUNNEL_STAGES } from '#shared/domain/funnel.ts';
import type { ConfidenceThresholds } from '#shared/domain/settings.ts';
import { itemsSql, STAGE_COLUMN } from './funnel-sql.ts';

const OPEN_END = { from: '0000-01-01', to: '9999-12-31' };

export interface FunnelQuery {
  mode: FunnelMode;
  start: FunnelStart;
  from: string | null;
  to: string | null;
  by: FunnelField | null;
}

/** The data's last date: the latest date of any lead (created, MQL, SQL, opportunity, customer) or deal (created, close). */
export function dataAsOf(sqlite: Database.Database): string | null {
  return (
    (sqlite
      .prepare(
        `SELECT MAX(x) FROM (SELECT MAX(created_date) AS x FROM leads UNION ALL SELECT MAX(mql_date) FROM leads
           UNION ALL SELECT MAX(MAX(COALESCE(sql_date, '')), MAX(COALESCE(opportunity_date, '')), MAX(COALESCE(customer_date, ''))) FROM leads
           UNION ALL SELECT MAX(created_date) FROM deals UNION ALL SELECT MAX(close_date) FROM deals)`,
      )
      .pluck()
      .get() as string | null) ?? null
  );
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A key that changes whenever the workspace does: commits by other connections (data_version) and
 * this connection's own writes (total_changes). Whole-history figures are cached under it.
 */
function dataKey(sqlite: Database.Database): string {
  const version = sqlite.pragma('data_version', { simple: true }) as number;
  return `${version}:${sqlite.prepare('SELECT total_changes()').pluck().get() as number}`;
}

const wonDaysCache = new WeakMap<Database.Database, { key: string; days: number[] }>();

/**
 * Days from MQL date to close date of MQLs whose deal was won, ascending, over all history: the
 * P90 sets maturity and the median is the planner's lag. Cached per data version.
 */
export function mqlToWonDays(sqlite: Database.Database): number[] {
  const key = dataKey(sqlite);
  const hit = wonDaysCache.get(sqlite);
  if (hit?.key === key) return hit.days;
  const days = sqlite
    .prepare(
      `SELECT CAST(julianday(r_close) - julianday(r_mql) AS INTEGER) AS days FROM (${itemsSql({ by: null })})
       WHERE outcome = 'won' AND r_mql IS NOT NULL AND r_close >= r_mql ORDER BY days`,
    )
    .pluck()
    .all() as number[];
  wonDaysCache.set(sqlite, { key, days });
  return days;
}

/** P90 of days from MQL date to close date over MQLs whose deal was won (docs/METRICS.md#mature-cohorts). */
export function maturityDays(sqlite: Database.Database): number | null {
  const p = percentileSorted(mqlToWonDays(sqlite), 0.9);
  return p === null ? null : Math.ceil(p);
}

function emptyCounts(): FunnelCounts {
  const zero = () => Object.fromEntries(FUNNEL_STAGES.map((s) => [s, 0])) as Record<FunnelStage, number>;
  return { reached: zero(), open: zero(), out: zero(), lost: 0, noDecision: 0 };
}

interface CountRow {
  grp: string;
  [k: string]: number | string;
}

function countSql(q: FunnelQuery): string {
  const base = itemsSql({
    by: q.by,
    leadCreatedRange: q.mode === 'cohort' && q.start === 'lead',
    leadsOnly: q.start === 'lead' && q.mode === 'cohort',
  });
  const inRange = (col: string) => `(${col} BETWEEN @from AND @to)`;
  const cols: string[] = [];
  for (const s of FUNNEL_STAGES) {
    const col = STAGE_COLUMN[s];
    if (q.mode === 'cohort') {
      cols.push(`SUM(${col} IS NOT NULL) AS reached_${s}`);
      cols.push(`SUM(status = 'open' AND last_stage = '${s}') AS open_${s}`);
      cols.push(`SUM(status IN ('disqualified', 'merged') AND last_stage = '${s}') AS out_${s}`);
    } else {
      cols.push(`SUM(${inRange(col)}) AS reached_${s}`);
      cols.push(`0 AS open_${s}`, `0 AS out_${s}`);
    }
  }
  const closedIn = q.mode === 'cohort' ? '1' : inRange('r_close');
  cols.push(`SUM(status = 'lost' AND ${closedIn}) AS lost`, `SUM(status = 'no_decision' AND ${closedIn}) AS nd`);
  const where =
    q.mode === 'cohort'
      ? inRange(STAGE_COLUMN[q.start])
      : FUNNEL_STAGES.map((s) => inRange(STAGE_COLUMN[s])).join(' OR ') + ` OR ${inRange('r_close')}`;
  return `SELECT grp, ${cols.join(', ')} FROM (${base}) WHERE ${where} GROUP BY grp ORDER BY grp`;
}

function countsOf(r: CountRow): FunnelCounts {
  const c = emptyCounts();
  for (const s of FUNNEL_STAGES) {
    c.reached[s] = Number(r[`reached_${s}`] ?? 0);
    c.open[s] = Number(r[`open_${s}`] ?? 0);
    c.out[s] = Number(r[`out_${s}`] ?? 0);
  }
  c.lost = Number(r.lost ?? 0);
  c.noDecision = Number(r.nd ?? 0);
  return c;
}

function addInto(total: FunnelCounts, c: FunnelCounts): void {
  for (const s of FUNNEL_STAGES) {
    total.reached[s] += c.reached[s];
    total.open[s] += c.open[s];
    total.out[s] += c.out[s];
  }
  total.lost += c.lost;
  total.noDecision += c.noDecision;
}

export function funnelDefinition(q: Pick<FunnelQuery, 'mode'>): string {
  return q.mode === 'cohort'
    ? 'Cohort: the items that reached the first stage in the period, followed to the data’s last date; step = reached / reached the stage before, cumulative = reached / first stage, Wilson 95% intervals; open items stay in n.'
    : 'Period: each stage counts the items that reached it in the period, whatever their start; conversions are ratios of different items (no interval, may exceed 100%).';
}

export function funnelReport(
  sqlite: Database.Database,
  q: FunnelQuery,
  t: ConfidenceThresholds,
  maturity: { asOf: string | null; days: number | null },
): FunnelReport {
  const rows = sqlite
    .prepare(countSql(q))
    .all({ from: q.from ?? OPEN_END.from, to: q.to ?? OPEN_END.to }) as CountRow[];
  const total = emptyCounts();
  const groups: FunnelGroup[] = [];
  for (const r of rows) {
    const c = countsOf(r);
    addInto(total, c);
    if (q.by !== null)
      groups.push({
        key: r.grp,
        label: r.grp === '' ? 'Not set' : r.grp,
        steps: funnelSteps(c, q.start, q.mode, t),
        lost: c.lost,
        noDecision: c.noDecision,
      });
  }
  groups.sort((a, b) => b.steps[0]!.count - a.steps[0]!.count || a.label.localeCompare(b.label));
  const mature =
    q.mode === 'cohort' && maturity.asOf !== null && maturity.days !== null
      ? addDays(q.to ?? maturity.asOf, maturity.days) <= maturity.asOf
      : null;
  return {
    mode: q.mode,
    start: q.start,
    from: q.from,
    to: q.to,
    by: q.by,
    asOf: maturity.asOf,
    maturityDays: maturity.days,
    mature,
    total: {
      key: '',
      label: 'All',
      steps: funnelSteps(total, q.start, q.mode, t),
      lost: total.lost,
      noDecision: total.noDecision,
    },
    groups,
    definition: funnelDefinition(q),
  };
}

export type DrillKind = 'reached' | 'open' | 'out' | 'lost' | 'no_decision';

export interface DrillQuery extends FunnelQuery {
  stage: FunnelStage;
  kind: DrillKind;
  group: string | null;
  offset: number;
  limit: number;
}

/** The items behind one count of the report: the list's length equals the count. */
export function funnelItems(sqlite: Database.Database, q: DrillQuery): FunnelItemsReport {
  const base = itemsSql({ by: q.by });
  const inRange = (col: string) => `(${col} BETWEEN @from AND @to)`;
  const conds: string[] = [];
  if (q.mode === 'cohort') conds.push(inRange(STAGE_COLUMN[q.start]));
  if (q.kind === 'reached')
    conds.push(q.mode === 'cohort' ? `${STAGE_COLUMN[q.stage]} IS NOT NULL` : inRange(STAGE_COLUMN[q.stage]));
  else if (q.kind === 'open') conds.push(`status = 'open' AND last_stage = @stage`);
  else if (q.kind === 'out') conds.push(`status IN ('disqualified', 'merged') AND last_stage = @stage`);
  else {
    conds.push(`status = '${q.kind}'`);
    if (q.mode === 'period') conds.push(inRange('r_close'));
  }
  if (q.group !== null && q.by !== null) conds.push('grp = @group');
  const params = {
    from: q.from ?? OPEN_END.from,
    to: q.to ?? OPEN_END.to,
    stage: q.stage,
    group: q.group ?? '',
  };
  const where = conds.join(' AND ');
  const total = sqlite.prepare(`SELECT COUNT(*) FROM (${base}) WHERE ${where}`).pluck().get(params) as number;
  const rows = sqlite
    .prepare(
      `SELECT i.*, l.external_id AS lead_ext, d.external_id AS deal_ext, d.name AS deal_name
       FROM (SELECT * FROM (${base}) WHERE ${where}
             ORDER BY COALESCE(e_lead, e_mql, e_sql, e_opp), kind DESC, COALESCE(lead_id, deal_id)
             LIMIT @limit OFFSET @offset) i
       LEFT JOIN leads l ON l.id = i.lead_id LEFT JOIN deals d ON d.id = i.deal_id
       ORDER BY COALESCE(i.e_lead, i.e_mql, i.e_sql, i.e_opp), i.kind DESC, COALESCE(i.lead_id, i.deal_id)`,
    )
    .all({ ...params, limit: q.limit, offset: q.offset }) as Record<string, string | number | null>[];
  const items: FunnelItem[] = rows.map((r) => ({
    kind: r.kind as 'lead' | 'deal',
    leadId: (r.lead_id as number | null) ?? null,
    leadExternalId: (r.lead_ext as string | null) ?? null,
    dealId: (r.deal_id as number | null) ?? null,
    dealExternalId: (r.deal_ext as string | null) ?? null,
    dealName: (r.deal_name as string | null) ?? null,
    created: r.r_lead as string | null,
    mql: r.r_mql as string | null,
    sql: r.r_sql as string | null,
    opportunity: r.r_opp as string | null,
    closed: r.r_close as string | null,
    status: r.status as ItemStatus,
    stage: r.last_stage as FunnelStage,
    group: q.by === null ? null : (r.grp as string),
  }));
  return { total, items };
}

function quarterOf(iso: string): string {
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

function quarterEnd(q: string): string {
  const y = Number(q.slice(0, 4));
  const n = Number(q.slice(6));
  return new Date(Date.UTC(y, n * 3, 0)).toISOString().slice(0, 10);
}

function nextQuarter(q: string): string {
  const y = Number(q.slice(0, 4));
  const n = Number(q.slice(6));
  return n === 4 ? `${y + 1}-Q1` : `${y}-Q${n + 1}`;
}

/** MQL volume per quarter beside the conversion of the quarter's mature cohort (docs/METRICS.md#mql-trap). */
export function trapReport(
  sqlite: Database.Database,
  t: ConfidenceThresholds,
  maturity: { asOf: string | null; days: number | null },
): TrapReport {
  const rows = sqlite
    .prepare(
      `SELECT substr(e_mql, 1, 4) || '-Q' || ((CAST(substr(e_mql, 6, 2) AS INTEGER) + 2) / 3) AS q,
         COUNT(*) AS mqls, COUNT(CASE WHEN outcome = 'won' THEN 1 END) AS won
       FROM (${itemsSql({ by: null })}) WHERE e_mql IS NOT NULL GROUP BY q ORDER BY q`,
    )
    .all() as { q: string; mqls: number; won: number }[];
  const byQ = new Map(rows.map((r) => [r.q, r]));
  const quarters: TrapQuarter[] = [];
  if (rows.length > 0) {
    const last = maturity.asOf ? quarterOf(maturity.asOf) : rows[rows.length - 1]!.q;
    let prev: TrapQuarter | null = null;
    for (let q = rows[0]!.q; q <= last; q = nextQuarter(q)) {
      const r = byQ.get(q) ?? { q, mqls: 0, won: 0 };
      const mature =
        maturity.asOf !== null && maturity.days !== null && addDays(quarterEnd(q), maturity.days) <= maturity.asOf;
      const conversion = mature ? rateOf(r.won, r.mqls, t) : null;
      const prevHits = prev?.conversion ?? null;
      const change = conversion && prevHits && prev ? newcombe(r.won, r.mqls, prevHits.hits, prevHits.n) : null;
      quarters.push({
        quarter: q,
        mqls: r.mqls,
        mature,
        conversion,
        change,
        flagged: prev !== null && change !== null && r.mqls > prev.mqls && change.high < 0,
      });
      prev = quarters[quarters.length - 1]!;
    }
  }
  return { asOf: maturity.asOf, maturityDays: maturity.days, quarters };
}
