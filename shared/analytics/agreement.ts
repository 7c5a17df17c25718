// Rep-stated vs buyer-stated primary reason: an agreement matrix (rows: what the rep said,
// columns: what the buyer said) and the share of deals where they differ, overall and by
// outcome. One pair per deal. Deals whose rep reason is not coded to the taxonomy are counted
// apart: they cannot be compared.
import type { Outcome } from '../domain/enums.ts';
import type { ConfidenceThresholds } from '../domain/settings.ts';
import type { Rate } from './rate.ts';
import { rateOf } from './rate.ts';

export interface ReasonPair {
  /** The rep's primary reason (taxonomy id), or null when the rep's reason is missing or uncoded. */
  rep: number | null;
  buyer: number;
  outcome: Outcome;
  deals: number;
}

export interface MatrixAxis {
  id: number;
  label: string;
}

export interface AgreementResult {
  /** Rep side (rows) and buyer side (columns), each ordered by deals, largest first. */
  rows: MatrixAxis[];
  columns: MatrixAxis[];
  /** cells[r][c] = deals where the rep said rows[r] and the buyer said columns[c]. */
  cells: number[][];
  rowTotals: number[];
  columnTotals: number[];
  /** Deals with both a coded rep reason and a buyer reason. */
  compared: number;
  agree: number;
  /** Share of compared deals where the two differ (Wilson interval). */
  differ: Rate;
  byOutcome: { outcome: Outcome; compared: number; differ: Rate }[];
  /** Deals with a buyer reason but no coded rep reason. */
  repMissing: number;
}

/**
 * Build the matrix at the level given by groupOf (a reason's own id, or its category's id):
 * rep and buyer agree when both fall in the same group.
 */
export function agreementMatrix(
  pairs: readonly ReasonPair[],
  groupOf: (reasonId: number) => MatrixAxis,
  thresholds: ConfidenceThresholds,
): AgreementResult {
  const rowCount = new Map<number, { axis: MatrixAxis; deals: number }>();
  const colCount = new Map<number, { axis: MatrixAxis; deals: number }>();
  const cell = new Map<string, number>();
  const outcomes = new Map<Outcome, { compared: number; differ: number }>();
  let repMissing = 0;
  let compared = 0;
  let agree = 0;
  for (const p of pairs) {
    if (p.rep === null) {
      repMissing += p.deals;
      continue;
    }
    const r = groupOf(p.rep);
    const c = groupOf(p.buyer);
    const rc = rowCount.get(r.id) ?? { axis: r, deals: 0 };
    rc.deals += p.deals;
    rowCount.set(r.id, rc);
    const cc = colCount.get(c.id) ?? { axis: c, deals: 0 };
    cc.deals += p.deals;
    colCount.set(c.id, cc);
    const key = `${r.id}:${c.id}`;
    cell.set(key, (cell.get(key) ?? 0) + p.deals);
    compared += p.deals;
    const same = r.id === c.id;
    if (same) agree += p.deals;
    const o = outcomes.get(p.outcome) ?? { compared: 0, differ: 0 };
    o.compared += p.deals;
    if (!same) o.differ += p.deals;
    outcomes.set(p.outcome, o);
  }
  const byDeals = (a: { axis: MatrixAxis; deals: number }, b: { axis: MatrixAxis; deals: number }) =>
    b.deals - a.deals || a.axis.label.localeCompare(b.axis.label) || a.axis.id - b.axis.id;
  const rows = [...rowCount.values()].sort(byDeals);
  const columns = [...colCount.values()].sort(byDeals);
  const order: Outcome[] = ['won', 'lost', 'no_decision', 'open'];
  return {
    rows: rows.map((r) => r.axis),
    columns: columns.map((c) => c.axis),
    cells: rows.map((r) => columns.map((c) => cell.get(`${r.axis.id}:${c.axis.id}`) ?? 0)),
    rowTotals: rows.map((r) => r.deals),
    columnTotals: columns.map((c) => c.deals),
    compared,
    agree,
    differ: rateOf(compared - agree, compared, thresholds),
    byOutcome: order
      .filter((o) => outcomes.has(o))
      .map((o) => {
        const v = outcomes.get(o)!;
        return { outcome: o, compared: v.compared, differ: rateOf(v.differ, v.compared, thresholds) };
      }),
    repMissing,
  };
}
