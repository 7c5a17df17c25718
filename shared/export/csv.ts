// CSV for spreadsheets (RFC 4180: comma, CRLF, quotes doubled), safe to open in Excel, Numbers
// or Sheets: a text cell that starts with = + - @ tab or carriage return would be run as a
// formula, so it gets a leading apostrophe (the OWASP advice), which spreadsheets show as text.
// Numbers and booleans are written as they are.

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** UTF-8 byte-order mark: Excel needs it to read non-ASCII text (names, RTL, emoji) correctly. */
export const CSV_BOM = '\uFEFF';

/** A whole small CSV document (BOM, header and rows): for exports that fit in memory. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `${CSV_BOM}${rows.map(csvLine).join('')}`;
}
