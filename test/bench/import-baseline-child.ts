// The bare baseline the import benchmark compares with: papaparse parsing the same file in the
// same streamed chunks, and one prepared INSERT per row into deals, in one transaction. No
// mapping, no validation, no lookups, no change log. Prints its time and peak memory as JSON.
// Usage: node import-baseline-child.ts DB VERSION FILE
import { attachWorkspace } from '#core/db/connection.ts';
import { forEachCsvRow } from './stream-csv-rows.ts';

const [db, version, file] = process.argv.slice(2) as [string, string, string];
const started = performance.now();
const sqlite = attachWorkspace(db, Number(version));
const insert = sqlite.prepare(
  'INSERT INTO deals (external_id, name, amount, close_date, created_date, stage, outcome, region) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
);
let rows = 0;
sqlite.transaction(() => {
  forEachCsvRow(file, '\r\n', (f) => {
    if (f.length < 12) return;
    insert.run(f[0], f[1], Number(f[3]), f[4] || null, f[5], f[6], f[4] ? 'won' : 'open', f[11]);
    rows++;
  });
})();
sqlite.close();
process.stdout.write(
  `${JSON.stringify({ rows, seconds: (performance.now() - started) / 1000, maxRssKb: process.resourceUsage().maxRSS })}\n`,
);
