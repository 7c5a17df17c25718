// Writing CSV that spreadsheets open safely: RFC 4180 quoting, UTF-8 with a byte-order mark (so
// Excel reads accents right), CRLF line ends, and text cells that a spreadsheet would run as a
// formula (starting with = + - @, or a tab or carriage return) prefixed with an apostrophe.
// Numbers are written as numbers, so a negative amount stays a number. Streams to the file in
// blocks, so a million rows never sit in memory.
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { csvLine } from '#shared/export/csv.ts';
import type { CsvValue } from '#shared/export/csv.ts';

// One escaping rule for every CSV the app writes (shared/export/csv.ts); this file adds streaming.

/**
 * A CSV file written through a temporary name and renamed when closed, so a failed export never
 * leaves half a file where the user asked for one.
 */
export class CsvFileWriter {
  private readonly fd: number;
  private readonly path: string;
  private readonly temp: string;
  private buffer = '';
  rows = 0;

  constructor(path: string, header: readonly string[]) {
    this.path = path;
    this.temp = `${path}.part`;
    this.fd = openSync(this.temp, 'w');
    this.buffer = `\ufeff${csvLine(header)}`;
  }

  row(values: readonly CsvValue[]): void {
    this.buffer += csvLine(values);
    this.rows++;
    if (this.buffer.length > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer, null, 'utf8');
    this.buffer = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(this.temp, this.path);
  }

  abort(): void {
    try {
      closeSync(this.fd);
    } finally {
      rmSync(this.temp, { force: true });
    }
  }
}
