// Velocity (docs/METRICS.md#velocity) and stuck items (#stuck-items): days between raw stage dates,
// a step counted in the period its later date falls in, against the period of the same length before.
import type Database from 'better-sqlite3';
import { percentileSorted, spreadOf } from '#shared/analytics/percentile.ts';
import type { StuckDeal, StuckMql, VelocityReport, VelocityStep } from '#shared/domain/funnel.ts';
import { addDays } from './funnel-queries.ts';
import { itemsSql } from './funnel-sql.ts';

const STEPS: [key: string, label: string, from: string, to: string, where: string][] = [
  ['mql_sql', 'MQL → SQL', 'r_mql', 'r_sql', '1'],
  ['sql_opp', 'SQL → opportunity', 'r_sql', 'r_opp', '1'],
  ['opp_won', 'Opportunity → won', 'r_opp', 'r_close', "outcome = 'won'"],
  ['mql_won', 'MQL → won', 'r_mql', 'r_close', "outcome = 'won'"],
  ['created_won', 'Created → won', 'COALESCE(r_lead, r_opp)', 'r_close', "outcome = 'won'"],
  ['created_lost', 'Created → lost', 'COALESCE(r_lead, r_opp)', 'r_close', "outcome = 'lost'"],
  ['created_nd', 'Created → no decision', 'COALESCE(r_lead, r_opp)', 'r_close', "outcome = 'no_decision'"],
];

const days = (a: string, b: string) => `CAST(julianday(${b}) - julianday(${a}) AS INTEGER)`;

function stepOf(key: string, label: string, cur: number[], prev: number[], outOfOrder: number): VelocityStep {
  const current = spreadOf(cur);
  const previous = spreadOf(prev);
  return {
    key,
    label,
    current,
    previous,
    change: current.median !== null && previous.median !== null ? current.median - previous.median : null,
    outOfOrder,
  };
}

export interface VelocityQuery {
  from: string | null;
  to: string | null;
  stuckDays: number | null;
  /** Only the steps and histogram: no stage stays, no stuck items (Home's velocity figure). */
  stepsOnly?: boolean;
}

/** Visits of deal stages from stage history: per deal and stage, the days spent; running visits marked. */
function stageVisits(sqlite: Database.Database, asOf: string) {
  return sqlite
    .prepare(
      `SELECT deal_id, stage, entered_at, ended_at, running, outcome FROM (
         SELECT h.deal_id, h.stage, h.entered_at, d.outcome,
           COALESCE(LEAD(h.entered_at) OVER w, CASE WHEN d.outcome <> 'open' THEN d.close_date END, @asOf) AS ended_at,
           (LEAD(h.entered_at) OVER w IS NULL AND d.outcome = 'open') AS running,
           (LEAD(h.entered_at) OVER w IS NULL AND d.outcome <> 'open' AND h.entered_at >= d.close_date) AS closing
         FROM stage_history h JOIN deals d ON d.id = h.deal_id
         WINDOW w AS (PARTITION BY h.deal_id ORDER BY h.entered_at, h.id))
       WHERE closing = 0`,
    )
    .all({ asOf }) as {
    deal_id: number;
    stage: string;
    entered_at: string;
    ended_at: string;
    running: number;
    outcome: string;
  }[];
}

export function velocityReport(sqlite: Database.Database, q: VelocityQuery, asOf: string | null): VelocityReport {
  const to = q.to ?? asOf ?? '9999-12-31';
  const from = q.from ?? (asOf ? addDays(to, -364) : '0000-01-01');
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  const prevTo = addDays(from, -1);
  const prevFrom = addDays(prevTo, -(span - 1));
  const union = STEPS.map(
    ([key, , a, b, where]) =>
      `SELECT '${key}' AS step, ${days(a, b)} AS days, ${b} AS ended FROM items
       WHERE ${where} AND ${a} IS NOT NULL AND ${b} BETWEEN @prevFrom AND @to`,
  ).join(' UNION ALL ');
  const rows = sqlite
    .prepare(`WITH items AS MATERIALIZED (${itemsSql({ by: null })}) ${union}`)
    .all({ prevFrom, to }) as {
    step: string;
    days: number;
    ended: string;
  }[];
  const per = new Map<string, { cur: number[]; prev: number[]; bad: number }>();
  for (const [key] of STEPS) per.set(key, { cur: [], prev: [], bad: 0 });
  for (const r of rows) {
    const p = per.get(r.step)!;
    const current = r.ended >= from;
    if (r.days < 0) {
      if (current) p.bad++;
    } else (current ? p.cur : p.prev).push(r.days);
  }
  const steps = STEPS.map(([key, label]) => {
    const p = per.get(key)!;
    return stepOf(key, label, p.cur, p.prev, p.bad);
  });

  // Histogram of MQL → won days in the period, bins of 30 days.
  const mqlWon = per.get('mql_won')!.cur;
  const bin = 30;
  const maxBin = mqlWon.length === 0 ? -1 : Math.floor(Math.max(...mqlWon) / bin);
  const histogram = Array.from({ length: maxBin + 1 }, (_, i) => ({ from: i * bin, to: (i + 1) * bin, count: 0 }));
  for (const d of mqlWon) histogram[Math.floor(d / bin)]!.count++;

  // Days in each deal stage: summed per deal; deals that left the stage with the visit ending in the period.
  const dealStages: VelocityStep[] = [];
  const stuckDeals: StuckDeal[] = [];
  let stuckDealsTotal = 0;
  // Home asks for the steps only: stage stays and stuck items read every deal's stage history.
  if (asOf !== null && !q.stepsOnly) {
    const visits = stageVisits(sqlite, asOf);
    const done = new Map<string, Map<number, { days: number; ended: string }>>();
    const running: { deal: number; stage: string; days: number }[] = [];
    for (const v of visits) {
      const d = Math.max(0, Math.round((Date.parse(v.ended_at) - Date.parse(v.entered_at)) / 86_400_000));
      if (v.running) {
        running.push({ deal: v.deal_id, stage: v.stage, days: d });
        continue;
      }
      let m = done.get(v.stage);
      if (!m) done.set(v.stage, (m = new Map()));
      const e = m.get(v.deal_id);
      m.set(v.deal_id, { days: (e?.days ?? 0) + d, ended: e && e.ended > v.ended_at ? e.ended : v.ended_at });
    }
    const p90 = new Map<string, number>();
    for (const [stage, m] of done) {
      const all = [...m.values()].map((x) => x.days).sort((a, b) => a - b);
      p90.set(stage, percentileSorted(all, 0.9) ?? 0);
      const cur: number[] = [];
      const prev: number[] = [];
      for (const x of m.values()) {
        if (x.ended >= from && x.ended <= to) cur.push(x.days);
        else if (x.ended >= prevFrom && x.ended < from) prev.push(x.days);
      }
      dealStages.push(stepOf(stage, stage, cur, prev, 0));
    }
    dealStages.sort((a, b) => b.current.n - a.current.n || a.label.localeCompare(b.label));
    const over = running.filter((r) => p90.has(r.stage) && r.days > p90.get(r.stage)!);
    over.sort((a, b) => b.days - a.days);
    const info = sqlite.prepare('SELECT external_id, name FROM deals WHERE id = ?');
    for (const r of over.slice(0, 100)) {
      const d = info.get(r.deal) as { external_id: string | null; name: string };
      stuckDeals.push({
        dealId: r.deal,
        externalId: d.external_id,
        name: d.name,
        stage: r.stage,
        days: r.days,
        p90: p90.get(r.stage)!,
      });
    }
    stuckDealsTotal = over.length;
  }

  // Stuck MQLs: no SQL, not disqualified, not converted, N days after the MQL date.
  const stuck = q.stepsOnly
    ? { stuckDays: q.stuckDays ?? 0, stuckDaysDefault: null, stuckMqls: { total: 0, items: [] } }
    : stuckMqlsOf(sqlite, q, asOf);
  return {
    from,
    to,
    previousFrom: prevFrom,
    previousTo: prevTo,
    asOf,
    steps: steps.slice(0, 4),
    byOutcome: steps.slice(4),
    dealStages,
    histogram,
    ...stuck,
    stuckDeals: { total: stuckDealsTotal, items: stuckDeals },
  };
}

function stuckMqlsOf(
  sqlite: Database.Database,
  q: VelocityQuery,
  asOf: string | null,
): Pick<VelocityReport, 'stuckDays' | 'stuckDaysDefault' | 'stuckMqls'> {
  const all = sqlite
    .prepare(
      `SELECT ${days('l.mql_date', 'l.sql_date')} FROM leads l WHERE l.mql_date IS NOT NULL AND l.sql_date >= l.mql_date ORDER BY 1`,
    )
    .pluck()
    .all() as number[];
  const p75 = percentileSorted(all, 0.75);
  const stuckDaysDefault = p75 === null ? null : Math.ceil(p75);
  const stuckDays = q.stuckDays ?? stuckDaysDefault ?? 30;
  const stuckWhere = `l.mql_date IS NOT NULL AND l.mql_date <= @cutoff AND l.sql_date IS NULL AND l.opportunity_date IS NULL
    AND l.deal_id IS NULL AND l.customer_date IS NULL AND l.disqualified = 0`;
  const cutoff = asOf ? addDays(asOf, -stuckDays - 1) : '0000-01-01';
  const stuckTotal = sqlite
    .prepare(`SELECT COUNT(*) FROM leads l WHERE ${stuckWhere}`)
    .pluck()
    .get({ cutoff }) as number;
  const stuckMqls = sqlite
    .prepare(
      `SELECT l.id AS leadId, l.external_id AS externalId, l.mql_date AS mqlDate,
         CAST(julianday(@asOf) - julianday(l.mql_date) AS INTEGER) AS days,
         (SELECT name FROM owners WHERE id = l.owner_id) AS owner, (SELECT name FROM lead_sources WHERE id = l.lead_source_id) AS source
       FROM leads l WHERE ${stuckWhere} ORDER BY l.mql_date, l.id LIMIT 100`,
    )
    .all({ cutoff, asOf: asOf ?? '9999-12-31' }) as StuckMql[];

  return { stuckDays, stuckDaysDefault, stuckMqls: { total: stuckTotal, items: stuckMqls } };
}
