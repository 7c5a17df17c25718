// The bare baseline the import benchmark compares with: papaparse parsing the same file in the
// same streamed chunks, and one prepared INSERT per row into deals, in one transaction. No
// mapping, no validation, no lookups, no change log. Prints its time and peak memory as JSON.
// Usage: node import-baseline-child.ts DB VERSION FILE
import { closeSync, openSync, readSync } from 'node:fs';
import Papa from 'papaparse';
import { attachWorkspace } from '#core/db/connection.ts';

const [db, version, file] = process.argv.slice(2) as [string, string, string];
const started = performance.now();
const sqlite = attachWorkspace(db, Number(version));
const insert = sqlite.prepare(
  'INSERT INTO deals (external_id, name, amount, close_date, created_date, stage, outcome, region) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
);
let rows = 0;
sqlite.transaction(() => {
  const fd = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(256 << 10); // the importer's chunk size
  const decoder = new TextDecoder('utf-8');
  const parser = new Papa.Parser({ delimiter: ',', newline: '\r\n', quoteChar: '"' });
  let carry = '';
  let header = true;
  const take = (data: string[][]) => {
    for (const f of data) {
      if (header) {
        header = false;
        continue;
      }
      if (f.length < 12) continue;
      insert.run(f[0], f[1], Number(f[3]), f[4] || null, f[5], f[6], f[4] ? 'won' : 'open', f[11]);
      rows++;
    }
  };
  for (;;) {
    const n = readSync(fd, buffer, 0, buffer.length, null);
    if (n === 0) {
      const tail = carry + decoder.decode();
      if (tail) take((parser.parse(tail, 0, false) as { data: string[][] }).data);
      break;
    }
    const input = carry + decoder.decode(buffer.subarray(0, n), { stream: true });
    const r = parser.parse(input, 0, true) as { data: string[][]; meta: { cursor: number } };
    carry = input.substring(r.meta.cursor);
    take(r.data);
  }
  closeSync(fd);
})();
sqlite.close();
process.stdout.write(
  `${JSON.stringify({ rows, seconds: (performance.now() - started) / 1000, maxRssKb: process.resourceUsage().maxRSS })}\n`,
);
