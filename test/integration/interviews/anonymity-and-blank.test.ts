// What careful interviewers rely on: an anonymous interviewee's name never reaches a list, and
// opening the form on a deal stores nothing. Real migrations, real SQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { listDrafts, listInterviews } from '#core/interviews/interview-list.ts';
import { blankInterview } from '#core/interviews/interview-store.ts';
import { insertDeals } from '../../support/insert.ts';
import { insertInterviews } from '../../support/insert-interviews.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

let ws: Workspace;
let cleanup: () => void;
let ids: number[];

beforeEach(async () => {
  ({ ws, cleanup } = await tempWorkspace());
  ids = insertDeals(ws.sqlite, [
    { name: 'Lost zero', outcome: 'lost', amount: 0 },
    { name: 'Lost blank', outcome: 'lost' },
    { name: 'Lost priced', outcome: 'lost', amount: 4000 },
  ]);
});
afterEach(() => cleanup());

describe('interviews', () => {
  it('never carries an anonymous interviewee’s name in the list or the drafts', () => {
    insertInterviews(ws.sqlite, [
      {
        dealId: ids[0]!,
        status: 'complete',
        name: 'Jane Secret',
        title: 'CFO',
        anonymous: true,
        statement: 'Too dear',
      },
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
