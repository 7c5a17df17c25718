// Change over time: the same matrix over two periods, each cell's change with Newcombe's hybrid
// score interval (significant when it excludes 0), and a trend per row for the sparklines.
import type Database from 'better-sqlite3';
import { isSignificant, newcombe } from '#shared/analytics/newcombe.ts';
import { rateOf } from '#shared/analytics/rate.ts';
import type { Settings } from '#shared/domain/settings.ts';
import type {
  ChangeCell,
  MatrixChange,
  MatrixFigures,
  MatrixQuery,
  MatrixTrend,
  Period,
  TrendPoint,
} from '#shared/domain/win-rates.ts';
import { PERIOD_DIMENSIONS } from '#shared/domain/win-rates.ts';
import { computeMatrix, matrixGrid, NULL_MARK, unionValues } from './matrix-queries.ts';

/** Change from period A to period B (B - A) for one pair of figures. */
export function changeOf(
  row: string | null,
  col: string | null,
  a: MatrixFigures | null,
  b: MatrixFigures | null,
  measure: MatrixQuery['measure'],
): ChangeCell {
  const empty = { row, col, a, b, difference: null, low: null, high: null, significant: false };
  if (!a || !b || a.closed === 0 || b.closed === 0) return empty;
  if (measure === 'amount') {
    if (a.amountRate === null || b.amountRate === null) return empty;
    return { ...empty, difference: b.amountRate - a.amountRate };
  }
  const d = newcombe(b.won, b.closed, a.won, a.closed);
  return {
    ...empty,
    difference: d?.difference ?? null,
    low: d?.low ?? null,
    high: d?.high ?? null,
    significant: isSignificant(d),
  };
}

const k = (x: string | null) => (x === null ? '\u0000' : x);

export function compareMatrix(
  sqlite: Database.Database,
  q: MatrixQuery,
  periodA: Period,
  periodB: Period,
  settings: Settings,
): MatrixChange {
  const a = computeMatrix(sqlite, { ...q, period: periodA }, settings);
  const b = computeMatrix(sqlite, { ...q, period: periodB }, settings);
  const rows = unionValues(q.rows, a.rows, b.rows);
  const cols = unionValues(q.cols, a.cols, b.cols);
  const cellMap = (m: typeof a) => new Map(m.cells.map((c) => [`${k(c.row)}|${k(c.col)}`, c]));
  const ca = cellMap(a);
  const cb = cellMap(b);
  const cells: ChangeCell[] = [];
  for (const r of rows)
    for (const c of cols) {
      const key = `${k(r.key)}|${k(c.key)}`;
      const x = ca.get(key) ?? null;
      const y = cb.get(key) ?? null;
      if (x || y) cells.push(changeOf(r.key, c.key, x, y, q.measure));
    }
  const byRow = (m: typeof a) => new Map(m.rowTotals.map((t) => [k(t.row), t]));
  const byCol = (m: typeof a) => new Map(m.colTotals.map((t) => [k(t.col), t]));
  const ra = byRow(a);
  const rb = byRow(b);
  const ka = byCol(a);
  const kb = byCol(b);
  return {
    a,
    b,
    periodA,
    periodB,
    rows,
    cols,
    cells,
    rowTotals: rows.map((r) => changeOf(r.key, null, ra.get(k(r.key)) ?? null, rb.get(k(r.key)) ?? null, q.measure)),
    colTotals: cols.map((c) => changeOf(null, c.key, ka.get(k(c.key)) ?? null, kb.get(k(c.key)) ?? null, q.measure)),
    overall: changeOf(null, null, a.overall, b.overall, q.measure),
  };
}

type Grain = MatrixTrend['grain'];

/** Every period from first to last, gaps included ('2024-Q4', '2025-Q1' ...). */
export function periodRange(grain: Grain, first: string, last: string): string[] {
  const out: string[] = [];
  if (grain === 'closeYear') {
    for (let y = Number(first); y <= Number(last); y++) out.push(String(y));
    return out;
  }
  const step = grain === 'closeQuarter' ? 3 : 1;
  const toMonth = (p: string) =>
    grain === 'closeQuarter'
      ? Number(p.slice(0, 4)) * 12 + (Number(p.slice(6)) - 1) * 3
      : Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
  for (let m = toMonth(first); m <= toMonth(last); m += step) {
    const y = Math.floor(m / 12);
    const mo = m % 12;
    out.push(grain === 'closeQuarter' ? `${y}-Q${mo / 3 + 1}` : `${y}-${String(mo + 1).padStart(2, '0')}`);
  }
  return out;
}

/** Win rate by count per period for each row of the matrix (the row totals over time). */
export function matrixTrend(sqlite: Database.Database, q: MatrixQuery, grain: Grain, settings: Settings): MatrixTrend {
  if (PERIOD_DIMENSIONS.has(q.rows)) return { grain, periods: [], rows: [], overall: [] };
  const filters = q.filters.filter((f) => f.dim !== grain);
  const grid = matrixGrid(sqlite, { ...q, cols: grain, measure: 'count', filters }, settings);
  const keys = [...grid.colTotals.keys()].filter((p) => p !== NULL_MARK).sort();
  const periods = keys.length ? periodRange(grain, keys[0]!, keys.at(-1)!) : [];
  const point = (period: string, c: { won: number; closed: number } | undefined): TrendPoint => ({
    period,
    won: c?.won ?? 0,
    closed: c?.closed ?? 0,
    rate: rateOf(c?.won ?? 0, c?.closed ?? 0, settings),
  });
  return {
    grain,
    periods,
    rows: [...grid.cells].map(([row, line]) => ({
      row: row === NULL_MARK ? null : row,
      points: periods.map((p) => point(p, line.get(p))),
    })),
    overall: periods.map((p) => point(p, grid.colTotals.get(p))),
  };
}
