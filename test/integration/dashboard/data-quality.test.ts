// The data-quality note and what it links to, and what careful users rely on for interviews:
// counts computed by hand on a literal dataset, real migrations, real SQL.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataQuality } from '#core/dashboard/data-quality.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { listDeals } from '#core/deals/deals-queries.ts';
import { listDrafts, listInterviews } from '#core/interviews/interview-list.ts';
import { blankInterview } from '#core/interviews/interview-store.ts';
import { DEFAULT_DEAL_SORT } from '#shared/domain/deals.ts';
import type { DealFilter } from '#shared/domain/deals.ts';
import { importFiles } from '../../support/import.ts';
import { insertDeals } from '../../support/insert.ts';
import { insertInterviews } from '../../support/insert-interviews.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

let ws: Workspace;
let dir: string;
let cleanup: () => void;
let ids: number[];

beforeEach(async () => {
  ({ ws, dir, cleanup } = await tempWorkspace());
  ids = insertDeals(ws.sqlite, [
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

describe('interviews', () => {
  it('never carries an anonymous interviewee’s name in the list or the drafts', () => {
    insertInterviews(ws.sqlite, [
      { dealId: ids[0]!, status: 'complete', name: 'Jane Secret', title: 'CFO', anonymous: true, statement: 'Too dear' },
      { dealId: ids[1]!, status: 'draft', name: 'Draft Secret', title: 'Buyer', anonymous: true },
      { dealId: ids[2]!, status: 'draft', name: 'Open Name', title: 'CTO' },
    ]);
    const list = listInterviews(ws.sqlite, { filters: {}, sort: 'date', dir: 'desc', offset: 0, limit: 100 });
    const rows = list.rows.map((r) => JSON.stringify([r.intervieweeName, r.anonymous])).sort();
    expect(rows).toEqual(['["Open Name",false]', '[null,true]', '[null,true]']);
    const drafts = listDrafts(ws.sqlite, 20)
      .drafts.map((d) => JSON.stringify([d.intervieweeName, d.intervieweeTitle]))
      .sort();
    expect(drafts).toEqual(['["Open Name","CTO"]', '[null,"Buyer"]']);
    expect(JSON.stringify(list) + JSON.stringify(drafts)).not.toContain('Secret');
  });

  it('starts a new interview without storing anything', () => {
    const before = ws.sqlite.prepare('SELECT count(*) AS n FROM interviews').get();
    const blank = blankInterview(ws.sqlite, ids[0]!, '2026-02-01');
    expect(blank.deal.name).toBe('Lost zero');
    expect(blank.draft.interviewDate).toBe('2026-02-01');
    expect(blank.draft.guideId).not.toBeNull(); // the default guide for lost deals
    expect(blank.missing.map((m) => m.path)).toContain('intervieweeRole');
    expect(ws.sqlite.prepare('SELECT count(*) AS n FROM interviews').get()).toEqual(before);
  });
});
