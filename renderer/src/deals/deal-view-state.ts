// The deals table's view (filters, sort, visible columns) as plain data, with the small pure
// operations the screen needs. Saved views store exactly this.
import type { DealColumnId, DealFilter, DealViewState } from '#shared/domain/deals.ts';
import { DEAL_COLUMNS, DEFAULT_DEAL_COLUMNS, DEFAULT_DEAL_SORT } from '#shared/domain/deals.ts';

export const DEFAULT_VIEW: DealViewState = {
  filter: {},
  sort: DEFAULT_DEAL_SORT,
  columns: DEFAULT_DEAL_COLUMNS,
};

/** Drop empty parts of a filter, so an unchanged control never narrows the query. */
export function cleanFilter(filter: DealFilter): DealFilter {
  const out: DealFilter = {};
  for (const [k, v] of Object.entries(filter) as [keyof DealFilter, unknown][]) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

export function filterCount(filter: DealFilter): number {
  const f = cleanFilter(filter);
  let n = Object.keys(f).length;
  // A period is one filter even with both ends; so is an amount range.
  if (f.closeFrom && f.closeTo) n--;
  if (f.amountMin !== undefined && f.amountMax !== undefined) n--;
  return n;
}

/** Columns in the table's own order, with `id` shown or hidden; at least one stays. */
export function toggleColumn(columns: DealColumnId[], id: DealColumnId): DealColumnId[] {
  const on = new Set(columns);
  if (on.has(id)) {
    if (on.size === 1) return columns;
    on.delete(id);
  } else on.add(id);
  return DEAL_COLUMNS.map((c) => c.id).filter((c) => on.has(c));
}

/** Quarter start and end dates: '2025-Q3' -> ['2025-07-01', '2025-09-30']. */
export function quarterRange(quarter: string): [string, string] | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) return null;
  const y = Number(m[1]);
  const q = Number(m[2]);
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(y, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return [`${y}-${pad(startMonth)}-01`, `${y}-${pad(endMonth)}-${pad(lastDay)}`];
}

/** The quarters between two dates, newest first ('2025-Q4', '2025-Q3' ...). */
export function quartersBetween(first: string | null, last: string | null): string[] {
  if (!first || !last) return [];
  const out: string[] = [];
  let y = Number(last.slice(0, 4));
  let q = Math.floor((Number(last.slice(5, 7)) - 1) / 3) + 1;
  const fy = Number(first.slice(0, 4));
  const fq = Math.floor((Number(first.slice(5, 7)) - 1) / 3) + 1;
  while (y > fy || (y === fy && q >= fq)) {
    out.push(`${y}-Q${q}`);
    q--;
    if (q === 0) {
      q = 4;
      y--;
    }
    if (out.length > 200) break;
  }
  return out;
}
