// The one list of competitors with win rates (competitor-rates.ts) gives the figures the two lists
// it replaced gave, on the demo data: the Competitors list (which joined every link to its deal)
// and the profile's list (copies on deal_competitors), with and without no decision counted as
// closed, for a period and for new business only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { competitorCounts } from '#core/competitors/competitor-rates.ts';
import { listCompetitors } from '#core/competitors/competitors-queries.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import { DEFAULT_SETTINGS } from '#shared/domain/settings.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

/** The Competitors list's SQL before this change, verbatim but for the settings' text. */
function joinedCounts(sqlite: Database.Database, closedList: string) {
  return sqlite
    .prepare(
      `SELECT c.id, c.name, count(d.id) AS encounters,
              count(d.id) FILTER (WHERE d.outcome IN ${closedList}) AS closed,
              count(d.id) FILTER (WHERE d.outcome = 'won') AS won,
              count(d.id) FILTER (WHERE d.outcome IN ${closedList} AND dc.is_primary = 1) AS h2hClosed,
              count(d.id) FILTER (WHERE d.outcome = 'won' AND dc.is_primary = 1) AS h2hWon,
              max(d.close_date) AS lastCloseDate
         FROM competitors c LEFT JOIN deal_competitors dc ON dc.competitor_id = c.id LEFT JOIN deals d ON d.id = dc.deal_id
        GROUP BY c.id ORDER BY encounters DESC, c.name COLLATE NOCASE`,
    )
    .all();
}

/** The overview's list before this change (period and deal type on the copies). */
function copiedCounts(sqlite: Database.Database, closedList: string, from: string, to: string, dealType: string) {
  return sqlite
    .prepare(
      `SELECT c.id, c.name, count(dc.competitor_id) AS encounters,
              count(*) FILTER (WHERE dc.deal_outcome IN ${closedList}) AS closed, count(*) FILTER (WHERE dc.deal_outcome = 'won') AS won,
              count(*) FILTER (WHERE dc.deal_outcome IN ${closedList} AND dc.is_primary = 1) AS h2hClosed,
              count(*) FILTER (WHERE dc.deal_outcome = 'won' AND dc.is_primary = 1) AS h2hWon,
              max(dc.deal_close_date) AS lastCloseDate
         FROM competitors c LEFT JOIN deal_competitors dc ON dc.competitor_id = c.id
              AND dc.deal_close_date >= ? AND dc.deal_close_date <= ? AND dc.deal_type = ?
        GROUP BY c.id ORDER BY encounters DESC, c.name COLLATE NOCASE`,
    )
    .all(from, to, dealType);
}

describe('one list of competitors with win rates', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    loadDemo(ws.sqlite, { deals: 6_000, seed: 11 });
  });
  afterAll(() => cleanup());

  for (const includeNoDecision of [false, true]) {
    const settings = { ...DEFAULT_SETTINGS, includeNoDecision };
    const list = includeNoDecision ? "('won','lost','no_decision')" : "('won','lost')";
    it(`gives the Competitors list's figures (no decision ${includeNoDecision ? 'in' : 'out'})`, () => {
      const before = joinedCounts(ws.sqlite, list);
      expect(before.length).toBeGreaterThan(3);
      expect(competitorCounts(ws.sqlite, settings)).toEqual(before);
      const rows = listCompetitors(ws.sqlite, settings);
      expect(rows.map((r) => [r.id, r.encounters, r.closed, r.won, r.lastMet])).toEqual(
        before.map((r) => {
          const b = r as { id: number; encounters: number; closed: number; won: number; lastCloseDate: string };
          return [b.id, b.encounters, b.closed, b.won, b.lastCloseDate];
        }),
      );
    });
    it(`gives the overview's figures for a period of new business (no decision ${includeNoDecision ? 'in' : 'out'})`, () => {
      const period = { from: '2024-01-01', to: '2025-06-30' };
      expect(competitorCounts(ws.sqlite, settings, { period, dealType: 'new_business' })).toEqual(
        copiedCounts(ws.sqlite, list, period.from, period.to, 'new_business'),
      );
    });
    it(`gives one competitor's row alone (no decision ${includeNoDecision ? 'in' : 'out'})`, () => {
      const all = competitorCounts(ws.sqlite, settings);
      for (const r of all.slice(0, 3)) expect(competitorCounts(ws.sqlite, settings, { id: r.id })).toEqual([r]);
    });
  }
});
