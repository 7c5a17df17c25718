// How a CSV file is written: which character separates fields and which ends a line. Sniffed from
// the first lines, the same way a person would: the separator that splits every line into the
// same number of fields wins.
import Papa from 'papaparse';
import type { Delimiter } from '#shared/domain/import-mapping.ts';
import { DELIMITERS } from '#shared/domain/import-mapping.ts';

export type Newline = '\r\n' | '\n' | '\r';

/** The line ending used outside quoted fields (quoted cells may hold other line breaks). */
export function detectNewline(text: string): Newline {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  let quoted = false;
  const n = Math.min(text.length, 1 << 20);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

interface Candidate {
  delimiter: Delimiter;
  /** Rows whose field count equals the most common count. */
  consistent: number;
  fields: number;
}

/**
 * The separator that gives the most rows with the same (>1) number of fields; ties go to the
 * one giving more fields. A single-column file falls back to comma.
 */
export function sniffDelimiter(text: string, newline: Newline): { delimiter: Delimiter; certain: boolean } {
  // Only whole lines: the sample may stop in the middle of one.
  const end = text.lastIndexOf(newline);
  const sample = end > 0 ? text.slice(0, end) : text;
  const scored: Candidate[] = DELIMITERS.map((delimiter) => {
    const parsed = new Papa.Parser({ delimiter, newline, quoteChar: '"', preview: 50 }).parse(sample, 0, false) as {
      data: string[][];
    };
    const counts = new Map<number, number>();
    for (const row of parsed.data) {
      if (row.length === 1 && row[0] === '') continue;
      counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    }
    let fields = 1;
    let consistent = 0;
    for (const [k, v] of counts) {
      if (k > 1 && (v > consistent || (v === consistent && k > fields))) {
        fields = k;
        consistent = v;
      }
    }
    return { delimiter, consistent, fields };
  });
  scored.sort((a, b) => b.consistent - a.consistent || b.fields - a.fields);
  const best = scored[0]!;
  if (best.consistent === 0) return { delimiter: ',', certain: false };
  const runnerUp = scored[1]!;
  return { delimiter: best.delimiter, certain: runnerUp.consistent < best.consistent };
}
