// winnow matrix --rows FIELD [--cols FIELD] [--measure count|amount] [--from DATE] [--to DATE]
//               [--where FIELD=VALUE ...] [--db FILE] [--json]
// The win-rate matrix from the same query code as the app: per cell won, closed, rate and its 95%
// Wilson interval, with row, column and overall totals.
import { parseArgs } from '../args.ts';
import { matrixQuerySchema } from '#shared/contract/matrix.ts';
import { aliasKey } from '#shared/domain/competitor-names.ts';
import type { DimValue, Dimension, MatrixFigures, MatrixFilter, MatrixResult } from '#shared/domain/win-rates.ts';
import { DIMENSION_LABEL, DIMENSIONS } from '#shared/domain/win-rates.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { computeMatrix, dimensionValues } from '#core/win-rates/matrix-queries.ts';
import { findCompetitor } from '#core/win-rates/profile-queries.ts';
import { DB_OPTION, helpText, JSON_OPTION } from '../help.ts';
import type { CliIO } from '../io.ts';
import { num, pct, UsageError } from '../io.ts';
import { gridLines } from '../text-grid.ts';
import { workspacePathFrom } from '../workspace-arg.ts';

export const matrixHelp =
  'winnow matrix --rows FIELD [--cols FIELD] [--measure count|amount] [--from DATE] [--to DATE] [--where FIELD=VALUE] [--db FILE] [--json]\n' +
  '                                                     win rate per cell with n and its 95% interval; FIELD is one of\n' +
  `                                                     ${DIMENSIONS.join(', ')}`;

export const matrixDetails = () =>
  helpText(
    'winnow matrix --rows FIELD [--cols FIELD] [--measure count|amount] [--from DATE] [--to DATE] [--where FIELD=VALUE]... [--db FILE] [--json]',
    'Win rate per cell (won / closed) with n, as a grid of --rows by --cols; with --json, every cell with its\n' +
      `95% Wilson interval and the row, column and overall totals. FIELD is one of ${DIMENSIONS.join(', ')}\n` +
      '(kebab case works too: close-quarter).',
    [
      ['--rows FIELD', 'one line per value of FIELD (required)'],
      ['--cols FIELD', 'one column per value of FIELD (default: none, a list with the interval)'],
      ['--measure M', 'count (won / closed deals, the default) or amount (won / closed amount)'],
      ['--from DATE', 'only deals closed on or after DATE (YYYY-MM-DD)'],
      ['--to DATE', 'only deals closed on or before DATE (YYYY-MM-DD)'],
      ['--where F=V', 'only deals whose F is V (a name or key; repeat for several values, "none" for empty)'],
      DB_OPTION,
      JSON_OPTION,
    ],
  );

const squash = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');

/** 'close-quarter', 'close_quarter' and 'closeQuarter' all name closeQuarter. */
export function parseDimension(value: string, option: string): Dimension {
  const found = DIMENSIONS.find((d) => squash(d) === squash(value));
  if (!found) throw new UsageError(`${option} must be one of ${DIMENSIONS.join(', ')}; got "${value}"`);
  return found;
}

/** A typed value (label or key, any case; "not set" or "none" for empty) to the dimension's key. */
export function resolveValue(
  values: DimValue[],
  dim: Dimension,
  typed: string,
  /** Competitors: a key from any alias ("ACME Corp." for Acme Analytics). */
  alias?: (typed: string) => string | null,
): string | null {
  const t = typed.trim().toLowerCase();
  const hit = values.find((v) => v.label.toLowerCase() === t || (v.key !== null && v.key.toLowerCase() === t));
  if (hit) return hit.key;
  const viaAlias = alias?.(typed);
  if (viaAlias && values.some((v) => v.key === viaAlias)) return viaAlias;
  if (['not set', 'none', 'no competitor', 'null'].includes(t) && values.some((v) => v.key === null)) return null;
  const some = values
    .slice(0, 8)
    .map((v) => v.label)
    .join(', ');
  throw new UsageError(
    `no ${DIMENSION_LABEL[dim]} called "${typed}" among closed deals${values.length ? ` (for example: ${some})` : ''}`,
  );
}

const int = (x: number | null) => num(x === null ? null : Math.round(x));

function rateText(f: MatrixFigures, measure: 'count' | 'amount'): string[] {
  if (measure === 'amount') return [int(f.wonAmount), int(f.closedAmount), pct(f.amountRate), num(f.closed)];
  const r = f.rate;
  if (r.n === 0) return [int(f.won), int(f.closed), '–', ''];
  if (r.confidence === 'hidden') return [int(f.won), int(f.closed), 'n too small', ''];
  return [
    int(f.won),
    int(f.closed),
    `${pct(r.rate)}${r.confidence === 'low' ? '*' : ''}`,
    `${pct(r.low)}–${pct(r.high)}`,
  ];
}

/** One grid cell: the rate (by count or amount, "–" when hidden for low n) and n, the closed deals. */
export function cellParts(f: MatrixFigures | undefined, measure: 'count' | 'amount'): [string, string] {
  if (!f || f.closed === 0) return ['·', ''];
  const n = `n=${num(f.closed)}`;
  if (measure === 'amount') return [pct(f.amountRate), n];
  if (f.rate.confidence === 'hidden') return ['–', n];
  return [`${pct(f.rate.rate)}${f.rate.confidence === 'low' ? '*' : ''}`, n];
}

/** A column of cells with the rates right-aligned and the n's left-aligned after them. */
function alignCells(column: [string, string][]): string[] {
  const rateWidth = Math.max(...column.map(([r]) => r.length));
  const nWidth = Math.max(...column.map(([, n]) => n.length));
  return column.map(([r, n]) => `${r.padStart(rateWidth)} ${n.padEnd(nWidth)}`);
}

const labelOf = (values: DimValue[], key: string | null) => values.find((v) => v.key === key)?.label ?? String(key);

/** Two fields: rows by columns, each cell "rate n=closed", with the totals as the last row and column. */
function gridOf(m: MatrixResult): string[] {
  const measure = m.query.measure;
  const cell = new Map(m.cells.map((c) => [`${c.row}\u0000${c.col}`, c]));
  const rowTotal = new Map(m.rowTotals.map((t) => [t.row, t]));
  const colTotal = new Map(m.colTotals.map((t) => [t.col, t]));
  // Column by column (the last is the row totals), each with the column total at its foot.
  const columns = [
    ...m.cols.map((c) => [
      ...m.rows.map((r) => cellParts(cell.get(`${r.key}\u0000${c.key}`), measure)),
      cellParts(colTotal.get(c.key), measure),
    ]),
    [...m.rows.map((r) => cellParts(rowTotal.get(r.key), measure)), cellParts(m.overall, measure)],
  ].map(alignCells);
  const labels = [...m.rows.map((r) => r.label), 'Total'];
  const head = [DIMENSION_LABEL[m.query.rows], ...m.cols.map((c) => c.label), 'Total'];
  const body = labels.map((label, i) => [label, ...columns.map((col) => col[i]!)]);
  return [
    `Rows: ${DIMENSION_LABEL[m.query.rows]}; columns: ${DIMENSION_LABEL[m.query.cols as Dimension]}. Each cell: ` +
      `${measure === 'amount' ? 'won amount ÷ closed amount' : 'won ÷ closed deals'} and n, its closed deals ` +
      '(– too few to show a rate, · none).',
    ...gridLines(head, body),
  ];
}

/** One field: a line per value with won, closed, rate and its 95% interval. */
function listOf(m: MatrixResult): string[] {
  const q = m.query;
  const head = [
    DIMENSION_LABEL[q.rows],
    ...(q.measure === 'amount'
      ? [`Won ${m.currency}`, `Closed ${m.currency}`, 'Rate by amount', 'n']
      : ['Won', 'Closed', 'Rate', '95% CI']),
  ];
  const table = m.rowTotals.map((t) => [labelOf(m.rows, t.row), ...rateText(t, q.measure)]);
  table.push(['Total', ...rateText(m.overall, q.measure)]);
  return gridLines(head, table);
}

/** `filters`: the --where filters as typed ("Region = EMEA"), for the title. */
export function matrixLines(m: MatrixResult, filters: readonly string[] = []): string[] {
  const q = m.query;
  const title =
    `Win rates by ${DIMENSION_LABEL[q.rows]}${q.cols === 'none' ? '' : ` and ${DIMENSION_LABEL[q.cols]}`}` +
    ` (${num(m.overall.closed)} closed deals` +
    (q.period.from || q.period.to ? `, closed ${q.period.from ?? '…'} to ${q.period.to ?? '…'}` : ', all close dates') +
    (filters.length > 0 ? `; ${filters.join(', ')}` : '') +
    ')';
  return [
    title,
    ...(q.cols === 'none' ? listOf(m) : gridOf(m)),
    '',
    m.definition,
    ...m.notes,
    `* low confidence: n below ${num(m.thresholds.lowConfidenceBelowN)}; rates hidden (–) below n = ${num(m.thresholds.hideRateBelowN)}.`,
  ];
}

export async function matrixCommand(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      rows: { type: 'string' },
      cols: { type: 'string' },
      measure: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      where: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  if (!values.rows) throw new UsageError('--rows is required (for example --rows competitor --cols segment)');
  const rows = parseDimension(values.rows, '--rows');
  const cols = values.cols === undefined || values.cols === 'none' ? 'none' : parseDimension(values.cols, '--cols');
  if (values.measure !== undefined && values.measure !== 'count' && values.measure !== 'amount')
    throw new UsageError(`--measure must be count or amount; got "${values.measure}"`);
  const wheres = (values.where ?? []).map((w) => {
    const eq = w.indexOf('=');
    if (eq <= 0) throw new UsageError(`--where needs FIELD=VALUE; got "${w}"`);
    return { dim: parseDimension(w.slice(0, eq), '--where FIELD'), value: w.slice(eq + 1) };
  });
  const ws = await openWorkspace(workspacePathFrom(values.db), { mode: 'open', verify: 'quick' });
  try {
    const settings = readSettings(ws.sqlite);
    // Several --where on one field keep deals with any of those values.
    const filters: MatrixFilter[] = [];
    for (const w of wheres) {
      const alias =
        w.dim === 'competitor' || w.dim === 'primaryCompetitor'
          ? (typed: string) => {
              const c = findCompetitor(ws.sqlite, typed, aliasKey(typed));
              return c ? String(c.id) : null;
            }
          : undefined;
      const key = resolveValue(dimensionValues(ws.sqlite, w.dim, settings), w.dim, w.value, alias);
      const existing = filters.find((f) => f.dim === w.dim);
      if (existing) existing.values.push(key);
      else filters.push({ dim: w.dim, values: [key] });
    }
    const parsed = matrixQuerySchema.safeParse({
      rows,
      cols,
      measure: values.measure ?? 'count',
      period: { ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}) },
      filters,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.join('.').replace(/^period\./, '--');
      const given = where === '--from' ? values.from : where === '--to' ? values.to : undefined;
      throw new UsageError(
        `${where ? `${where}: ` : ''}${issue.message}${given === undefined ? '' : `; got "${given}"`}`,
      );
    }
    const m = computeMatrix(ws.sqlite, parsed.data, settings);
    if (values.json) io.out(JSON.stringify(m, null, 2));
    else
      for (const l of matrixLines(
        m,
        wheres.map((w) => `${DIMENSION_LABEL[w.dim]} = ${w.value}`),
      ))
        io.out(l);
    return 0;
  } finally {
    ws.close();
  }
}
