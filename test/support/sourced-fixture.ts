// The hand-computed sourced/attribution file set (test/fixtures/sourced/): deals, then the leads
// converted into them, then campaign touches, through the real importer.
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { importFiles } from './import.ts';

const file = (name: string) => fileURLToPath(new URL(`../fixtures/sourced/${name}`, import.meta.url));

export function importSourcedFixture(sqlite: Database.Database): void {
  for (const [kind, name] of [
    ['deals', 'deals.csv'],
    ['leads', 'leads.csv'],
    ['touches', 'touches.csv'],
  ] as const) {
    const r = importFiles(sqlite, [{ kind, file: file(name) }]);
    if (!r.committed) throw new Error(`sourced fixture: ${name} did not import: ${JSON.stringify(r).slice(0, 500)}`);
  }
}
