// A competitor profile and the overview on the literal dataset (dataset.ts) plus a few interviews
// written here; every figure is worked out by hand in the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '#core/db/open-workspace.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import { overviewSummary } from '#core/win-rates/overview-queries.ts';
import { competitorProfile, findCompetitor, listCompetitors } from '#core/win-rates/profile-queries.ts';
import { aliasKey } from '#shared/domain/competitor-names.ts';
import type { Settings } from '#shared/domain/settings.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';
import { insertDataset } from './dataset.ts';

const r4 = (x: number | null) => (x === null ? null : Number(x.toFixed(4)));

describe('competitor profile', () => {
  let ws: Workspace;
  let cleanup: () => void;
  let settings: Settings;
  beforeAll(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    insertDataset(ws.sqlite);
    settings = readSettings(ws.sqlite);
    const id = (table: string, col: string, value: string) =>
      (ws.sqlite.prepare(`SELECT id FROM ${table} WHERE ${col} = ?`).get(value) as { id: number }).id;
    const fit = id('reasons', 'name', 'Product fit');
    const price = id('reasons', 'name', 'Price');
    const crit = id('rating_criteria', 'key', 'product_fit');
    ws.sqlite.exec(`
      -- Cycles: 30 days for every closed deal, 90 for deal 6.
      UPDATE deals SET created_date = date(close_date, '-30 days') WHERE close_date IS NOT NULL AND id <> 6;
      UPDATE deals SET created_date = '2025-04-02' WHERE id = 6;
      UPDATE deals SET rep_reason_text = 'Product fit' WHERE id = 1;
      UPDATE deals SET rep_reason_text = 'Price' WHERE id IN (2, 4);
      UPDATE deals SET lost_to_competitor_id = 2 WHERE id = 2;
      INSERT INTO competitor_aliases (competitor_id, alias, alias_key) VALUES (1, 'ACME Corp.', 'acme');
      INSERT INTO interviews (id, deal_id, status, interviewee_name, interviewee_role, interviewee_title, interview_date, anonymous)
        VALUES (1, 1, 'complete', 'Zed', 'champion', 'Head of Analytics', '2025-02-01', 1),
               (2, 2, 'complete', 'Yan', 'economic_buyer', 'CFO', '2025-03-01', 0),
               (3, 6, 'draft', NULL, 'user', NULL, '2025-07-20', 0),
               (4, 3, 'complete', NULL, 'user', NULL, '2025-04-20', 0);
      INSERT INTO interview_reasons (interview_id, reason_id, is_primary, driver)
        VALUES (1, ${fit}, 1, 'win'), (1, ${price}, 0, 'win'), (2, ${price}, 1, 'loss'), (3, ${price}, 1, 'loss');
      INSERT INTO interview_ratings (interview_id, criterion_id, competitor_id, rating)
        VALUES (1, ${crit}, NULL, 4), (1, ${crit}, 1, 3), (2, ${crit}, NULL, 2), (2, ${crit}, 1, 4), (2, ${crit}, 2, 5), (3, ${crit}, NULL, 1);
      INSERT INTO quotes (id, interview_id, text, sentiment, shareable, competitor_id)
        VALUES (1, 1, 'Acme was slower to answer our questions.', 'positive', 1, NULL),
               (2, 2, 'We went with them in the end.', 'negative', 0, 1),
               (3, 4, 'ACME never showed up; the other vendor did.', 'neutral', 1, NULL),
               (4, 4, 'Price was fine.', 'neutral', 1, NULL);`);
  });
  afterAll(() => cleanup());

  it('rates us against Acme involved, head-to-head, over time and by segment and region', () => {
    const p = competitorProfile(ws.sqlite, 1, settings);
    expect(p.name).toBe('Acme');
    expect(p.aliases).toEqual(['ACME Corp.']);
    // Deals 1 (won), 2 (lost), 4 (won), 8 (won); Acme is primary on all four.
    expect(p.encounters).toBe(4);
    expect([p.involved.hits, p.involved.n, r4(p.involved.low), r4(p.involved.high)]).toEqual([3, 4, 0.3006, 0.9544]);
    expect([p.headToHead.hits, p.headToHead.n]).toEqual([3, 4]);
    expect(p.overTime.map((t) => [t.period, t.involved.hits, t.involved.n])).toEqual([
      ['2025-Q1', 1, 2],
      ['2025-Q2', 1, 1],
      ['2025-Q3', 1, 1],
    ]);
    expect(p.bySegment.map((b) => [b.label, b.involved.hits, b.involved.n])).toEqual([
      ['Mid-market', 1, 1],
      ['SMB', 1, 2],
      ['Not set', 1, 1],
    ]);
    expect(p.byRegion.map((b) => [b.label, b.involved.hits, b.involved.n])).toEqual([
      ['EMEA', 2, 3],
      ['NA', 1, 1],
    ]);
    expect(p.lostToThem).toBe(0);
    expect(competitorProfile(ws.sqlite, 2, settings).lostToThem).toBe(1); // deal 2
  });

  it('compares deal size and cycle with the other competitors', () => {
    const p = competitorProfile(ws.sqlite, 1, settings);
    // Acme: amounts 100, 200, 0 (deal 8 has none) -> 100; cycles all 30 days.
    expect(p.sizeAndCycle.them).toEqual({ deals: 4, averageAmount: 100, averageCycleDays: 30 });
    // Deals with a competitor but not Acme: 3 (50, 30 days) and 6 (1000, 90 days).
    expect(p.sizeAndCycle.otherCompetitors).toEqual({ deals: 2, averageAmount: 525, averageCycleDays: 60 });
    // Bolt: deals 2, 3, 4, 6: amounts 200, 50, 0, 1000; cycles 30, 30, 30, 90.
    expect(p.sizeAndCycle.byCompetitor.find((c) => c.name === 'Bolt')).toEqual({
      id: 2,
      name: 'Bolt',
      deals: 4,
      averageAmount: 312.5,
      averageCycleDays: 45,
    });
  });

  it('lists why we win and lose from complete interviews and from the CRM, and ratings us vs them', () => {
    const p = competitorProfile(ws.sqlite, 1, settings);
    expect(p.interviewReasons.interviews).toBe(2); // interviews 1 and 2
    expect(p.interviewReasons.win).toEqual([
      { reason: 'Product fit', category: 'Product/Solution', count: 1, primary: 1 },
      { reason: 'Price', category: 'Price/Commercials', count: 1, primary: 0 },
    ]);
    expect(p.interviewReasons.loss).toEqual([{ reason: 'Price', category: 'Price/Commercials', count: 1, primary: 1 }]);
    expect(p.crmReasons.win.map((r) => [r.reason, r.count])).toEqual([
      ['Price', 1],
      ['Product fit', 1],
    ]);
    expect(p.crmReasons.loss.map((r) => [r.reason, r.count])).toEqual([['Price', 1]]);
    // Product fit: us (4 + 2) / 2, Acme (3 + 4) / 2; the draft interview and Bolt's rating are left out.
    expect(p.ratings).toEqual([{ criterion: 'Product fit', us: 3, usN: 2, them: 3.5, themN: 2 }]);
  });

  it('finds quotes that name them (any spelling) or are tagged with them, hiding anonymous names', () => {
    const p = competitorProfile(ws.sqlite, 1, settings);
    expect(p.quotes.map((q) => [q.id, q.speaker, q.shareable])).toEqual([
      [3, 'user', true],
      [2, 'CFO, Yan', false],
      [1, 'Head of Analytics', true],
    ]);
    expect(p.recentDeals.map((d) => d.id)).toEqual([8, 4, 2, 1]);
    expect(p.recentDeals[2]!.competitors).toBe('Acme, Bolt');
  });

  it('honours the close period and the no-decision setting', () => {
    const q1 = competitorProfile(ws.sqlite, 2, settings, { from: '2025-01-01', to: '2025-06-30' });
    expect([q1.involved.hits, q1.involved.n]).toEqual([1, 3]); // Bolt: 2, 3, 4
    const noNd = competitorProfile(ws.sqlite, 2, { ...settings, includeNoDecision: false });
    expect([noNd.involved.hits, noNd.involved.n]).toEqual([1, 3]); // deal 3 (no decision) leaves
  });

  it('lists competitors by encounters and finds one by name or alias', () => {
    expect(listCompetitors(ws.sqlite, settings).map((c) => [c.name, c.encounters, c.involved.n])).toEqual([
      ['Acme', 4, 4],
      ['Bolt', 4, 4],
      ['Crux', 1, 0],
    ]);
    const find = (name: string) => findCompetitor(ws.sqlite, name, aliasKey(name));
    expect(find('acme')).toEqual({ id: 1, name: 'Acme' });
    expect(find('Acme, Inc.')).toEqual({ id: 1, name: 'Acme' }); // key "acme", the alias of ACME Corp.
    expect(find('Nobody')).toBeNull();
    expect(() => competitorProfile(ws.sqlite, 99, settings)).toThrow('There is no competitor with id 99');
  });

  it('overview: win rate over time, no-decision share, competitors', () => {
    const all = overviewSummary(ws.sqlite, settings, {}, 'all');
    expect([all.overall.won, all.overall.closed]).toEqual([4, 8]);
    expect(all.winRateOverTime.map((p) => [p.period, p.won, p.closed])).toEqual([
      ['2025-Q1', 1, 2],
      ['2025-Q2', 2, 3],
      ['2025-Q3', 1, 3],
    ]);
    // One no-decision (deal 3) of 8 ended deals; in Q2 one of three.
    expect([all.noDecisionShare.hits, all.noDecisionShare.n]).toEqual([1, 8]);
    expect(all.noDecisionOverTime.map((p) => [p.period, p.share.hits, p.share.n])).toEqual([
      ['2025-Q1', 0, 2],
      ['2025-Q2', 1, 3],
      ['2025-Q3', 0, 3],
    ]);
    expect(all.moversB).toEqual({ from: '2024-10-01', to: '2025-09-30' });
    expect(all.movers).toEqual([]); // nothing closed in the year before: no change to report
    // New business leaves the renewal (deal 5) out.
    const nb = overviewSummary(ws.sqlite, settings);
    expect([nb.overall.won, nb.overall.closed]).toEqual([3, 7]);
    expect(nb.scope).toBe('newBusiness');
  });
});
