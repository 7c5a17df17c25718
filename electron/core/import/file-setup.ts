// Opening a CSV file for import: refuse what is not a CSV (with a message saying what it is),
// work out encoding, separator and line ending from its first megabyte (or take the user's),
// read the header, and give the first rows. Inspection (the wizard's first step) and the import
// pass use the same code, so they never disagree about the columns.
import { basename } from 'node:path';
import type { Delimiter, Encoding } from '#shared/domain/import-mapping.ts';
import { DELIMITER_LABEL } from '#shared/domain/import-mapping.ts';
import { AppError } from '../errors.ts';
import type { Newline } from './csv-dialect.ts';
import { detectNewline, sniffDelimiter } from './csv-dialect.ts';
import { readCsv, readHead, STOP } from './csv-reader.ts';
import { detectEncoding, EncodingMismatch, ENCODING_LABEL, notTextReason } from './text-decoding.ts';

const SAMPLE_BYTES = 1 << 20;

export interface FileSetup {
  path: string;
  fileName: string;
  sizeBytes: number;
  encoding: Encoding;
  encodingDetected: boolean;
  delimiter: Delimiter;
  delimiterDetected: boolean;
  newline: Newline;
  /** Column names, made unique ("Amount", "Amount (2)"); blank ones named by position. */
  headers: string[];
  /** Raw header cells as in the file. */
  rawHeaders: string[];
  /** First data rows (up to `sampleRows`), for the mapping screen and format detection. */
  sample: string[][];
  /** Bytes per row in the sample, to estimate the row count. */
  bytesPerRow: number;
  notes: string[];
}

export function uniqueHeaders(raw: string[]): { headers: string[]; notes: string[] } {
  const notes: string[] = [];
  const seen = new Map<string, number>();
  const headers = raw.map((h, i) => {
    let name = h.trim();
    if (name === '') {
      name = `Column ${i + 1}`;
      notes.push(`Column ${i + 1} has no header; it is called "${name}".`);
    }
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) {
      const renamed = `${name} (${n})`;
      notes.push(`Two columns are called "${name}"; the second is called "${renamed}" here.`);
      return renamed;
    }
    return name;
  });
  return { headers, notes };
}

/**
 * Open a file for reading as CSV. `encoding`/`delimiter` are the user's choices, when made.
 * Throws an AppError with a message for the user when the file cannot be a CSV import.
 */
export function setupFile(
  path: string,
  options: { encoding?: Encoding | undefined; delimiter?: Delimiter | undefined; sampleRows?: number } = {},
): FileSetup {
  const fileName = basename(path);
  let head: ReturnType<typeof readHead>;
  try {
    head = readHead(path, SAMPLE_BYTES);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('not_found', `${fileName}: the file does not exist (any more).`);
    if (code === 'EISDIR') throw new AppError('invalid_argument', `${fileName} is a folder, not a file.`);
    throw new AppError('invalid_argument', `${fileName} cannot be read: ${(e as Error).message}`);
  }
  if (head.size === 0) throw new AppError('invalid_argument', `${fileName} is empty: there is nothing to import.`);
  const notText = notTextReason(head.bytes);
  if (notText) throw new AppError('invalid_argument', `${fileName}: ${notText}`);

  const guess = detectEncoding(head.bytes, head.complete);
  const encoding = options.encoding ?? guess.encoding;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: encoding === 'utf-8' }).decode(head.bytes, { stream: !head.complete });
  } catch {
    throw new AppError(
      'invalid_argument',
      `${fileName} is not valid ${ENCODING_LABEL[encoding]}. Choose another encoding (Windows-1252 for files saved by Excel on Windows).`,
    );
  }
  if (text.trim() === '')
    throw new AppError('invalid_argument', `${fileName} contains only blank lines: there is nothing to import.`);
  const newline = detectNewline(text);
  const sniffed = sniffDelimiter(text, newline);
  const delimiter = options.delimiter ?? sniffed.delimiter;

  const sampleRows = options.sampleRows ?? 200;
  let rawHeaders: string[] | null = null;
  const sample: string[][] = [];
  try {
    readCsv(path, { encoding, delimiter, newline, chunkBytes: 256 << 10 }, (fields) => {
      if (rawHeaders === null) rawHeaders = fields;
      else sample.push(fields);
      return sample.length >= sampleRows ? STOP : undefined;
    });
  } catch (e) {
    if (e instanceof EncodingMismatch) {
      // The first megabyte looked like UTF-8; the file as a whole is not.
      if (options.encoding)
        throw new AppError('invalid_argument', `${fileName}: ${e.message} Choose another encoding.`);
      return setupFile(path, { ...options, encoding: 'windows-1252' });
    }
    throw e;
  }
  if (rawHeaders === null)
    throw new AppError('invalid_argument', `${fileName} contains no rows: there is nothing to import.`);
  const headerCells: string[] = rawHeaders;
  if (sample.length === 0) {
    throw new AppError(
      'invalid_argument',
      `${fileName} has a header row (${headerCells.length} columns) but no data rows: there is nothing to import.`,
    );
  }
  const { headers, notes } = uniqueHeaders(headerCells);
  if (headers.length === 1 && !options.delimiter) {
    notes.push(
      `Only one column was found. If the file uses another separator than ${DELIMITER_LABEL[delimiter]}, choose it.`,
    );
  }
  let sampleChars = 0;
  for (const row of sample) for (const f of row) sampleChars += f.length + 1;
  const bytesPerChar = head.bytes.length / Math.max(1, text.length);
  const bytesPerRow = Math.max(1, (sampleChars / sample.length) * bytesPerChar);
  return {
    path,
    fileName,
    sizeBytes: head.size,
    encoding,
    encodingDetected: options.encoding === undefined,
    delimiter,
    delimiterDetected: options.delimiter === undefined,
    newline,
    headers,
    rawHeaders: headerCells,
    sample,
    bytesPerRow,
    notes,
  };
}

export function estimateRows(setup: FileSetup): number {
  return Math.max(setup.sample.length, Math.round(setup.sizeBytes / setup.bytesPerRow) - 1);
}
