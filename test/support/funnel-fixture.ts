// The hand-computed funnel fixture (test/fixtures/funnel/, counted in
// test/integration/funnel/funnel.test.ts) imported into a workspace, as the importer does.
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { importFiles } from './import.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/funnel/${name}`, import.meta.url));

export function importFunnelFixture(sqlite: Database.Database): void {
  for (const files of [
    [{ kind: 'deals' as const, file: fixture('deals.csv') }],
    [{ kind: 'stage_history' as const, file: fixture('stage-history.csv') }],
    [
      { kind: 'leads' as const, file: fixture('leads.csv') },
      { kind: 'touches' as const, file: fixture('touches.csv') },
    ],
  ]) {
    const r = importFiles(sqlite, files);
    if (!r.committed) throw new Error(`The funnel fixture did not import: ${JSON.stringify(r)}`);
  }
}
