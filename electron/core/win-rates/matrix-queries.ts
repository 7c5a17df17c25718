// The win-rate matrix: counts by (row value, column value, outcome) from SQLite, then rates,
// Wilson intervals, low-n flags and totals in shared/analytics. Two plans give the same answer:
//  - 'copies': a competitor matrix against segment, deal size or close period reads
//    deal_competitors' copies of the deal fields through its covering index, plus the small
//    partial index of deals without a competitor; first_for_deal counts each deal once in totals.
//  - 'join': anything else, from deals with the joins the dimensions need.
import type Database from 'better-sqlite3';
import { rateOf } from '#shared/analytics/rate.ts';
import { closedDefinition } from '#shared/domain/settings.ts';
import type { Settings } from '#shared/domain/settings.ts';
import type {
  DimValue,
  Dimension,
  MatrixCell,
  MatrixFigures,
  MatrixQuery,
  MatrixResult,
} from '#shared/domain/win-rates.ts';
import { DIMENSION_LABEL, sizeBandsText } from '#shared/domain/win-rates.ts';
import { AppError } from '../errors.ts';
import { DIMENSION_SQL, enumRank, fixedLabel } from './dimensions.ts';
import { basePredicate, needsAccount } from './matrix-sql.ts';
import type { SqlPart } from './matrix-sql.ts';
import { isClosed } from '../rules/deal-rules.ts';

export const MAX_ROWS = 500;
export const MAX_COLS = 60;

type Key = string | null;
const keyOf = (v: unknown): Key => (v === null || v === undefined ? null : String(v));
/** Map keys: null and '' must stay apart, so null gets a mark no real key has. */
export const NULL_MARK = '\u0000null';
const mk = (k: Key) => (k === null ? NULL_MARK : k);
const unmk = (k: string): Key => (k === NULL_MARK ? null : k);

export interface Counts {
  won: number;
  closed: number;
  wonAmount: number;
  closedAmount: number;
}

const zero = (): Counts => ({ won: 0, closed: 0, wonAmount: 0, closedAmount: 0 });

function add(into: Counts, outcome: string, n: number, amount: number): void {
  into.closed += n;
  into.closedAmount += amount;
  if (outcome === 'won') {
    into.won += n;
    into.wonAmount += amount;
  }
}

function addCounts(into: Counts, c: Counts): void {
  into.won += c.won;
  into.closed += c.closed;
  into.wonAmount += c.wonAmount;
  into.closedAmount += c.closedAmount;
}

export function figuresOf(c: Counts, settings: Settings, withAmount: boolean): MatrixFigures {
  return {
    won: c.won,
    closed: c.closed,
    wonAmount: withAmount ? c.wonAmount : null,
    closedAmount: withAmount ? c.closedAmount : null,
    rate: rateOf(c.won, c.closed, settings),
    amountRate: withAmount && c.closedAmount > 0 ? c.wonAmount / c.closedAmount : null,
  };
}

interface RawRow {
  r: unknown;
  c: unknown;
  o: string;
  f?: number;
  n: number;
  amt?: number;
}

/** Counts in a grid, with the totals counted (not summed) where a deal may sit in several cells. */
export interface Grid {
  cells: Map<string, Map<string, Counts>>;
  rowTotals: Map<string, Counts>;
  colTotals: Map<string, Counts>;
  overall: Counts;
  plan: 'copies' | 'join';
}

const isCountedOnce = (d: Dimension | 'none') => d === 'none' || DIMENSION_SQL[d].kind === 'deal';

/** The copies plan applies to competitor x (segment | size band | close period | nothing), filtered on those. */
export function usesCopies(q: MatrixQuery): boolean {
  const other = q.rows === 'competitor' ? q.cols : q.cols === 'competitor' ? q.rows : null;
  if (other === null || other === 'competitor') return false;
  const copyable = (d: Dimension) => DIMENSION_SQL[d].kind === 'deal' && DIMENSION_SQL[d].copy !== null;
  return (other === 'none' || copyable(other)) && q.filters.every((f) => copyable(f.dim));
}

/** SQL of the copies plan: [competitor rows from deal_competitors, deals without competitor]. */
export function copiesSql(q: MatrixQuery, includeNoDecision: boolean): [SqlPart, SqlPart] {
  const other = q.rows === 'competitor' ? q.cols : q.rows;
  // Grouping by segment when there is no second dimension keeps the scan in index order.
  const otherCopy = other === 'none' ? 'dc.deal_segment' : DIMENSION_SQL[other].copy!;
  const otherDeal = other === 'none' ? 'd.segment' : DIMENSION_SQL[other].deal;
  const amount = q.measure === 'amount';
  // Outcome is a group key here: open deals are dropped after grouping, which is cheaper than a
  // predicate on every index entry.
  const wc = basePredicate(includeNoDecision, q.period, q.filters, 'copy', false);
  const wd = basePredicate(includeNoDecision, q.period, q.filters, 'deal', false);
  return [
    {
      sql: `SELECT dc.competitor_id AS k, ${otherCopy} AS x, dc.deal_outcome AS o, dc.first_for_deal AS f, count(*) AS n${amount ? ', total(dc.deal_amount) AS amt' : ''}
              FROM deal_competitors dc WHERE ${wc.sql} GROUP BY 1, 2, 3, 4`,
      params: wc.params,
    },
    {
      sql: `SELECT NULL AS k, ${otherDeal} AS x, d.outcome AS o, 1 AS f, count(*) AS n${amount ? ', total(d.amount) AS amt' : ''}
              FROM deals d INDEXED BY deals_without_competitor WHERE d.competitor_count = 0 AND ${wd.sql} GROUP BY 2, 3`,
      params: wd.params,
    },
  ];
}

function runCopies(sqlite: Database.Database, q: MatrixQuery, includeNoDecision: boolean): Grid {
  const competitorIsRow = q.rows === 'competitor';
  const collapse = (competitorIsRow ? q.cols : q.rows) === 'none';
  const byCompetitor = new Map<string, Map<string, Counts>>();
  const otherTotals = new Map<string, Counts>();
  for (const part of copiesSql(q, includeNoDecision)) {
    for (const row of sqlite.prepare(part.sql).all(...part.params) as (RawRow & { k: unknown; x: unknown })[]) {
      if (!isClosed(row.o, { includeNoDecision })) continue;
      const k = mk(keyOf(row.k));
      const x = collapse ? NULL_MARK : mk(keyOf(row.x));
      const line = byCompetitor.get(k) ?? new Map<string, Counts>();
      byCompetitor.set(k, line);
      const cell = line.get(x) ?? zero();
      line.set(x, cell);
      add(cell, row.o, row.n, row.amt ?? 0);
      if (row.f === 1) {
        const t = otherTotals.get(x) ?? zero();
        otherTotals.set(x, t);
        add(t, row.o, row.n, row.amt ?? 0);
      }
    }
  }
  // The other dimension is single-valued, so a competitor's total is the sum of its cells.
  const competitorTotals = new Map<string, Counts>();
  for (const [k, line] of byCompetitor) {
    const t = zero();
    for (const c of line.values()) addCounts(t, c);
    competitorTotals.set(k, t);
  }
  const overall = zero();
  for (const t of otherTotals.values()) addCounts(overall, t);
  if (competitorIsRow) {
    return { cells: byCompetitor, rowTotals: competitorTotals, colTotals: otherTotals, overall, plan: 'copies' };
  }
  const cells = new Map<string, Map<string, Counts>>();
  for (const [k, line] of byCompetitor)
    for (const [x, c] of line) {
      const row = cells.get(x) ?? new Map<string, Counts>();
      cells.set(x, row);
      row.set(k, c);
    }
  return { cells, rowTotals: otherTotals, colTotals: competitorTotals, overall, plan: 'copies' };
}

/** Group-key SQL and join for one side of a join-plan query. */
function sideSql(dim: Dimension | 'none', alias: string): { expr: string; join: string } {
  if (dim === 'none') return { expr: 'NULL', join: '' };
  const spec = DIMENSION_SQL[dim];
  if (spec.kind === 'competitor')
    return { expr: `${alias}.competitor_id`, join: `LEFT JOIN deal_competitors ${alias} ON ${alias}.deal_id = d.id` };
  if (spec.kind === 'primary')
    return {
      expr: `${alias}.competitor_id`,
      join: `LEFT JOIN deal_competitors ${alias} ON ${alias}.deal_id = d.id AND ${alias}.is_primary = 1`,
    };
  // Close periods group by the date itself (in index order, no sort of every deal by a computed
  // key); the few thousand dates become periods afterwards.
  if (spec.fromDate) return { expr: 'd.close_date', join: '' };
  return { expr: spec.deal, join: '' };
}

/** Turns a raw group key of the join plan into the dimension's key. */
function keyMapper(dim: Dimension | 'none'): (v: unknown) => Key {
  const fromDate = dim === 'none' ? undefined : DIMENSION_SQL[dim].fromDate;
  return fromDate ? (v) => (v === null || v === undefined ? null : fromDate(String(v))) : keyOf;
}

/** What deals_owner_matrix covers: a matrix by owner reading only these is one pass over it. */
const OWNER_INDEX_COVERS = new Set<Dimension | 'none'>(['owner', 'segment', 'dealType', 'none']);

/**
 * By owner, the planner prefers the deal-type index and looks up every deal's owner in the table
 * (about 2 s at 1M deals); deals_owner_matrix covers the query and is read in group order.
 */
function ownerIndex(q: MatrixQuery, rows: Dimension | 'none', cols: Dimension | 'none'): string {
  const byOwner = rows === 'owner' || cols === 'owner';
  const covered = [rows, cols, ...q.filters.map((f) => f.dim)].every((d) => OWNER_INDEX_COVERS.has(d));
  return byOwner && covered ? ' INDEXED BY deals_owner_matrix' : '';
}

/** SQL of the join plan, grouped by the given row and column dimensions ('none' for either). */
export function joinSql(
  q: MatrixQuery,
  rows: Dimension | 'none',
  cols: Dimension | 'none',
  includeNoDecision: boolean,
): SqlPart {
  const r = sideSql(rows, 'xr');
  const c = sideSql(cols, 'xc');
  const account = needsAccount([rows, cols], q.filters) ? 'LEFT JOIN accounts a ON a.id = d.account_id' : '';
  const w = basePredicate(includeNoDecision, q.period, q.filters, 'deal');
  const amount = q.measure === 'amount' ? ', total(d.amount) AS amt' : '';
  // Outcome before a close date matches the (segment, outcome, close_date) index order.
  const groupBy = cols !== 'none' && DIMENSION_SQL[cols].fromDate ? '1, 3, 2' : '1, 2, 3';
  return {
    sql: `SELECT ${r.expr} AS r, ${c.expr} AS c, d.outcome AS o, count(*) AS n${amount}
            FROM deals d${ownerIndex(q, rows, cols)} ${account} ${r.join} ${c.join} WHERE ${w.sql} GROUP BY ${groupBy}`,
    params: w.params,
  };
}

function runJoin(sqlite: Database.Database, q: MatrixQuery, includeNoDecision: boolean): Grid {
  const fetch = (rows: Dimension | 'none', cols: Dimension | 'none') => {
    const part = joinSql(q, rows, cols, includeNoDecision);
    const mapRow = keyMapper(rows);
    const mapCol = keyMapper(cols);
    return (sqlite.prepare(part.sql).all(...part.params) as RawRow[]).map((x) => ({
      ...x,
      r: mapRow(x.r),
      c: mapCol(x.c),
    }));
  };
  const cells = new Map<string, Map<string, Counts>>();
  for (const row of fetch(q.rows, q.cols)) {
    const r = mk(keyOf(row.r));
    const line = cells.get(r) ?? new Map<string, Counts>();
    cells.set(r, line);
    const c = mk(keyOf(row.c));
    const cell = line.get(c) ?? zero();
    line.set(c, cell);
    add(cell, row.o, row.n, row.amt ?? 0);
  }
  const tally = (rows: RawRow[], pick: (r: RawRow) => unknown) => {
    const m = new Map<string, Counts>();
    for (const row of rows) {
      const k = mk(keyOf(pick(row)));
      const t = m.get(k) ?? zero();
      m.set(k, t);
      add(t, row.o, row.n, row.amt ?? 0);
    }
    return m;
  };
  // Sum cells where the other side holds each deal once; count again where it may hold it twice.
  const rowTotals = isCountedOnce(q.cols)
    ? new Map([...cells].map(([r, line]) => [r, [...line.values()].reduce((t, c) => (addCounts(t, c), t), zero())]))
    : tally(fetch(q.rows, 'none'), (r) => r.r);
  let colTotals: Map<string, Counts>;
  if (isCountedOnce(q.rows)) {
    colTotals = new Map();
    for (const line of cells.values())
      for (const [c, counts] of line) {
        const t = colTotals.get(c) ?? zero();
        colTotals.set(c, t);
        addCounts(t, counts);
      }
  } else colTotals = tally(fetch('none', q.cols), (r) => r.c);
  let overall = zero();
  if (isCountedOnce(q.rows)) for (const t of rowTotals.values()) addCounts(overall, t);
  else if (isCountedOnce(q.cols)) for (const t of colTotals.values()) addCounts(overall, t);
  else overall = tally(fetch('none', 'none'), () => null).get(NULL_MARK) ?? zero();
  return { cells, rowTotals, colTotals, overall, plan: 'join' };
}

export function assertQuery(q: MatrixQuery): void {
  if (q.rows === q.cols) {
    throw new AppError('invalid_argument', 'Choose different dimensions for rows and columns.', [
      { path: 'cols', message: 'Same as rows' },
    ]);
  }
  if (q.period.from && q.period.to && q.period.from > q.period.to) {
    throw new AppError('invalid_argument', `The period starts (${q.period.from}) after it ends (${q.period.to}).`, [
      { path: 'period.from', message: 'After the end date' },
    ]);
  }
}

/** Counts of the matrix (no labels, no rates): also the basis of change and trend views. */
export function matrixGrid(sqlite: Database.Database, q: MatrixQuery, settings: Settings): Grid {
  assertQuery(q);
  return usesCopies(q)
    ? runCopies(sqlite, q, settings.includeNoDecision)
    : runJoin(sqlite, q, settings.includeNoDecision);
}

/** Labels for the keys of a dimension, in the order the screen lists them (not set last). */
export function labelValues(sqlite: Database.Database, dim: Dimension | 'none', keys: Iterable<string>): DimValue[] {
  if (dim === 'none') return [{ key: null, label: 'All closed deals' }];
  const spec = DIMENSION_SQL[dim];
  const names = new Map<string, string>();
  if (spec.labels)
    for (const r of sqlite.prepare(spec.labels).all() as { key: unknown; label: string }[])
      names.set(String(r.key), r.label);
  const values = [...new Set(keys)].map((m) => {
    const key = unmk(m);
    if (key === null) return { key, label: spec.nullLabel };
    return { key, label: names.get(key) ?? fixedLabel(dim, key) ?? key };
  });
  return sortValues(dim, values);
}

/** The screen order of a dimension's values: by label, by key (periods, bands) or domain order; not set last. */
export function sortValues(dim: Dimension | 'none', values: DimValue[]): DimValue[] {
  if (dim === 'none') return values;
  const spec = DIMENSION_SQL[dim];
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  return [...values].sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === null ? (b.key === null ? 0 : 1) : -1;
    if (spec.order === 'enum') return enumRank(dim, a.key) - enumRank(dim, b.key);
    if (spec.order === 'key') return collator.compare(a.key, b.key);
    return collator.compare(a.label, b.label);
  });
}

/** Values of both lists, each once, in screen order. */
export function unionValues(dim: Dimension | 'none', ...lists: DimValue[][]): DimValue[] {
  const seen = new Map<string, DimValue>();
  for (const list of lists) for (const v of list) if (!seen.has(mk(v.key))) seen.set(mk(v.key), v);
  return sortValues(dim, [...seen.values()]);
}

export function matrixNotes(q: MatrixQuery, settings: Settings): string[] {
  const notes: string[] = [];
  if (q.rows === 'competitor' || q.cols === 'competitor' || q.filters.some((f) => f.dim === 'competitor'))
    notes.push(
      'A deal with several competitors counts once under each of them and once in the totals, so competitor rows can add up to more than the total.',
    );
  if (q.rows === 'primaryCompetitor' || q.cols === 'primaryCompetitor')
    notes.push('Head-to-head counts a deal only under its primary competitor.');
  if (q.rows === 'sizeBand' || q.cols === 'sizeBand' || q.filters.some((f) => f.dim === 'sizeBand'))
    notes.push(sizeBandsText(settings.currency));
  notes.push(
    q.measure === 'amount'
      ? `Measure: win rate by amount = won ${settings.currency} / closed ${settings.currency}; n is the number of closed deals, and Wilson intervals apply to counts only.`
      : 'Measure: win rate by count = won deals / closed deals, with its 95% Wilson score interval.',
  );
  return notes;
}

export function computeMatrix(sqlite: Database.Database, q: MatrixQuery, settings: Settings): MatrixResult {
  const grid = matrixGrid(sqlite, q, settings);
  if (grid.cells.size > MAX_ROWS) {
    throw new AppError(
      'invalid_argument',
      `${DIMENSION_LABEL[q.rows]} has ${grid.cells.size.toLocaleString('en-US')} values here; a matrix shows at most ${MAX_ROWS.toLocaleString('en-US')} rows. Add a filter or choose another dimension.`,
      [{ path: 'rows', message: 'Too many values' }],
    );
  }
  if (grid.colTotals.size > MAX_COLS && q.cols !== 'none') {
    throw new AppError(
      'invalid_argument',
      `${DIMENSION_LABEL[q.cols]} has ${grid.colTotals.size.toLocaleString('en-US')} values here; a matrix shows at most ${MAX_COLS} columns. Add a filter, a shorter period, or swap rows and columns.`,
      [{ path: 'cols', message: 'Too many values' }],
    );
  }
  const withAmount = q.measure === 'amount';
  const fig = (c: Counts) => figuresOf(c, settings, withAmount);
  const rows = labelValues(sqlite, q.rows, grid.cells.keys());
  const cols = labelValues(sqlite, q.cols, grid.colTotals.keys());
  // Cells and totals in screen order, so every plan gives the same answer in the same order.
  const cells: MatrixCell[] = [];
  for (const r of rows) {
    const line = grid.cells.get(mk(r.key));
    for (const c of cols) {
      const counts = line?.get(mk(c.key));
      if (counts) cells.push({ row: r.key, col: c.key, ...fig(counts) });
    }
  }
  return {
    query: q,
    rows,
    cols,
    cells,
    rowTotals: rows.map((r) => ({ row: r.key, ...fig(grid.rowTotals.get(mk(r.key)) ?? zero()) })),
    colTotals: cols.map((c) => ({ col: c.key, ...fig(grid.colTotals.get(mk(c.key)) ?? zero()) })),
    overall: fig(grid.overall),
    includeNoDecision: settings.includeNoDecision,
    definition: closedDefinition(settings),
    notes: matrixNotes(q, settings),
    currency: settings.currency,
    thresholds: { lowConfidenceBelowN: settings.lowConfidenceBelowN, hideRateBelowN: settings.hideRateBelowN },
    plan: grid.plan,
  };
}

/** The values of a dimension among closed deals, in screen order (for filter pickers). */
export function dimensionValues(sqlite: Database.Database, dim: Dimension, settings: Settings): DimValue[] {
  const grid = matrixGrid(sqlite, { rows: dim, cols: 'none', measure: 'count', period: {}, filters: [] }, settings);
  return labelValues(sqlite, dim, grid.cells.keys());
}
