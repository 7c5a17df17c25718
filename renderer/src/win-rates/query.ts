// The win-rate screens' state: the query the user builds, row sorting, and the hash parameters
// that make a view linkable (#/win-rates?view=matrix). Pure, so sorting is unit-tested.
import type { Rate } from '#shared/analytics/rate.ts';
import type {
  CompetitorSummary,
  DimValue,
  MatrixFigures,
  MatrixQuery,
  MatrixResult,
  Period,
} from '#shared/domain/win-rates.ts';

/**
 * Competitor by segment over new business: the competitive question. Renewals and expansions are
 * nearly always won and rarely meet a competitor; the filter is a chip the user can remove.
 */
export const DEFAULT_QUERY: MatrixQuery = {
  rows: 'competitor',
  cols: 'segment',
  measure: 'count',
  period: {},
  filters: [{ dim: 'dealType', values: ['new_business'] }],
};

export type RowSort = 'label' | 'rate' | 'n' | 'low' | 'high';
export const ROW_SORT_LABEL: Record<RowSort, string> = {
  label: 'Name',
  rate: 'Win rate',
  n: 'n (closed deals)',
  low: 'Interval lower bound (strongest first)',
  high: 'Interval upper bound (weakest first, ascending)',
};

/** The number a row is ranked by; null sorts last. */
function rowScore(t: MatrixFigures | undefined, by: RowSort, measure: MatrixQuery['measure']): number | null {
  if (!t) return null;
  const r: Rate = t.rate;
  if (by === 'n') return t.closed;
  if (r.confidence === 'hidden' && by !== 'rate') return null;
  if (by === 'rate') return measure === 'amount' ? t.amountRate : r.confidence === 'hidden' ? null : r.rate;
  if (by === 'low') return r.low;
  return r.high;
}

/**
 * Rows in the chosen order, by their totals. Rankings by interval bound follow docs/METRICS.md#ranking: a 2-of-2
 * row does not top the list, and rows whose rate is hidden (n too small) go last.
 */
export function sortRows(m: MatrixResult, by: RowSort, descending: boolean): DimValue[] {
  if (by === 'label') return descending ? [...m.rows].reverse() : m.rows;
  const totals = new Map(m.rowTotals.map((t) => [t.row, t]));
  const score = (v: DimValue) => rowScore(totals.get(v.key), by, m.query.measure);
  return [...m.rows].sort((a, b) => {
    const x = score(a);
    const y = score(b);
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    return descending ? y - x : x - y;
  });
}

export function periodText(p: Period): string {
  if (!p.from && !p.to) return 'all close dates';
  if (p.from && p.to) return `closed ${p.from} to ${p.to}`;
  return p.from ? `closed from ${p.from}` : `closed up to ${p.to}`;
}

export { useHashParam } from '../lib/hash-params.ts';

/** Strongest first by the interval's lower bound (docs/METRICS.md#ranking); competitors whose rate is hidden last. */
export function rankByLowerBound(rows: CompetitorSummary[]): CompetitorSummary[] {
  const score = (r: CompetitorSummary) => (r.involved.confidence === 'hidden' ? null : r.involved.low);
  return [...rows].sort((a, b) => {
    const x = score(a);
    const y = score(b);
    if (x === null || y === null) return x === null ? (y === null ? b.encounters - a.encounters : 1) : -1;
    return y - x;
  });
}
