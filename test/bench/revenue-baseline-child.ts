// The bare baseline the revenue-import benchmark compares with: papaparse parsing the same file in
// the same streamed chunks, an account per new customer id (a Map), and one prepared INSERT per
// row into revenue_lines, in one transaction. No mapping, no validation, no month sums, no change
// log. Prints its time and peak memory as JSON. Usage: node revenue-baseline-child.ts DB VERSION FILE
import { attachWorkspace } from '#core/db/connection.ts';
import { forEachCsvRow } from './stream-csv-rows.ts';

const [db, version, file] = process.argv.slice(2) as [string, string, string];
const started = performance.now();
const sqlite = attachWorkspace(db, Number(version));
const account = sqlite.prepare('INSERT INTO accounts (external_id, name) VALUES (?, ?)');
const insert = sqlite.prepare('INSERT INTO revenue_lines (account_id, period, amount, kind) VALUES (?, ?, ?, ?)');
const ids = new Map<string, number>();
let rows = 0;
sqlite.transaction(() => {
  forEachCsvRow(file, '\n', (f) => {
    if (f.length < 4) return;
    let id = ids.get(f[0]!);
    if (id === undefined) ids.set(f[0]!, (id = Number(account.run(f[0], f[0]).lastInsertRowid)));
    insert.run(id, `${f[1]!.slice(0, 7)}-01`, Number(f[3]), 'invoice');
    rows++;
  });
})();
sqlite.close();
process.stdout.write(
  `${JSON.stringify({ rows, seconds: (performance.now() - started) / 1000, maxRssKb: process.resourceUsage().maxRSS })}\n`,
);
