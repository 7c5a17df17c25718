// Which text encoding a file uses, and whether it is text at all. CRM exports arrive as UTF-8
// (with or without a byte-order mark), Windows-1252 from Excel, or UTF-16 from Excel's "Unicode
// text". Anything else (a workbook, a PDF, an image) is refused with a message saying what it is.
import type { Encoding } from '#shared/domain/import-mapping.ts';

export interface EncodingGuess {
  encoding: Encoding;
  /** False when the sample was too plain to tell (pure ASCII reads the same in UTF-8 and 1252). */
  certain: boolean;
}

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive, such as an Excel workbook (.xlsx)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel or Word file (.xls/.doc)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'a SQLite database' },
];

function startsWith(sample: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => sample[i] === b);
}

function hasUtf16Bom(sample: Uint8Array): boolean {
  return sample[0] === 0xff && sample[1] === 0xfe;
}

/** UTF-16LE without a mark: most odd bytes are zero and the even ones are not (ASCII text). */
function looksUtf16le(sample: Uint8Array): boolean {
  const n = Math.min(sample.length, 4096) & ~1;
  if (n < 8) return false;
  let oddZero = 0;
  let evenZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  return oddZero > n / 2 / 2 && evenZero < n / 2 / 20;
}

/**
 * A message when the sample is not a text file we can read, or null when it is. Checked before
 * anything else so a workbook never reaches the CSV parser.
 */
export function notTextReason(sample: Uint8Array): string | null {
  for (const m of MAGIC) {
    if (startsWith(sample, m.bytes)) {
      return `This file is ${m.what}, not a CSV file. Open it in its program and save or export it as CSV.`;
    }
  }
  if (hasUtf16Bom(sample) || looksUtf16le(sample)) return null;
  let control = 0;
  const n = Math.min(sample.length, 65536);
  for (let i = 0; i < n; i++) {
    const b = sample[i]!;
    if (b === 0) {
      return 'This file contains binary data (zero bytes), so it is not a CSV text file. Export the data as CSV and try again.';
    }
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (n > 0 && control / n > 0.01) {
    return 'This file is mostly unreadable control characters, so it is not a CSV text file. Export the data as CSV and try again.';
  }
  return null;
}

/** Decide the encoding from the first bytes of a file; `complete` when the sample is the whole file. */
export function detectEncoding(sample: Uint8Array, complete: boolean): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', certain: true };
  if (hasUtf16Bom(sample) || looksUtf16le(sample)) return { encoding: 'utf-16le', certain: true };
  let ascii = true;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return { encoding: 'utf-8', certain: false };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return { encoding: 'utf-8', certain: true };
  } catch {
    // Bytes that are not valid UTF-8: Excel on Windows writes Windows-1252 ("é" as 0xE9).
    return { encoding: 'windows-1252', certain: true };
  }
}

export const ENCODING_LABEL: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (Western European, Excel)',
  'utf-16le': 'UTF-16 (Excel "Unicode text")',
};

/** Raised when bytes later in the file contradict the encoding chosen from its start. */
export class EncodingMismatch extends Error {
  readonly byteOffset: number;
  /** Which of the import's files (set by the import pass). */
  fileIndex = -1;
  constructor(byteOffset: number) {
    super(`The file is not valid UTF-8 near byte ${byteOffset.toLocaleString('en-US')}.`);
    this.byteOffset = byteOffset;
  }
}
