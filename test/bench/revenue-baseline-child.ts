// The bare baseline the revenue-import benchmark compares with: papaparse parsing the same file in
// the same streamed chunks, an account per new customer id (a Map), and one prepared INSERT per
// row into revenue_lines, in one transaction. No mapping, no validation, no month sums, no change
// log. Prints its time and peak memory as JSON. Usage: node revenue-baseline-child.ts DB VERSION FILE
import { closeSync, openSync, readSync } from 'node:fs';
import Papa from 'papaparse';
import { attachWorkspace } from '#core/db/connection.ts';

const [db, version, file] = process.argv.slice(2) as [string, string, string];
const started = performance.now();
const sqlite = attachWorkspace(db, Number(version));
const account = sqlite.prepare('INSERT INTO accounts (external_id, name) VALUES (?, ?)');
const insert = sqlite.prepare('INSERT INTO revenue_lines (account_id, period, amount, kind) VALUES (?, ?, ?, ?)');
const ids = new Map<string, number>();
let rows = 0;
sqlite.transaction(() => {
  const fd = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(256 << 10); // the importer's chunk size
  const decoder = new TextDecoder('utf-8');
  const parser = new Papa.Parser({ delimiter: ',', newline: '\n', quoteChar: '"' });
  let carry = '';
  let header = true;
  const take = (data: string[][]) => {
    for (const f of data) {
      if (header) {
        header = false;
        continue;
      }
      if (f.length < 4) continue;
      let id = ids.get(f[0]!);
      if (id === undefined) ids.set(f[0]!, (id = Number(account.run(f[0], f[0]).lastInsertRowid)));
      insert.run(id, `${f[1]!.slice(0, 7)}-01`, Number(f[3]), 'invoice');
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
