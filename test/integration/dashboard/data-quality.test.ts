// The data-quality note and what its links list: counts computed by hand on a literal dataset,
// real migrations, real SQL, real imports.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataQuality } from '#core/dashboard/data-quality.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { listDeals } from '#core/deals/deals-queries.ts';
import { DEFAULT_DEAL_SORT } from '#shared/domain/deals.ts';
import type { DealFilter } from '#shared/domain/deals.ts';
import { importFiles } from '../../support/import.ts';
import { insertDeals } from '../../support/insert.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

let ws: Workspace;
let dir: string;
let cleanup: () => void;

beforeEach(async () => {
  ({ ws, dir, cleanup } = await tempWorkspace());
  insertDeals(ws.sqlite, [
    { name: 'Lost zero', outcome: 'lost', amount: 0 },
    { name: 'Lost blank', outcome: 'lost' },
    { name: 'Lost priced', outcome: 'lost', amount: 4000 },
    { name: 'Won blank', outcome: 'won' },
    { name: 'Open zero', outcome: 'open', amount: 0 },
  ]);
});
afterEach(() => cleanup());

const names = (filter: DealFilter) =>
  listDeals(ws.sqlite, filter, DEFAULT_DEAL_SORT, 0, 100)
    .rows.map((r) => r.name)
    .sort();

describe('data quality', () => {
  it('counts lost deals with no amount (0 or blank) and lists exactly them', () => {
    // Lost: zero, blank, priced -> 3 lost, 2 with no amount. Won blank and open zero are not lost.
    expect(dataQuality(ws.sqlite)).toEqual({ lostDeals: 3, lostZeroAmount: 2, noDealType: 0 });
    expect(names({ outcomes: ['lost'], noAmount: true })).toEqual(['Lost blank', 'Lost zero']);
    expect(names({ noAmount: true })).toEqual(['Lost blank', 'Lost zero', 'Open zero', 'Won blank']);
  });

  it('marks deals a CSV import gave no deal type, and clears the mark when a later file gives one', () => {
    const csv = join(dir, 'deals.csv');
    writeFileSync(
      csv,
      'Opportunity ID,Opportunity Name,Amount,Stage,Close Date,Type\n' +
        'X-1,Typed,100,Closed Won,2026-01-05,Renewal\n' +
        'X-2,Untyped,200,Closed Lost,2026-01-06,\n' +
        'X-3,Also untyped,0,Closed Lost,2026-01-07,\n',
    );
    importFiles(ws.sqlite, [{ file: csv }]);
    // Before: 3 lost (2 with no amount); the import adds Untyped (200) and Also untyped (0).
    expect(dataQuality(ws.sqlite)).toEqual({ lostDeals: 5, lostZeroAmount: 3, noDealType: 2 });
    expect(names({ dealTypeAssumed: true })).toEqual(['Also untyped', 'Untyped']);
    const types = ws.sqlite
      .prepare("SELECT name, deal_type AS t FROM deals WHERE external_id LIKE 'X-%' ORDER BY external_id")
      .all();
    expect(types).toEqual([
      { name: 'Typed', t: 'renewal' },
      { name: 'Untyped', t: 'new_business' },
      { name: 'Also untyped', t: 'new_business' },
    ]);

    writeFileSync(
      csv,
      'Opportunity ID,Opportunity Name,Stage,Close Date,Type\n' +
        'X-2,Untyped,Closed Lost,2026-01-06,Expansion\n' +
        'X-3,Also untyped,Closed Lost,2026-01-07,\n',
    );
    importFiles(ws.sqlite, [{ file: csv }]);
    expect(names({ dealTypeAssumed: true })).toEqual(['Also untyped']);
    expect(dataQuality(ws.sqlite).noDealType).toBe(1);
  });
});
