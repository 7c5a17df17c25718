// Tables for a terminal: columns as wide as their widest cell, text left-aligned, figures
// right-aligned, a rule under the header. The matrix grid, the cohort triangle and the lists use it.
import { terminalSafe } from '#shared/text/clean-text.ts';

export interface GridOptions {
  /** How many leading columns hold text (left-aligned); the rest hold figures. Default 1. */
  textColumns?: number;
  /** Space between columns. Default two spaces. */
  gap?: string;
}

/** Header, rule, then one line per row; trailing spaces trimmed. */
export function gridLines(head: readonly string[], rows: readonly (readonly string[])[], options: GridOptions = {}) {
  const textColumns = options.textColumns ?? 1;
  const gap = options.gap ?? '  ';
  // Cells are made terminal-safe before they are measured: a stored name with a control character
  // prints as a visible \uXXXX escape, and the columns are measured with it.
  const safeRows = rows.map((r) => r.map(terminalSafe));
  const widths = head.map((h, i) => Math.max(h.length, ...safeRows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    widths
      .map((w, i) => (i < textColumns ? (cells[i] ?? '').padEnd(w) : (cells[i] ?? '').padStart(w)))
      .join(gap)
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...safeRows.map(line)];
}
