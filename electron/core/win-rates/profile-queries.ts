// A competitor's profile: win rate against them (involved and head-to-head) overall, over time and
// by segment, region and product; deal size and cycle against the other competitors; why we win
// and lose against them (buyers in interviews, reps in the CRM); ratings us vs them; quotes that
// mention them; recent deals. Rates and breakdowns read deal_competitors' copies (one competitor's
// slice of its covering index); interviews, reasons and ratings are joined from that slice.
import type Database from 'better-sqlite3';
import { rateOf } from '#shared/analytics/rate.ts';
import { closedDefinition } from '#shared/domain/settings.ts';
import type { Settings } from '#shared/domain/settings.ts';
import type {
  BreakdownRow,
  CompetitorProfile,
  CompetitorSummary,
  DealListItem,
  DealSizeCycle,
  Dimension,
  Period,
  PeriodRates,
  QuoteMention,
  RatingComparison,
  ReasonCount,
} from '#shared/domain/win-rates.ts';
import { competitorSummaries } from '../competitors/competitor-rates.ts';
import { AppError } from '../errors.ts';
import { andMore, closedSql, periodParts, wonSql } from '../rules/deal-rules.ts';
import { DIMENSION_SQL } from './dimensions.ts';
import { periodRange } from './change-queries.ts';
import { labelValues, NULL_MARK } from './matrix-queries.ts';

/** " AND <close date in the period>" over a column, with its parameters (deal-rules.ts). */
function periodSql(period: Period, column: string): { sql: string; params: (string | number)[] } {
  return andMore(periodParts(column, period));
}

/** Every competitor with encounters and win rates, most met first: the one list (competitor-rates.ts). */
export function listCompetitors(
  sqlite: Database.Database,
  settings: Settings,
  period: Period = {},
): CompetitorSummary[] {
  return competitorSummaries(sqlite, settings, { period });
}

/** Involved and head-to-head counts by one copied dimension, for one competitor. */
function breakdown(
  sqlite: Database.Database,
  id: number,
  dim: Dimension,
  period: Period,
  settings: Settings,
): BreakdownRow[] {
  const expr = DIMENSION_SQL[dim].copy!;
  const p = periodSql(period, 'dc.deal_close_date');
  const rows = sqlite
    .prepare(
      `SELECT ${expr} AS k, count(*) AS closed, count(*) FILTER (WHERE ${wonSql('dc.deal_outcome')}) AS won,
              count(*) FILTER (WHERE dc.is_primary = 1) AS h2hClosed,
              count(*) FILTER (WHERE dc.is_primary = 1 AND ${wonSql('dc.deal_outcome')}) AS h2hWon
         FROM deal_competitors dc
        WHERE dc.competitor_id = ? AND ${closedSql('dc.deal_outcome', settings)}${p.sql}
        GROUP BY 1`,
    )
    .all(id, ...p.params) as { k: unknown; closed: number; won: number; h2hClosed: number; h2hWon: number }[];
  const byKey = new Map(rows.map((r) => [r.k === null ? NULL_MARK : String(r.k), r]));
  return labelValues(sqlite, dim, byKey.keys()).map((v) => {
    const r = byKey.get(v.key === null ? NULL_MARK : v.key)!;
    return {
      key: v.key,
      label: v.label,
      involved: rateOf(r.won, r.closed, settings),
      headToHead: rateOf(r.h2hWon, r.h2hClosed, settings),
    };
  });
}

function overTime(sqlite: Database.Database, id: number, period: Period, settings: Settings): PeriodRates[] {
  const rows = breakdown(sqlite, id, 'closeQuarter', period, settings).filter((r) => r.key !== null);
  if (rows.length === 0) return [];
  const byKey = new Map(rows.map((r) => [r.key!, r]));
  return periodRange('closeQuarter', rows[0]!.key!, rows.at(-1)!.key!).map((q) => {
    const r = byKey.get(q);
    return {
      period: q,
      involved: r?.involved ?? rateOf(0, 0, settings),
      headToHead: r?.headToHead ?? rateOf(0, 0, settings),
    };
  });
}

function sizeAndCycle(
  sqlite: Database.Database,
  id: number,
  period: Period,
  settings: Settings,
): CompetitorProfile['sizeAndCycle'] {
  const p = periodSql(period, 'dc.deal_close_date');
  const cycle = 'julianday(dc.deal_close_date) - julianday(dc.deal_created_date)';
  const rows = sqlite
    .prepare(
      `SELECT c.id, c.name, count(*) AS deals, total(dc.deal_amount) AS amount, count(dc.deal_amount) AS withAmount,
              total(${cycle}) AS cycle, count(${cycle}) AS withCycle,
              total(dc.deal_amount) FILTER (WHERE dc.first_for_deal = 1) AS firstAmount,
              count(dc.deal_amount) FILTER (WHERE dc.first_for_deal = 1) AS firstWithAmount,
              total(${cycle}) FILTER (WHERE dc.first_for_deal = 1) AS firstCycle,
              count(${cycle}) FILTER (WHERE dc.first_for_deal = 1) AS firstWithCycle,
              count(*) FILTER (WHERE dc.first_for_deal = 1) AS firstDeals
         FROM deal_competitors dc JOIN competitors c ON c.id = dc.competitor_id
        WHERE ${closedSql('dc.deal_outcome', settings)}${p.sql}
        GROUP BY c.id ORDER BY c.name COLLATE NOCASE`,
    )
    .all(...p.params) as {
    id: number;
    name: string;
    deals: number;
    amount: number;
    withAmount: number;
    cycle: number;
    withCycle: number;
    firstAmount: number;
    firstWithAmount: number;
    firstCycle: number;
    firstWithCycle: number;
    firstDeals: number;
  }[];
  const avg = (sum: number, n: number) => (n > 0 ? sum / n : null);
  const byCompetitor = rows.map((r) => ({
    id: r.id,
    name: r.name,
    deals: r.deals,
    averageAmount: avg(r.amount, r.withAmount),
    averageCycleDays: avg(r.cycle, r.withCycle),
  }));
  const them = byCompetitor.find((r) => r.id === id) ?? {
    deals: 0,
    averageAmount: null,
    averageCycleDays: null,
  };
  // Deals that met any competitor, each once (first_for_deal), less those that met this one.
  const sums = rows.reduce(
    (t, r) => ({
      deals: t.deals + r.firstDeals,
      amount: t.amount + r.firstAmount,
      withAmount: t.withAmount + r.firstWithAmount,
      cycle: t.cycle + r.firstCycle,
      withCycle: t.withCycle + r.firstWithCycle,
    }),
    { deals: 0, amount: 0, withAmount: 0, cycle: 0, withCycle: 0 },
  );
  const mine = sqlite
    .prepare(
      `SELECT count(*) AS deals, total(dc.deal_amount) AS amount, count(dc.deal_amount) AS withAmount,
              total(${cycle}) AS cycle, count(${cycle}) AS withCycle
         FROM deal_competitors dc WHERE dc.competitor_id = ? AND ${closedSql('dc.deal_outcome', settings)}${p.sql}`,
    )
    .get(id, ...p.params) as { deals: number; amount: number; withAmount: number; cycle: number; withCycle: number };
  const otherCompetitors: DealSizeCycle = {
    deals: sums.deals - mine.deals,
    averageAmount: avg(sums.amount - mine.amount, sums.withAmount - mine.withAmount),
    averageCycleDays: avg(sums.cycle - mine.cycle, sums.withCycle - mine.withCycle),
  };
  return {
    them: { deals: them.deals, averageAmount: them.averageAmount, averageCycleDays: them.averageCycleDays },
    otherCompetitors,
    byCompetitor,
  };
}

function interviewReasons(
  sqlite: Database.Database,
  id: number,
  period: Period,
  settings: Settings,
): CompetitorProfile['interviewReasons'] {
  const p = periodSql(period, 'dc.deal_close_date');
  const from = "FROM deal_competitors dc JOIN interviews i ON i.deal_id = dc.deal_id AND i.status = 'complete'";
  const where = `WHERE dc.competitor_id = ? AND ${closedSql('dc.deal_outcome', settings)}${p.sql}`;
  const rows = sqlite
    .prepare(
      `SELECT r.name AS reason, rc.name AS category, ir.driver, count(*) AS count, total(ir.is_primary) AS "primary"
         ${from} JOIN interview_reasons ir ON ir.interview_id = i.id JOIN reasons r ON r.id = ir.reason_id
         LEFT JOIN reason_categories rc ON rc.id = r.category_id
         ${where}
        GROUP BY r.id, ir.driver ORDER BY count DESC, "primary" DESC, r.name`,
    )
    .all(id, ...p.params) as (ReasonCount & { driver: 'win' | 'loss' })[];
  const interviews = (sqlite.prepare(`SELECT count(*) AS n ${from} ${where}`).get(id, ...p.params) as { n: number }).n;
  const strip = ({ driver: _driver, ...r }: ReasonCount & { driver: string }): ReasonCount => r;
  return {
    win: rows.filter((r) => r.driver === 'win').map(strip),
    loss: rows.filter((r) => r.driver === 'loss').map(strip),
    interviews,
  };
}

function crmReasons(sqlite: Database.Database, id: number, period: Period): CompetitorProfile['crmReasons'] {
  const p = periodSql(period, 'dc.deal_close_date');
  const rows = sqlite
    .prepare(
      `SELECT coalesce(r.name, d.rep_reason_text) AS reason, rc.name AS category, dc.deal_outcome AS outcome, count(*) AS count
         FROM deal_competitors dc JOIN deals d ON d.id = dc.deal_id
         LEFT JOIN reasons r ON r.id = d.rep_reason_id LEFT JOIN reason_categories rc ON rc.id = r.category_id
        WHERE dc.competitor_id = ? AND ${closedSql('dc.deal_outcome', { includeNoDecision: false })}${p.sql}
          AND coalesce(r.name, d.rep_reason_text) IS NOT NULL
        GROUP BY 1, 3 ORDER BY count DESC, reason`,
    )
    .all(id, ...p.params) as { reason: string; category: string | null; outcome: string; count: number }[];
  const pick = (o: string) =>
    rows
      .filter((r) => r.outcome === o)
      .map((r) => ({ reason: r.reason, category: r.category, count: r.count, primary: 0 }));
  return { win: pick('won'), loss: pick('lost') };
}

function ratings(sqlite: Database.Database, id: number, period: Period): RatingComparison[] {
  const p = periodSql(period, 'dc.deal_close_date');
  return sqlite
    .prepare(
      `SELECT rc.label AS criterion,
              avg(ir.rating) FILTER (WHERE ir.competitor_id IS NULL) AS us, count(*) FILTER (WHERE ir.competitor_id IS NULL) AS usN,
              avg(ir.rating) FILTER (WHERE ir.competitor_id = ?) AS them, count(*) FILTER (WHERE ir.competitor_id = ?) AS themN
         FROM deal_competitors dc JOIN interviews i ON i.deal_id = dc.deal_id AND i.status = 'complete'
         JOIN interview_ratings ir ON ir.interview_id = i.id JOIN rating_criteria rc ON rc.id = ir.criterion_id
        WHERE dc.competitor_id = ?${p.sql}
        GROUP BY rc.id ORDER BY rc.sort, rc.label`,
    )
    .all(id, id, id, ...p.params) as RatingComparison[];
}

/** LIKE pattern for a name anywhere in a text, with LIKE's wildcards escaped. */
const containsPattern = (name: string) => `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function quotes(sqlite: Database.Database, id: number, names: string[], period: Period): QuoteMention[] {
  const p = periodSql(period, 'd.close_date');
  const likes = names.map(() => "q.text LIKE ? ESCAPE '\\'").join(' OR ');
  const rows = sqlite
    .prepare(
      `SELECT q.id, q.text, q.sentiment, q.shareable, i.interview_date AS interviewDate, i.anonymous,
              i.interviewee_name AS name, i.interviewee_role AS role, i.interviewee_title AS title,
              d.name AS dealName, d.outcome,
              (SELECT group_concat(t.name, ', ') FROM quote_themes qt JOIN themes t ON t.id = qt.theme_id WHERE qt.quote_id = q.id) AS themes
         FROM quotes q JOIN interviews i ON i.id = q.interview_id JOIN deals d ON d.id = i.deal_id
        WHERE (q.competitor_id = ?${likes ? ` OR ${likes}` : ''})${p.sql}
        ORDER BY i.interview_date DESC, q.id DESC LIMIT 25`,
    )
    .all(id, ...names.map(containsPattern), ...p.params) as {
    id: number;
    text: string;
    sentiment: QuoteMention['sentiment'];
    shareable: number;
    interviewDate: string | null;
    anonymous: number;
    name: string | null;
    role: string | null;
    title: string | null;
    dealName: string;
    outcome: QuoteMention['outcome'];
    themes: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    sentiment: r.sentiment,
    shareable: r.shareable === 1,
    interviewDate: r.interviewDate,
    speaker:
      [r.title ?? r.role?.replace(/_/g, ' '), !r.anonymous && r.name ? r.name : null].filter(Boolean).join(', ') ||
      'Anonymous',
    dealName: r.dealName,
    outcome: r.outcome,
    themes: r.themes ? r.themes.split(', ') : [],
  }));
}

function recentDeals(sqlite: Database.Database, id: number, period: Period): DealListItem[] {
  const p = periodSql(period, 'd.close_date');
  return sqlite
    .prepare(
      `SELECT d.id, d.external_id AS externalId, d.name, a.name AS account, d.amount, d.close_date AS closeDate,
              d.outcome, d.segment, o.name AS owner,
              (SELECT group_concat(name, ', ') FROM (SELECT c.name FROM deal_competitors x JOIN competitors c ON c.id = x.competitor_id
                  WHERE x.deal_id = d.id ORDER BY x.is_primary DESC, c.name)) AS competitors
         FROM deal_competitors dc JOIN deals d ON d.id = dc.deal_id
         LEFT JOIN accounts a ON a.id = d.account_id LEFT JOIN owners o ON o.id = d.owner_id
        WHERE dc.competitor_id = ?${p.sql}
        ORDER BY coalesce(d.close_date, d.created_date) DESC NULLS LAST, d.id DESC LIMIT 10`,
    )
    .all(id, ...p.params) as DealListItem[];
}

export function competitorProfile(
  sqlite: Database.Database,
  id: number,
  settings: Settings,
  period: Period = {},
): CompetitorProfile {
  const c = sqlite.prepare('SELECT id, name, website FROM competitors WHERE id = ?').get(id) as
    { id: number; name: string; website: string | null } | undefined;
  if (!c) throw new AppError('not_found', `There is no competitor with id ${id} in this workspace.`);
  const aliases = (
    sqlite.prepare('SELECT alias FROM competitor_aliases WHERE competitor_id = ? ORDER BY alias').all(id) as {
      alias: string;
    }[]
  ).map((a) => a.alias);
  const summary = competitorSummaries(sqlite, settings, { period, id })[0]!;
  const lostToThem = (
    sqlite
      .prepare(
        `SELECT count(*) AS n FROM deals d WHERE d.lost_to_competitor_id = ? AND d.outcome = 'lost'${periodSql(period, 'd.close_date').sql}`,
      )
      .get(id, ...periodSql(period, 'd.close_date').params) as { n: number }
  ).n;
  // Quotes name competitors by any spelling; very short aliases ("C") would match everything.
  const names = [...new Set([c.name, ...aliases])].filter((n) => n.trim().length >= 3);
  return {
    id: c.id,
    name: c.name,
    website: c.website,
    aliases: aliases.filter((a) => a !== c.name),
    period,
    definition: closedDefinition(settings),
    includeNoDecision: settings.includeNoDecision,
    currency: settings.currency,
    thresholds: { lowConfidenceBelowN: settings.lowConfidenceBelowN, hideRateBelowN: settings.hideRateBelowN },
    encounters: summary.encounters,
    lostToThem,
    involved: summary.involved,
    headToHead: summary.headToHead,
    overTime: overTime(sqlite, id, period, settings),
    bySegment: breakdown(sqlite, id, 'segment', period, settings),
    byRegion: breakdown(sqlite, id, 'region', period, settings),
    byProduct: breakdown(sqlite, id, 'product', period, settings),
    sizeAndCycle: sizeAndCycle(sqlite, id, period, settings),
    interviewReasons: interviewReasons(sqlite, id, period, settings),
    crmReasons: crmReasons(sqlite, id, period),
    ratings: ratings(sqlite, id, period),
    quotes: quotes(sqlite, id, names, period),
    recentDeals: recentDeals(sqlite, id, period),
  };
}

/** A competitor's id from a name or any alias, as typed (CLI); matched on the alias key. */
export function findCompetitor(
  sqlite: Database.Database,
  name: string,
  key: string,
): { id: number; name: string } | null {
  const exact = sqlite.prepare('SELECT id, name FROM competitors WHERE name = ? COLLATE NOCASE').get(name) as
    { id: number; name: string } | undefined;
  if (exact) return exact;
  return (
    (sqlite
      .prepare(
        'SELECT c.id, c.name FROM competitor_aliases a JOIN competitors c ON c.id = a.competitor_id WHERE a.alias_key = ?',
      )
      .get(key) as { id: number; name: string } | undefined) ?? null
  );
}
