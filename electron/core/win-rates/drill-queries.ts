// Drill-down: the deals a cell or total counts, exactly. The predicate is the matrix's own (closed
// under the setting, period, filters) plus the cell's row and column values, so the list's total
// equals the cell's n: a competitor cell holds each deal once (one link per deal and competitor).
import type Database from 'better-sqlite3';
import type { Settings } from '#shared/domain/settings.ts';
import type { CellRef, DealListItem, DealPage, MatrixQuery } from '#shared/domain/win-rates.ts';
import { assertQuery } from './matrix-queries.ts';
import { basePredicate, needsAccount } from './matrix-sql.ts';
import type { SqlPart } from './matrix-sql.ts';

export type DealSort = 'closeDate' | 'amount' | 'name';

const ORDER: Record<DealSort, string> = {
  closeDate: 'd.close_date',
  amount: 'd.amount',
  name: 'd.name COLLATE NOCASE',
};

export function cellPredicate(q: MatrixQuery, cell: CellRef, settings: Settings): SqlPart {
  const filters = [...q.filters];
  if (cell.row !== undefined) filters.push({ dim: q.rows, values: [cell.row] });
  if (cell.col !== undefined && q.cols !== 'none') filters.push({ dim: q.cols, values: [cell.col] });
  return basePredicate(settings.includeNoDecision, q.period, filters, 'deal');
}

export function drillDeals(
  sqlite: Database.Database,
  q: MatrixQuery,
  cell: CellRef,
  settings: Settings,
  page: { offset: number; limit: number; sort: DealSort; descending: boolean },
): DealPage {
  assertQuery(q);
  const w = cellPredicate(q, cell, settings);
  const from = 'FROM deals d LEFT JOIN accounts a ON a.id = d.account_id';
  // The count joins accounts only when a filter reads them: at a million deals the join costs seconds.
  const countFrom = needsAccount([q.rows, q.cols], q.filters) ? from : 'FROM deals d';
  const total = (sqlite.prepare(`SELECT count(*) AS n ${countFrom} WHERE ${w.sql}`).get(...w.params) as { n: number })
    .n;
  const dir = page.descending ? 'DESC' : 'ASC';
  const deals = sqlite
    .prepare(
      `SELECT d.id, d.external_id AS externalId, d.name, a.name AS account, d.amount, d.close_date AS closeDate,
              d.outcome, d.segment, o.name AS owner,
              (SELECT group_concat(name, ', ') FROM (SELECT c.name FROM deal_competitors x JOIN competitors c ON c.id = x.competitor_id
                  WHERE x.deal_id = d.id ORDER BY x.is_primary DESC, c.name)) AS competitors
         ${from} LEFT JOIN owners o ON o.id = d.owner_id
        WHERE ${w.sql}
        ORDER BY ${ORDER[page.sort]} ${dir} NULLS LAST, d.id ${dir}
        LIMIT ? OFFSET ?`,
    )
    .all(...w.params, page.limit, page.offset) as DealListItem[];
  return { total, offset: page.offset, deals };
}
