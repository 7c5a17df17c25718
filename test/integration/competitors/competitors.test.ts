// Competitors: encounters and win rates (n, interval, head-to-head), edits and aliases, and a
// merge that moves deals, ratings and aliases and can be undone exactly.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '#shared/domain/settings.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { addAlias, createCompetitor, removeAlias, updateCompetitor } from '#core/competitors/competitor-edit.ts';
import { mergeCompetitors, undoMerge } from '#core/competitors/competitor-merge.ts';
import { getCompetitor, listCompetitors, listMerges } from '#core/competitors/competitors-queries.ts';
import { insertDeals } from '../../support/insert.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

describe('competitors', () => {
  let ws: Workspace;
  let cleanup: () => void;
  let acme: number;
  let bright: number;
  beforeEach(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    acme = createCompetitor(ws.sqlite, { name: 'Acme' });
    bright = createCompetitor(ws.sqlite, { name: 'Brightline' });
    insertDeals(ws.sqlite, [
      { outcome: 'won', closeDate: '2025-01-15', competitors: ['Acme'] },
      { outcome: 'lost', closeDate: '2025-02-10', competitors: ['Acme', 'Brightline'] },
      { outcome: 'won', closeDate: '2025-04-05', competitors: ['Brightline', 'Acme'] },
      { outcome: 'no_decision', closeDate: '2025-03-01', competitors: ['Acme'] },
      { outcome: 'open', competitors: ['Acme'] },
      { outcome: 'lost', closeDate: '2025-03-20', competitors: ['Brightline'] },
    ]);
  });
  afterEach(() => cleanup());

  const links = () =>
    ws.sqlite
      .prepare(
        'SELECT deal_id, competitor_id, is_primary, strengths, weaknesses FROM deal_competitors ORDER BY deal_id, competitor_id',
      )
      .all();

  it('lists encounters and our win rate against each, with n, the Wilson interval and head-to-head', () => {
    const [a, b] = listCompetitors(ws.sqlite, DEFAULT_SETTINGS);
    // Acme: deals 1-5; closed 1 (won), 2 (lost), 3 (won), 4 (no decision) -> 2 of 4; primary on 1, 2, 4, 5.
    expect(a).toMatchObject({ name: 'Acme', encounters: 5, closed: 4, won: 2, aliases: 1, lastMet: '2025-04-05' });
    expect(a!.winRate).toMatchObject({ hits: 2, n: 4, rate: 0.5, confidence: 'hidden' });
    expect(a!.winRate.low).toBeCloseTo(0.15, 2);
    expect(a!.winRate.high).toBeCloseTo(0.85, 2);
    expect(a!.headToHead).toMatchObject({ hits: 1, n: 3 });
    // Brightline: deals 2, 3, 6 -> 1 won of 3 closed (Wilson 0.0615 to 0.7923).
    expect(b).toMatchObject({ name: 'Brightline', encounters: 3, closed: 3, won: 1 });
    expect(b!.winRate.low).toBeCloseTo(0.0615, 3);
    expect(b!.winRate.high).toBeCloseTo(0.7923, 3);
    expect(b!.headToHead).toMatchObject({ hits: 1, n: 2 });
  });

  it('renames (keeping the old spelling), edits notes, adds and removes aliases with clear refusals', () => {
    updateCompetitor(ws.sqlite, {
      id: acme,
      name: 'Acme Analytics',
      notes: 'Bundles BI into its suite.',
      website: 'acme.example',
    });
    addAlias(ws.sqlite, acme, 'Acme BI');
    const detail = getCompetitor(ws.sqlite, acme, DEFAULT_SETTINGS);
    expect(detail).toMatchObject({
      name: 'Acme Analytics',
      notes: 'Bundles BI into its suite.',
      website: 'acme.example',
      hasNotes: true,
    });
    expect(detail.aliasList.map((a) => [a.alias, a.key, a.isName])).toEqual([
      ['Acme', 'acme', false],
      ['Acme Analytics', 'acmeanalytics', true],
      ['Acme BI', 'acmebi', false],
    ]);
    expect(() => addAlias(ws.sqlite, acme, 'ACME Corp.')).toThrow(
      '“ACME Corp.” already means this competitor (it matches an existing spelling).',
    );
    expect(() => addAlias(ws.sqlite, acme, 'acme inc')).toThrow(
      '“acme inc” already means this competitor (it matches an existing spelling).',
    );
    expect(() => addAlias(ws.sqlite, acme, 'BrightLine Ltd')).toThrow(
      '“BrightLine Ltd” is a spelling of Brightline; merge the two competitors instead.',
    );
    expect(() => createCompetitor(ws.sqlite, { name: 'brightline' })).toThrow(
      'There is already a competitor called “brightline”.',
    );
    expect(() => removeAlias(ws.sqlite, detail.aliasList[1]!.id)).toThrow(
      'This spelling is Acme Analytics’s own name; rename the competitor to change it.',
    );
    removeAlias(ws.sqlite, detail.aliasList[0]!.id);
    expect(getCompetitor(ws.sqlite, acme, DEFAULT_SETTINGS).aliasList.map((a) => a.alias)).toEqual([
      'Acme Analytics',
      'Acme BI',
    ]);
  });

  it('merges: deals follow (combined where both were on a deal), aliases and ratings move; undo restores exactly', () => {
    ws.sqlite
      .prepare("UPDATE deal_competitors SET strengths = 'Price' WHERE deal_id = 2 AND competitor_id = ?")
      .run(bright);
    ws.sqlite
      .prepare("UPDATE deal_competitors SET strengths = 'Reports' WHERE deal_id = 2 AND competitor_id = ?")
      .run(acme);
    ws.sqlite.prepare('UPDATE deals SET lost_to_competitor_id = ? WHERE id = 6').run(bright);
    ws.sqlite.prepare("INSERT INTO interviews (id, deal_id, status) VALUES (1, 2, 'complete')").run();
    ws.sqlite
      .prepare(
        'INSERT INTO interview_ratings (id, interview_id, criterion_id, competitor_id, rating) VALUES (1, 1, 1, ?, 4), (2, 1, 1, ?, 2), (3, 1, 2, ?, 5)',
      )
      .run(acme, bright, bright);
    const before = { links: links(), ratings: ws.sqlite.prepare('SELECT * FROM interview_ratings ORDER BY id').all() };

    const mergeId = mergeCompetitors(ws.sqlite, bright, acme);
    expect(links()).toEqual([
      { deal_id: 1, competitor_id: acme, is_primary: 1, strengths: null, weaknesses: null },
      { deal_id: 2, competitor_id: acme, is_primary: 1, strengths: 'Reports; Price', weaknesses: null },
      { deal_id: 3, competitor_id: acme, is_primary: 1, strengths: null, weaknesses: null },
      { deal_id: 4, competitor_id: acme, is_primary: 1, strengths: null, weaknesses: null },
      { deal_id: 5, competitor_id: acme, is_primary: 1, strengths: null, weaknesses: null },
      { deal_id: 6, competitor_id: acme, is_primary: 1, strengths: null, weaknesses: null },
    ]);
    expect(ws.sqlite.prepare('SELECT lost_to_competitor_id AS id FROM deals WHERE id = 6').get()).toEqual({ id: acme });
    expect(ws.sqlite.prepare('SELECT id, competitor_id AS c, rating FROM interview_ratings ORDER BY id').all()).toEqual(
      [
        { id: 1, c: acme, rating: 4 },
        { id: 3, c: acme, rating: 5 },
      ],
    );
    const merged = getCompetitor(ws.sqlite, acme, DEFAULT_SETTINGS);
    expect(merged).toMatchObject({ encounters: 6, closed: 5, won: 2 });
    expect(merged.aliasList.map((a) => a.alias)).toEqual(['Acme', 'Brightline']);
    expect(listMerges(ws.sqlite)).toMatchObject([
      { id: mergeId, fromName: 'Brightline', intoName: 'Acme', deals: 3, undoneAt: null },
    ]);
    expect(() => getCompetitor(ws.sqlite, bright, DEFAULT_SETTINGS)).toThrow('no longer exists');

    expect(undoMerge(ws.sqlite, mergeId)).toBe(bright);
    expect(links()).toEqual(before.links);
    expect(ws.sqlite.prepare('SELECT * FROM interview_ratings ORDER BY id').all()).toEqual(before.ratings);
    expect(ws.sqlite.prepare('SELECT lost_to_competitor_id AS id FROM deals WHERE id = 6').get()).toEqual({
      id: bright,
    });
    expect(getCompetitor(ws.sqlite, bright, DEFAULT_SETTINGS).aliasList.map((a) => a.alias)).toEqual(['Brightline']);
    expect(() => undoMerge(ws.sqlite, mergeId)).toThrow('That merge was already undone.');
    expect(() => mergeCompetitors(ws.sqlite, acme, acme)).toThrow('Choose two different competitors to merge.');
  });
});
