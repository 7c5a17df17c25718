// Streams a CSV file synchronously: fixed-size byte chunks (256 KB), decoded with TextDecoder in streaming
// mode (a character split across chunks is kept whole), parsed by papaparse's Parser, with the row
// that a chunk cut in two carried into the next chunk. Memory stays at a few chunks whatever the
// file size. Synchronous on purpose: an import runs in a job worker inside one SQLite
// transaction, which must never wait on the event loop.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import Papa from 'papaparse';
import type { Delimiter, Encoding } from '#shared/domain/import-mapping.ts';
import { dropControls } from '#shared/text/clean-text.ts';
import { AppError } from '../errors.ts';
import type { Newline } from './csv-dialect.ts';
import { EncodingMismatch } from './text-decoding.ts';

export interface CsvReadOptions {
  encoding: Encoding;
  delimiter: Delimiter;
  newline: Newline;
  /**
   * Bytes per read. 256 KB: a chunk's rows (about 2,000) die young in V8's small young generation;
   * with 4 MB chunks their 30,000 rows outlived it and the old generation filled with them (peak
   * memory of a million-row import: 330 MB instead of 480 MB, at the same speed).
   */
  chunkBytes?: number;
  /** A single row longer than this many characters stops the read (an unclosed quote, or not a CSV). */
  maxRowChars?: number;
  /** Called after each chunk with bytes read so far and the file size. */
  onChunk?: (bytesRead: number, fileSize: number) => void;
}

export interface CsvReadStats {
  /** Non-blank rows, the header included. */
  records: number;
  blankLines: number;
  bytes: number;
}

/** What the callback returns to stop reading early (inspection reads only the first rows). */
export const STOP = Symbol('stop');

interface ParseResult {
  data: string[][];
  errors: { code: string; row: number }[];
  meta: { cursor: number };
}

/** A line with nothing in it, or only separators (spreadsheets pad the last rows with ",,,,"). */
function isBlank(fields: string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

/** Line breaks inside a parsed row's quoted cells, so the next row's line number is right. */
function innerLineBreaks(fields: string[]): number {
  let n = 0;
  for (const f of fields) {
    if (f.length === 0 || (f.indexOf('\n') === -1 && f.indexOf('\r') === -1)) continue;
    for (let i = 0; i < f.length; i++) {
      const c = f.charCodeAt(i);
      if (c === 10) n++;
      else if (c === 13) {
        n++;
        if (f.charCodeAt(i + 1) === 10) i++;
      }
    }
  }
  return n;
}

/**
 * Read every row of the file and hand it to `onRow` with the line it starts on (line 1 is the
 * first line of the file). Blank lines are skipped and counted. `malformed` is true when the
 * parser found a stray quote in the row.
 */
export function readCsv(
  path: string,
  options: CsvReadOptions,
  onRow: (fields: string[], line: number, malformed: boolean) => void | typeof STOP,
): CsvReadStats {
  const chunkBytes = options.chunkBytes ?? 256 << 10;
  const maxRowChars = options.maxRowChars ?? 16 << 20;
  const fd = openSync(path, 'r');
  const stats: CsvReadStats = { records: 0, blankLines: 0, bytes: 0 };
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.allocUnsafe(chunkBytes);
    const decoder = new TextDecoder(options.encoding, { fatal: options.encoding === 'utf-8' });
    const parser = new Papa.Parser({ delimiter: options.delimiter, newline: options.newline, quoteChar: '"' });
    let carry = '';
    let line = 1;
    let stopped = false;

    const emit = (result: ParseResult) => {
      const bad = result.errors.length > 0 ? new Set(result.errors.map((e) => e.row)) : null;
      const rows = result.data;
      for (let r = 0; r < rows.length; r++) {
        const fields = rows[r]!;
        if (fields[0] === '' && isBlank(fields)) {
          stats.blankLines++;
          line++;
          continue;
        }
        stats.records++;
        const start = line;
        line += 1 + innerLineBreaks(fields);
        if (onRow(fields, start, bad?.has(r) ?? false) === STOP) {
          stopped = true;
          return;
        }
      }
    };

    for (;;) {
      const n = readSync(fd, buffer, 0, chunkBytes, null);
      stats.bytes += n;
      const last = n === 0;
      let text: string;
      try {
        text = last ? decoder.decode() : decoder.decode(buffer.subarray(0, n), { stream: true });
      } catch {
        throw new EncodingMismatch(stats.bytes - n);
      }
      // Control characters (NUL, ESC, BEL, DEL …) never reach a cell; tabs and line ends stay.
      const input = carry + dropControls(text);
      if (last) {
        if (input.length > 0) {
          const result = parser.parse(input, 0, false) as ParseResult;
          if (result.errors.some((e) => e.code === 'MissingQuotes')) {
            throw new AppError(
              'invalid_argument',
              `Line ${line}: a quoted value starts here and is never closed, so the rest of the file would be read as one value. Fix the quote and try again.`,
            );
          }
          emit(result);
        }
        break;
      }
      const result = parser.parse(input, 0, true) as ParseResult;
      carry = input.substring(result.meta.cursor);
      if (carry.length > maxRowChars) {
        throw new AppError(
          'invalid_argument',
          `Line ${line}: one row runs past ${Math.round(maxRowChars / (1 << 20))} MB without ending. A quote may be left open, or this is not a CSV file.`,
        );
      }
      emit(result);
      if (stopped) break;
      options.onChunk?.(stats.bytes, size);
    }
    return stats;
  } finally {
    closeSync(fd);
  }
}

/** The first `maxBytes` of a file, for sniffing. */
export function readHead(path: string, maxBytes: number): { bytes: Uint8Array; size: number; complete: boolean } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.min(maxBytes, size));
    let got = 0;
    while (got < buffer.length) {
      const n = readSync(fd, buffer, got, buffer.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return { bytes: buffer.subarray(0, got), size, complete: got >= size };
  } finally {
    closeSync(fd);
  }
}
