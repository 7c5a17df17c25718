// The SQL behind the home dashboard. Each query aggregates in SQLite (indexes on outcome,
// close date and competitor) and returns a handful of rows; the rates are computed in
// shared/analytics from the counts.
import type Database from 'better-sqlite3';
import { rateOf } from '#shared/analytics/rate.ts';
import type { CompetitorEncounters, DashboardSummary, OutcomeCount } from '#shared/domain/dashboard.ts';
import { OUTCOMES } from '#shared/domain/enums.ts';
import type { Outcome } from '#shared/domain/enums.ts';
import type { ImportBatchSummary } from '#shared/domain/imports.ts';
import type { Settings } from '#shared/domain/settings.ts';

/** SQL for "this deal counts as closed" under the setting in force (no user text reaches it). */
export function closedPredicate(includeNoDecision: boolean, alias = ''): string {
  const col = `${alias}outcome`;
  return includeNoDecision ? `${col} IN ('won','lost','no_decision')` : `${col} IN ('won','lost')`;
}

interface WonClosed {
  won: number;
  closed: number;
  wonAmount: number;
  closedAmount: number;
}

export function dashboardSummary(sqlite: Database.Database, settings: Settings): DashboardSummary {
  const closed = closedPredicate(settings.includeNoDecision);

  const outcomeRows = sqlite
    .prepare('SELECT outcome, count(*) AS deals, total(amount) AS amount FROM deals GROUP BY outcome')
    .all() as OutcomeCount[];
  const byOutcome = new Map<Outcome, OutcomeCount>(outcomeRows.map((r) => [r.outcome, r]));
  const outcomes = OUTCOMES.map((o) => byOutcome.get(o) ?? { outcome: o, deals: 0, amount: 0 });

  const wonClosed = (where: string): WonClosed =>
    sqlite
      .prepare(
        `SELECT count(*) FILTER (WHERE outcome = 'won') AS won, count(*) AS closed,
                total(amount) FILTER (WHERE outcome = 'won') AS wonAmount, total(amount) AS closedAmount
           FROM deals WHERE ${closed} ${where}`,
      )
      .get() as WonClosed;
  const newBusiness = wonClosed("AND deal_type = 'new_business'");
  const allTypes = wonClosed('');

  const range = sqlite
    .prepare(`SELECT min(close_date) AS first, max(close_date) AS last FROM deals WHERE ${closed}`)
    .get() as { first: string | null; last: string | null };

  const quarters = sqlite
    .prepare(
      `SELECT substr(close_date, 1, 4) || '-Q' || ((CAST(substr(close_date, 6, 2) AS INTEGER) + 2) / 3) AS period,
              count(*) FILTER (WHERE outcome = 'won') AS won, count(*) AS closed
         FROM deals WHERE ${closed} AND deal_type = 'new_business'
        GROUP BY period ORDER BY period`,
    )
    .all() as { period: string; won: number; closed: number }[];

  const competitorRows = sqlite
    .prepare(
      `SELECT c.id, c.name, count(*) AS encounters,
              count(*) FILTER (WHERE ${closedPredicate(settings.includeNoDecision, 'd.')}) AS closed,
              count(*) FILTER (WHERE d.outcome = 'won') AS won
         FROM deal_competitors dc
         JOIN deals d ON d.id = dc.deal_id
         JOIN competitors c ON c.id = dc.competitor_id
        GROUP BY c.id ORDER BY encounters DESC, c.name LIMIT 8`,
    )
    .all() as { id: number; name: string; encounters: number; closed: number; won: number }[];
  const topCompetitors: CompetitorEncounters[] = competitorRows.map((r) => ({
    id: r.id,
    name: r.name,
    encounters: r.encounters,
    closed: r.closed,
    winRate: rateOf(r.won, r.closed, settings),
  }));

  const interviews = sqlite
    .prepare(
      `SELECT count(*) AS total, count(*) FILTER (WHERE status = 'complete') AS complete,
              count(*) FILTER (WHERE status = 'draft') AS draft, count(DISTINCT deal_id) AS dealsCovered
         FROM interviews`,
    )
    .get() as DashboardSummary['interviews'];

  const lastImport =
    (sqlite
      .prepare(
        `SELECT id, kind, source_name AS sourceName, status, rows_read AS rowsRead, rows_inserted AS rowsInserted,
                rows_updated AS rowsUpdated, rows_unchanged AS rowsUnchanged, rows_rejected AS rowsRejected,
                finished_at AS finishedAt
           FROM import_batches ORDER BY finished_at DESC, id DESC LIMIT 1`,
      )
      .get() as ImportBatchSummary | undefined) ?? null;

  return {
    dealsTotal: outcomes.reduce((sum, o) => sum + o.deals, 0),
    outcomes,
    includeNoDecision: settings.includeNoDecision,
    winRate: rateOf(newBusiness.won, newBusiness.closed, settings),
    winRateAllTypes: rateOf(allTypes.won, allTypes.closed, settings),
    winRateByAmount: {
      wonAmount: newBusiness.wonAmount,
      closedAmount: newBusiness.closedAmount,
      rate: newBusiness.closedAmount > 0 ? newBusiness.wonAmount / newBusiness.closedAmount : null,
    },
    firstCloseDate: range.first,
    lastCloseDate: range.last,
    topCompetitors,
    winRateByQuarter: quarters.map((q) => ({ period: q.period, winRate: rateOf(q.won, q.closed, settings) })),
    interviews,
    lastImport,
    currency: settings.currency,
  };
}
