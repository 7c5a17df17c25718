// The SQL behind the deals table. A page is found in two steps: the ids of the page alone, walking
// an index in sort order (the filters checked on the way), then the page's rows with their names.
// Totals aggregate in SQLite; the win rate comes from shared/analytics.
import type Database from 'better-sqlite3';
import { rateOf } from '#shared/analytics/rate.ts';
import type { DealFilter, DealListRow, DealSort, DealsPage, DealsSummary } from '#shared/domain/deals.ts';
import type { Settings } from '#shared/domain/settings.ts';
import { dealOrder, dealWhere, indexedSortColumn } from './deal-filter-sql.ts';
import { closedSql } from '../rules/deal-rules.ts';

const ROW_COLUMNS = `d.id, d.external_id AS externalId, d.name, a.name AS account, d.amount, d.currency, d.outcome, d.stage,
  d.close_date AS closeDate, d.created_date AS createdDate, o.name AS owner, t.name AS team, p.name AS product,
  d.segment, d.region, d.deal_type AS dealType, ls.name AS leadSource,
  (SELECT group_concat(name, char(31)) FROM (SELECT c.name FROM deal_competitors dc JOIN competitors c ON c.id = dc.competitor_id
     WHERE dc.deal_id = d.id ORDER BY dc.is_primary DESC, c.name)) AS competitors,
  (SELECT c.name FROM deal_competitors dc JOIN competitors c ON c.id = dc.competitor_id
     WHERE dc.deal_id = d.id AND dc.is_primary = 1 LIMIT 1) AS primaryCompetitor`;

const JOINS = `LEFT JOIN accounts a ON a.id = d.account_id LEFT JOIN owners o ON o.id = d.owner_id
  LEFT JOIN teams t ON t.id = d.team_id LEFT JOIN products p ON p.id = d.product_id
  LEFT JOIN lead_sources ls ON ls.id = d.lead_source_id`;

type RawRow = Omit<DealListRow, 'competitors'> & { competitors: string | null };

function toRow(r: RawRow): DealListRow {
  return { ...r, competitors: r.competitors ? r.competitors.split('\u001f') : [] };
}

/**
 * A competitor met on fewer deals than this is filtered by the list of its deals (then sorted);
 * one met more often is checked row by row while walking the sort's index.
 */
const SMALL_COMPETITOR = 20_000;

/**
 * The SQL of one page (exported for EXPLAIN QUERY PLAN checks in tests). CROSS JOIN keeps the page
 * as the outer loop: otherwise SQLite may walk all deals in the same index order and probe the page.
 */
export function pageSql(
  filter: DealFilter,
  sort: DealSort,
  competitorDeals = Number.POSITIVE_INFINITY,
): { sql: string; params: unknown[] } {
  const listed = filter.competitorId !== undefined && competitorDeals <= SMALL_COMPETITOR;
  const where = dealWhere(filter, {
    drivingColumn: listed ? undefined : indexedSortColumn(sort),
    competitorList: listed,
  });
  const order = dealOrder(sort);
  return {
    sql: `WITH page AS MATERIALIZED (SELECT d.id FROM deals d ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?)
          SELECT ${ROW_COLUMNS} FROM page CROSS JOIN deals d ON d.id = page.id ${JOINS} ORDER BY ${order}`,
    params: where.params,
  };
}

export function listDeals(
  sqlite: Database.Database,
  filter: DealFilter,
  sort: DealSort,
  offset: number,
  limit: number,
): DealsPage {
  const competitorDeals =
    filter.competitorId === undefined
      ? 0
      : (sqlite
          .prepare('SELECT count(*) FROM deal_competitors WHERE competitor_id = ?')
          .pluck()
          .get(filter.competitorId) as number);
  const { sql, params } = pageSql(filter, sort, competitorDeals);
  const rows = sqlite.prepare(sql).all(...params, limit, offset) as RawRow[];
  return { offset, rows: rows.map(toRow) };
}

export function dealsSummary(sqlite: Database.Database, filter: DealFilter, settings: Settings): DealsSummary {
  const where = dealWhere(filter);
  const closed = closedSql('d.outcome', settings);
  const r = sqlite
    .prepare(
      `SELECT count(*) AS deals, total(d.amount) AS amount,
              count(*) FILTER (WHERE d.outcome = 'won') AS won, count(*) FILTER (WHERE ${closed}) AS closed,
              total(d.amount) FILTER (WHERE d.outcome = 'won') AS wonAmount,
              total(d.amount) FILTER (WHERE ${closed}) AS closedAmount
         FROM deals d ${where.sql}`,
    )
    .get(...where.params) as Omit<DealsSummary, 'winRate' | 'includeNoDecision' | 'currency'>;
  return {
    ...r,
    winRate: rateOf(r.won, r.closed, settings),
    includeNoDecision: settings.includeNoDecision,
    currency: settings.currency,
  };
}

/** Every deal of a view, in order, a row at a time (CSV export of a million deals). */
export function forEachDeal(
  sqlite: Database.Database,
  filter: DealFilter,
  sort: DealSort,
  each: (row: DealListRow) => void,
): void {
  const where = dealWhere(filter);
  const st = sqlite.prepare(`SELECT ${ROW_COLUMNS} FROM deals d ${JOINS} ${where.sql} ORDER BY ${dealOrder(sort)}`);
  for (const r of st.iterate(...where.params) as IterableIterator<RawRow>) each(toRow(r));
}
