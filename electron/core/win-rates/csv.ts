// CSV for spreadsheets: RFC 4180 quoting, CRLF, a UTF-8 BOM so Excel reads accents, and text that
// begins with = + - @ (or a tab or CR) prefixed with ' so a spreadsheet shows it instead of running
// it as a formula. Numbers we computed are written as numbers.
import type {
  CompetitorProfile,
  DimValue,
  MatrixFigures,
  MatrixResult,
  ReasonCount,
} from '#shared/domain/win-rates.ts';
import { DIMENSION_LABEL } from '#shared/domain/win-rates.ts';
import type { Rate } from '#shared/analytics/rate.ts';

import { csvCell as sharedCsvCell, toCsv as sharedToCsv } from '#shared/export/csv.ts';
import type { CsvValue } from '#shared/export/csv.ts';
import type { ExportContext } from '#shared/export/context.ts';
import { csvWithContext } from '#shared/export/context.ts';

export type { CsvValue };

/** Flags read better as yes/no in these reports; escaping is the shared rule. */
const forReport = (v: CsvValue): CsvValue => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : v);

export function csvCell(v: CsvValue): string {
  return sharedCsvCell(forReport(v));
}

/** The rows as CSV; with a context, it leads as "# Key: value" rows (shared/export/context.ts). */
export function toCsv(rows: CsvValue[][], context?: ExportContext): string {
  const mapped = rows.map((r) => r.map(forReport));
  return context ? csvWithContext(context, mapped) : sharedToCsv(mapped);
}

const RATE_HEAD = ['Won', 'Closed (n)', 'Win rate', '95% CI low', '95% CI high', 'Confidence'];
const rateCells = (won: number, r: Rate): CsvValue[] => [won, r.n, r.rate, r.low, r.high, r.confidence];

export function matrixCsv(m: MatrixResult, context?: ExportContext): string {
  const label = (values: DimValue[], key: string | null | undefined) =>
    key === undefined ? 'Total' : (values.find((v) => v.key === key)?.label ?? key);
  const colsLabel = m.query.cols === 'none' ? 'Column' : DIMENSION_LABEL[m.query.cols];
  const head = [
    DIMENSION_LABEL[m.query.rows],
    colsLabel,
    ...RATE_HEAD,
    `Won amount (${m.currency})`,
    `Closed amount (${m.currency})`,
    'Win rate by amount',
  ];
  const line = (row: string | null | undefined, col: string | null | undefined, f: MatrixFigures): CsvValue[] => [
    label(m.rows, row),
    label(m.cols, col),
    ...rateCells(f.won, f.rate),
    f.wonAmount,
    f.closedAmount,
    f.amountRate,
  ];
  const rows: CsvValue[][] = [head];
  for (const c of m.cells) rows.push(line(c.row, c.col, c));
  for (const t of m.rowTotals) rows.push(line(t.row, undefined, t));
  for (const t of m.colTotals) rows.push(line(undefined, t.col, t));
  rows.push(line(undefined, undefined, m.overall));
  rows.push([], ['Notes'], [m.definition], ...m.notes.map((n) => [n]));
  const p = m.query.period;
  if (p.from || p.to) rows.push([`Close dates from ${p.from ?? 'the first'} to ${p.to ?? 'the last'}`]);
  for (const f of m.query.filters)
    rows.push([
      `Filter: ${DIMENSION_LABEL[f.dim]} is ${f.values.map((v) => (v === null ? 'not set' : v)).join(' or ')}`,
    ]);
  return toCsv(rows, context);
}

export function profileCsv(p: CompetitorProfile, context?: ExportContext): string {
  const rows: CsvValue[][] = [
    ['Competitor', p.name],
    ['Aliases', p.aliases.join('; ')],
    ['Deals met', p.encounters],
    ['Lost to them (CRM)', p.lostToThem],
    [],
    ['Section', 'Item', ...RATE_HEAD],
    ['Win rate', 'Involved', ...rateCells(p.involved.hits, p.involved)],
    ['Win rate', 'Head-to-head (primary)', ...rateCells(p.headToHead.hits, p.headToHead)],
  ];
  for (const t of p.overTime) {
    rows.push(['Over time (involved)', t.period, ...rateCells(t.involved.hits, t.involved)]);
  }
  for (const t of p.overTime) {
    rows.push(['Over time (head-to-head)', t.period, ...rateCells(t.headToHead.hits, t.headToHead)]);
  }
  const breakdowns: [string, CompetitorProfile['bySegment']][] = [
    ['Segment', p.bySegment],
    ['Region', p.byRegion],
    ['Product', p.byProduct],
  ];
  for (const [name, list] of breakdowns)
    for (const b of list) {
      rows.push([`${name} (involved)`, b.label, ...rateCells(b.involved.hits, b.involved)]);
      rows.push([`${name} (head-to-head)`, b.label, ...rateCells(b.headToHead.hits, b.headToHead)]);
    }
  rows.push(
    [],
    ['Deal size and cycle', 'Competitor', 'Closed deals', `Average amount (${p.currency})`, 'Average cycle (days)'],
  );
  rows.push([
    'Deal size and cycle',
    p.name,
    p.sizeAndCycle.them.deals,
    p.sizeAndCycle.them.averageAmount,
    p.sizeAndCycle.them.averageCycleDays,
  ]);
  const o = p.sizeAndCycle.otherCompetitors;
  rows.push(['Deal size and cycle', 'Deals with other competitors', o.deals, o.averageAmount, o.averageCycleDays]);
  for (const c of p.sizeAndCycle.byCompetitor)
    if (c.id !== p.id) rows.push(['Deal size and cycle', c.name, c.deals, c.averageAmount, c.averageCycleDays]);
  const reasons = (section: string, list: ReasonCount[]) => {
    for (const r of list) rows.push([section, r.reason, r.category, r.count, r.primary]);
  };
  rows.push([], ['Reasons', 'Reason', 'Category', 'Count', 'As primary reason']);
  reasons('Why we win (interviews)', p.interviewReasons.win);
  reasons('Why we lose (interviews)', p.interviewReasons.loss);
  reasons('Why we win (CRM, rep-stated)', p.crmReasons.win);
  reasons('Why we lose (CRM, rep-stated)', p.crmReasons.loss);
  rows.push([], ['Ratings (1-5)', 'Criterion', 'Us', 'Us: ratings', p.name, `${p.name}: ratings`]);
  for (const r of p.ratings) rows.push(['Ratings (1-5)', r.criterion, r.us, r.usN, r.them, r.themN]);
  rows.push([], ['Quotes', 'Text', 'Speaker', 'Date', 'Deal', 'Outcome', 'Sentiment', 'Shareable', 'Themes']);
  for (const q of p.quotes)
    rows.push([
      'Quotes',
      q.text,
      q.speaker,
      q.interviewDate,
      q.dealName,
      q.outcome,
      q.sentiment,
      q.shareable,
      q.themes.join('; '),
    ]);
  rows.push([], ['Recent deals', 'Deal', 'Account', 'Amount', 'Close date', 'Outcome', 'Competitors']);
  for (const d of p.recentDeals)
    rows.push(['Recent deals', d.name, d.account, d.amount, d.closeDate, d.outcome, d.competitors]);
  rows.push([], ['Notes'], [p.definition], ['Head-to-head counts only deals where they were the primary competitor.']);
  if (p.period.from || p.period.to)
    rows.push([`Close dates from ${p.period.from ?? 'the first'} to ${p.period.to ?? 'the last'}`]);
  return toCsv(rows, context);
}
