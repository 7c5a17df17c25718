// Tables for a terminal: columns as wide as their widest cell, text left-aligned, figures
// right-aligned, a rule under the header. The matrix grid, the cohort triangle and the lists use it.

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
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    widths
      .map((w, i) => (i < textColumns ? (cells[i] ?? '').padEnd(w) : (cells[i] ?? '').padStart(w)))
      .join(gap)
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
