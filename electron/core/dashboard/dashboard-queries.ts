// The SQL behind the home dashboard. Each query aggregates in SQLite (indexes on outcome,
// close date and competitor) and returns a handful of rows; the rates are computed in
// shared/analytics from the counts.
import type Database from 'better-sqlite3';
import { rateOf } from '#shared/analytics/rate.ts';
import { quarterOf } from '#shared/domain/dates.ts';
import type { CompetitorEncounters, DashboardSummary } from '#shared/domain/dashboard.ts';
import { OUTCOMES } from '#shared/domain/enums.ts';
import type { Outcome } from '#shared/domain/enums.ts';
import type { ImportBatchSummary } from '#shared/domain/imports.ts';
import type { Settings } from '#shared/domain/settings.ts';
import { closedSql, isClosed } from '../rules/deal-rules.ts';

interface TypeOutcomeRow {
  dealType: string;
  outcome: Outcome;
  deals: number;
  amount: number;
}

/** Fold monthly counts ('2025-08') into quarters ('2025-Q3'), keeping order. */
export function monthsToQuarters(
  rows: { month: string; won: number; closed: number }[],
): { period: string; won: number; closed: number }[] {
  const out: { period: string; won: number; closed: number }[] = [];
  for (const r of rows) {
    const period = quarterOf(`${r.month}-01`);
    const last = out.at(-1);
    if (last && last.period === period) {
      last.won += r.won;
      last.closed += r.closed;
    } else out.push({ period, won: r.won, closed: r.closed });
  }
  return out;
}

export function dashboardSummary(sqlite: Database.Database, settings: Settings): DashboardSummary {
  const closed = closedSql('outcome', settings);

  // One pass over the (deal_type, outcome, close_date, amount) index gives outcomes, and won and
  // closed counts and amounts, for new business and for every type.
  const byTypeOutcome = sqlite
    .prepare(
      'SELECT deal_type AS dealType, outcome, count(*) AS deals, total(amount) AS amount FROM deals GROUP BY deal_type, outcome',
    )
    .all() as TypeOutcomeRow[];
  const outcomes = OUTCOMES.map((o) => {
    const rows = byTypeOutcome.filter((r) => r.outcome === o);
    return { outcome: o, deals: rows.reduce((n, r) => n + r.deals, 0), amount: rows.reduce((n, r) => n + r.amount, 0) };
  });
  const tally = (rows: TypeOutcomeRow[]) => {
    const c = rows.filter((r) => isClosed(r.outcome, settings));
    const w = c.filter((r) => r.outcome === 'won');
    return {
      won: w.reduce((n, r) => n + r.deals, 0),
      closed: c.reduce((n, r) => n + r.deals, 0),
      wonAmount: w.reduce((n, r) => n + r.amount, 0),
      closedAmount: c.reduce((n, r) => n + r.amount, 0),
    };
  };
  const newBusiness = tally(byTypeOutcome.filter((r) => r.dealType === 'new_business'));
  const allTypes = tally(byTypeOutcome);

  // First and last close dates: the ends of the close-date index, not a scan.
  const edge = (dir: 'ASC' | 'DESC') =>
    (
      sqlite
        .prepare(
          `SELECT close_date AS d FROM deals WHERE close_date IS NOT NULL AND ${closed} ORDER BY close_date ${dir} LIMIT 1`,
        )
        .get() as { d: string } | undefined
    )?.d ?? null;

  const months = sqlite
    .prepare(
      `SELECT substr(close_date, 1, 7) AS month, count(*) FILTER (WHERE outcome = 'won') AS won, count(*) AS closed
         FROM deals WHERE deal_type = 'new_business' AND ${closed}
        GROUP BY month ORDER BY month`,
    )
    .all() as { month: string; won: number; closed: number }[];
  const quarters = monthsToQuarters(months);

  // Competitors met most often: deal_competitors carries a copy of each deal's outcome (kept by
  // triggers, see the win-rate migration), so this reads one index and never the deals table.
  const competitorRows = sqlite
    .prepare(
      `SELECT c.id, c.name, t.encounters, t.closed, t.won
         FROM (SELECT competitor_id, count(*) AS encounters,
                      count(*) FILTER (WHERE ${closedSql('deal_outcome', settings)}) AS closed,
                      count(*) FILTER (WHERE deal_outcome = 'won') AS won
                 FROM deal_competitors GROUP BY competitor_id) t
         JOIN competitors c ON c.id = t.competitor_id
        ORDER BY t.encounters DESC, c.name LIMIT 8`,
    )
    .all() as { id: number; name: string; encounters: number; closed: number; won: number }[];
  const topCompetitors: CompetitorEncounters[] = competitorRows.map((r) => ({
    id: r.id,
    name: r.name,
    encounters: r.encounters,
    closed: r.closed,
    winRate: rateOf(r.won, r.closed, settings),
  }));

  // Competitive win rate (docs/METRICS.md#home-revenue-first): closed new business with a competitor recorded.
  const competitive = sqlite
    .prepare(
      `SELECT count(*) FILTER (WHERE outcome = 'won') AS won, count(*) AS closed FROM deals d
        WHERE deal_type = 'new_business' AND ${closed}
          AND EXISTS (SELECT 1 FROM deal_competitors dc WHERE dc.deal_id = d.id)`,
    )
    .get() as { won: number; closed: number };
  const leadsTotal = sqlite.prepare('SELECT count(*) FROM leads').pluck().get() as number;

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
    competitiveWinRate: rateOf(competitive.won, competitive.closed, settings),
    leadsTotal,
    winRateByAmount: {
      wonAmount: newBusiness.wonAmount,
      closedAmount: newBusiness.closedAmount,
      rate: newBusiness.closedAmount > 0 ? newBusiness.wonAmount / newBusiness.closedAmount : null,
    },
    firstCloseDate: edge('ASC'),
    lastCloseDate: edge('DESC'),
    topCompetitors,
    winRateByQuarter: quarters.map((q) => ({ period: q.period, winRate: rateOf(q.won, q.closed, settings) })),
    interviews,
    lastImport,
    currency: settings.currency,
  };
}
