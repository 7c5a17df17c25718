// The streamed read the bare baselines share: papaparse over the file in the importer's chunk size
// (256 KiB), the header skipped, each data row handed on as its fields. No decoding choices, no
// mapping, no validation: that is what makes it a baseline.
import { closeSync, openSync, readSync } from 'node:fs';
import Papa from 'papaparse';

export function forEachCsvRow(file: string, newline: '\n' | '\r\n', each: (fields: string[]) => void): void {
  const fd = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(256 << 10);
  const decoder = new TextDecoder('utf-8');
  const parser = new Papa.Parser({ delimiter: ',', newline, quoteChar: '"' });
  let carry = '';
  let header = true;
  const take = (data: string[][]) => {
    for (const fields of data) {
      if (header) header = false;
      else each(fields);
    }
  };
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) {
        const tail = carry + decoder.decode();
        if (tail) take((parser.parse(tail, 0, false) as { data: string[][] }).data);
        return;
      }
      const input = carry + decoder.decode(buffer.subarray(0, n), { stream: true });
      const r = parser.parse(input, 0, true) as { data: string[][]; meta: { cursor: number } };
      carry = input.substring(r.meta.cursor);
      take(r.data);
    }
  } finally {
    closeSync(fd);
  }
}
