// The one list of competitors with our win rates against them (docs/METRICS.md "Competitor win
// rate", "Head-to-head", "Competitors list"): encounters, involved (every closed deal they were on)
// and head-to-head (closed deals where they were the primary competitor), and the latest close date
// they were met on. The Competitors list, a competitor's profile and the win-rate overview all read
// it. It reads deal_competitors' copies of the deal's outcome, type and close date on the covering
// index deal_competitors_matrix: one competitor's slice of it for a profile, one pass for the list.
import type Database from 'better-sqlite3';
import { rateOf } from '#shared/analytics/rate.ts';
import type { DealType } from '#shared/domain/enums.ts';
import type { Settings } from '#shared/domain/settings.ts';
import type { CompetitorSummary, Period } from '#shared/domain/win-rates.ts';
import { andMore, closedSql, dealTypeParts, periodParts, wonSql } from '../rules/deal-rules.ts';

export interface CompetitorCounts {
  id: number;
  name: string;
  encounters: number;
  closed: number;
  won: number;
  h2hClosed: number;
  h2hWon: number;
  lastCloseDate: string | null;
}

export interface RatesScope {
  period?: Period;
  /** Only deals of this type (the overview's new-business scope); null or absent for all. */
  dealType?: DealType | null;
  /** One competitor only (a profile, a detail): its slice of the index instead of every link. */
  id?: number;
}

/** Counts per competitor, most met first, then by name. */
export function competitorCounts(
  sqlite: Database.Database,
  settings: Settings,
  scope: RatesScope = {},
): CompetitorCounts[] {
  const on = andMore([
    ...periodParts('dc.deal_close_date', scope.period ?? {}),
    ...dealTypeParts('dc.deal_type', scope.dealType ?? null),
  ]);
  const closed = closedSql('dc.deal_outcome', settings);
  const won = wonSql('dc.deal_outcome');
  return sqlite
    .prepare(
      `SELECT c.id, c.name, count(dc.competitor_id) AS encounters,
              count(*) FILTER (WHERE ${closed}) AS closed, count(*) FILTER (WHERE ${won}) AS won,
              count(*) FILTER (WHERE ${closed} AND dc.is_primary = 1) AS h2hClosed,
              count(*) FILTER (WHERE ${won} AND dc.is_primary = 1) AS h2hWon,
              max(dc.deal_close_date) AS lastCloseDate
         FROM competitors c LEFT JOIN deal_competitors dc INDEXED BY deal_competitors_matrix
              ON dc.competitor_id = c.id${on.sql}
        ${scope.id === undefined ? '' : 'WHERE c.id = ?'}
        GROUP BY c.id ORDER BY encounters DESC, c.name COLLATE NOCASE`,
    )
    .all(...on.params, ...(scope.id === undefined ? [] : [scope.id])) as CompetitorCounts[];
}

/** The same list with rates and intervals (rateOf: Wilson interval and the low-n rules). */
export function competitorSummaries(
  sqlite: Database.Database,
  settings: Settings,
  scope: RatesScope = {},
): CompetitorSummary[] {
  return competitorCounts(sqlite, settings, scope).map((r) => ({
    id: r.id,
    name: r.name,
    encounters: r.encounters,
    involved: rateOf(r.won, r.closed, settings),
    headToHead: rateOf(r.h2hWon, r.h2hClosed, settings),
    lastCloseDate: r.lastCloseDate,
  }));
}
