// Runs one import in a child process, the way a job worker does (its own connection, no drizzle):
// tests give it a small heap to prove streaming, or kill it mid-import to prove a crash leaves
// the workspace as it was. Usage: node import-child.ts DB VERSION FILE MAPPING_JSON
import { attachWorkspace } from '#core/db/connection.ts';
import { runImport } from '#core/import/run-import.ts';

const [db, version, file, mapping] = process.argv.slice(2) as [string, string, string, string];
const sqlite = attachWorkspace(db, Number(version));
const result = runImport(
  sqlite,
  {
    files: [{ kind: 'deals', path: file, mapping: JSON.parse(mapping) }],
    mode: 'commit',
    onProblems: 'all_or_nothing',
    sourceName: 'child',
    mappingName: null,
    rejectedDir: null,
  },
  { progress: (done) => process.stdout.write(`progress ${done}\n`) },
);
process.stdout.write(`${JSON.stringify({ totals: result.totals, committed: result.committed })}\n`);
sqlite.close();
