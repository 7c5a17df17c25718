// The deals table's filters and sorts as SQL. Every fragment is fixed text chosen from an
// allowlist; user values only ever travel as bound parameters.
import type { DealFilter, DealSort } from '#shared/domain/deals.ts';

export interface SqlPart {
  sql: string;
  params: unknown[];
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** Escape LIKE wildcards so a search for "50%" finds "50%" and nothing else. */
function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface WhereOptions {
  /**
   * Walk this column's index in sort order: every other filtered column is written `+d.col`,
   * which keeps SQLite from driving the query by that column's index (it still checks the
   * filter, from the row or the covering index). Used for a page, so the first 100 rows in
   * sort order come without sorting everything that matches.
   */
  drivingColumn?: string | undefined;
  /** Competitor filter as a list of the competitor's deals (few) rather than a probe per row. */
  competitorList?: boolean;
}

/** `WHERE ...` over deals aliased `d` (empty string when nothing filters). */
export function dealWhere(filter: DealFilter, options: WhereOptions = {}): SqlPart {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const col = (c: string) => (options.drivingColumn && c !== options.drivingColumn ? `+${c}` : c);
  const inList = (column: string, values: readonly unknown[] | undefined) => {
    if (!values || values.length === 0) return;
    clauses.push(`${col(column)} IN (${placeholders(values.length)})`);
    params.push(...values);
  };
  if (filter.search) {
    const like = likeContains(filter.search);
    clauses.push(
      "(d.name LIKE ? ESCAPE '\\' OR d.external_id LIKE ? ESCAPE '\\' OR d.account_id IN (SELECT id FROM accounts WHERE name LIKE ? ESCAPE '\\'))",
    );
    params.push(like, like, like);
  }
  inList('d.outcome', filter.outcomes);
  if (filter.closeFrom) {
    clauses.push(`${col('d.close_date')} >= ?`);
    params.push(filter.closeFrom);
  }
  if (filter.closeTo) {
    clauses.push(`${col('d.close_date')} <= ?`);
    params.push(filter.closeTo);
  }
  if (filter.competitorId !== undefined) {
    clauses.push(
      options.competitorList
        ? 'd.id IN (SELECT deal_id FROM deal_competitors WHERE competitor_id = ?)'
        : 'EXISTS (SELECT 1 FROM deal_competitors dc WHERE dc.deal_id = d.id AND dc.competitor_id = ?)',
    );
    params.push(filter.competitorId);
  }
  inList('d.segment', filter.segments);
  inList('d.region', filter.regions);
  inList('d.product_id', filter.productIds);
  inList('d.owner_id', filter.ownerIds);
  inList('d.team_id', filter.teamIds);
  inList('d.lead_source_id', filter.leadSourceIds);
  inList('d.deal_type', filter.dealTypes);
  if (filter.amountMin !== undefined) {
    clauses.push(`${col('d.amount')} >= ?`);
    params.push(filter.amountMin);
  }
  if (filter.amountMax !== undefined) {
    clauses.push(`${col('d.amount')} <= ?`);
    params.push(filter.amountMax);
  }
  if (filter.noAmount) clauses.push(`(${col('d.amount')} IS NULL OR ${col('d.amount')} = 0)`);
  if (filter.dealTypeAssumed) clauses.push('d.deal_type_assumed = 1');
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * ORDER BY terms per sortable column. The indexed ones (amount, close date, created date, name,
 * CRM id) list exactly the index's own columns (then the row id the index ends with), so SQLite
 * walks the index and stops after the page; the others sort the filtered rows. `id` ends every
 * order, so pages never overlap.
 */
const ORDER: Record<DealSort['column'], string[]> = {
  amount: ['d.amount', 'd.close_date', 'd.id'],
  closeDate: ['d.close_date', 'd.id'],
  createdDate: ['d.created_date', 'd.id'],
  name: ['d.name', 'd.id'],
  externalId: ['d.external_id', 'd.id'],
  outcome: ['d.outcome', 'd.id'],
  stage: ['d.stage', 'd.id'],
  segment: ['d.segment', 'd.id'],
  region: ['d.region', 'd.id'],
  dealType: ['d.deal_type', 'd.id'],
  account: ['(SELECT name FROM accounts WHERE id = d.account_id)', 'd.id'],
  owner: ['(SELECT name FROM owners WHERE id = d.owner_id)', 'd.id'],
  team: ['(SELECT name FROM teams WHERE id = d.team_id)', 'd.id'],
  product: ['(SELECT name FROM products WHERE id = d.product_id)', 'd.id'],
  leadSource: ['(SELECT name FROM lead_sources WHERE id = d.lead_source_id)', 'd.id'],
  competitors: ['d.id'],
};

/** The column whose index gives this sort's order, when one does. */
export function indexedSortColumn(sort: DealSort): string | undefined {
  return INDEXED[sort.column];
}

const INDEXED: Partial<Record<DealSort['column'], string>> = {
  amount: 'd.amount',
  closeDate: 'd.close_date',
  createdDate: 'd.created_date',
  name: 'd.name',
  externalId: 'd.external_id',
};

export function dealOrder(sort: DealSort): string {
  const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
  return ORDER[sort.column].map((t) => `${t} ${dir}`).join(', ');
}
