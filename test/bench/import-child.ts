// The import as the app's job worker runs it (its own connection, no drizzle), in a process of its
// own so its time and peak memory are its alone. Prints the result as JSON.
// Usage: node import-child.ts DB VERSION FILE MAPPING_JSON [KIND]
import type { ImportKindId } from '#shared/domain/import-mapping.ts';
import { attachWorkspace } from '#core/db/connection.ts';
import { runImport } from '#core/import/run-import.ts';

const [db, version, file, mapping, kind = 'deals'] = process.argv.slice(2) as [string, string, string, string, string?];
const started = performance.now();
const sqlite = attachWorkspace(db, Number(version));
const result = runImport(sqlite, {
  files: [{ kind: kind as ImportKindId, path: file, mapping: JSON.parse(mapping) }],
  mode: 'commit',
  onProblems: 'all_or_nothing',
  sourceName: 'bench',
  mappingName: null,
  rejectedDir: null,
});
sqlite.close();
process.stdout.write(
  `${JSON.stringify({
    totals: result.totals,
    committed: result.committed,
    seconds: (performance.now() - started) / 1000,
    maxRssKb: process.resourceUsage().maxRSS,
  })}\n`,
);
