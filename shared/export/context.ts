// The context every exported figure carries (title, n, intervals, filters, period, measure, the
// no-decision setting, when it was made), so a PNG pasted into a deck or a CSV mailed on still
// says what it shows. One builder for the image's text block and the CSV's leading rows.
import type { CsvValue } from './csv.ts';
import { CSV_BOM, csvLine } from './csv.ts';

export interface ExportContext {
  /** What the figure is ("Win rate by segment and region"). */
  title: string;
  /** How many items the figure counts, e.g. { value: 1234, of: 'closed deals' }. */
  n?: { value: number; of: string } | null;
  /** The intervals drawn or listed, e.g. '95% Wilson intervals (band)'. */
  interval?: string | null;
  /** Filters in force, by the label of what they filter; none is said plainly. */
  filters?: readonly { label: string; values: readonly string[] }[];
  /** The period as the screen names it ("2025-01-01 to 2025-12-31", "All time"). */
  period?: string | null;
  /** Count, amount, NRR … where the figure could show more than one. */
  measure?: string | null;
  /** The workspace setting "Count no-decision deals as closed". */
  includeNoDecision: boolean;
  madeAt: Date;
  /** The workspace file's name. */
  workspace?: string | null;
}

export interface ContextLine {
  key: string;
  value: string;
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "2026-12-06 14:05 UTC": the same in every time zone, so two exports compare. */
export function madeAtText(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function noDecisionText(includeNoDecision: boolean): string {
  return includeNoDecision
    ? 'counted as closed (win rate = won / (won + lost + no decision))'
    : 'left out of closed deals (win rate = won / (won + lost))';
}

/**
 * The context as labelled lines, in a fixed order; lines for what the figure does not have (n,
 * intervals, measure) are left out, while filters and period always say what is in force.
 * `plainNumbers` writes 1234 rather than 1,234 (a CSV row must not hold a comma).
 */
export function exportContextLines(c: ExportContext, plainNumbers = false): ContextLine[] {
  const lines: ContextLine[] = [{ key: 'Title', value: c.title }];
  if (c.n) lines.push({ key: 'n', value: `${plainNumbers ? String(c.n.value) : grouped.format(c.n.value)} ${c.n.of}` });
  if (c.interval) lines.push({ key: 'Intervals', value: c.interval });
  const filters = (c.filters ?? []).filter((f) => f.values.length > 0);
  lines.push({
    key: 'Filters',
    value: filters.length ? filters.map((f) => `${f.label} = ${f.values.join(' | ')}`).join('; ') : 'none',
  });
  lines.push({ key: 'Period', value: c.period ?? 'all dates' });
  if (c.measure) lines.push({ key: 'Measure', value: c.measure });
  lines.push({ key: 'No-decision deals', value: noDecisionText(c.includeNoDecision) });
  lines.push({
    key: 'Made',
    value: `${madeAtText(c.madeAt)} with Winnow${c.workspace ? ` from ${c.workspace}` : ''}`,
  });
  return lines;
}

/**
 * A comment row's text: one cell in every spreadsheet. Commas and double quotes would split or
 * quote the row in Excel, so they become look-alikes (‚ ”); line breaks become spaces.
 */
export function commentText(line: ContextLine): string {
  const value = line.value
    .replace(/,/g, '\u201A')
    .replace(/"/g, '\u201D')
    .replace(/[\r\n]+/g, ' ');
  return `# ${line.key}: ${value}`;
}

/**
 * A CSV for spreadsheets with the context as leading "# Key: value" rows, then the header and the
 * data rows through the formula-safe writer. Readers that know comments (papaparse comments:'#',
 * pandas comment='#', R comment.char) skip them; Excel and Sheets show them as text in column A
 * above the table.
 */
export function csvWithContext(context: ExportContext, rows: readonly (readonly CsvValue[])[]): string {
  const comments = exportContextLines(context, true).map((l) => `${commentText(l)}\r\n`);
  return `${CSV_BOM}${comments.join('')}${rows.map(csvLine).join('')}`;
}

/** The context as an image's metadata (PNG iTXt keywords): Title, Description, time, software. */
export function contextMetadata(c: ExportContext): Record<string, string> {
  return {
    Title: c.title,
    Description: exportContextLines(c)
      .map((l) => `${l.key}: ${l.value}`)
      .join('\n'),
    'Creation Time': c.madeAt.toISOString(),
    Software: 'Winnow',
  };
}

/** A period as exports print it: both ends, one end, or all dates. */
export function periodText(from: string | null | undefined, to: string | null | undefined, what = ''): string {
  const of = what ? ` (${what})` : '';
  if (from && to) return `${from} to ${to}${of}`;
  if (from) return `from ${from}${of}`;
  if (to) return `until ${to}${of}`;
  return `all dates${of}`;
}
