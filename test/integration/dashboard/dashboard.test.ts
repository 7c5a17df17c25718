// The dashboard's figures on a literal dataset where each one is computed by hand.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboardSummary } from '#core/dashboard/dashboard-queries.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { readSettings, updateSettings } from '#core/settings/settings-store.ts';
import { wilson } from '#shared/analytics/wilson.ts';
import { insertDeals } from '../../support/insert.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

describe('dashboard summary', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    insertDeals(ws.sqlite, [
      { name: 'A', outcome: 'won', amount: 100, competitors: ['Acme'] },
      { name: 'B', outcome: 'lost', amount: 300, competitors: ['Acme', 'Brightline'] },
      { name: 'C', outcome: 'no_decision', amount: 50 },
      { name: 'D', outcome: 'open', amount: 1000, competitors: ['Brightline'] },
      { name: 'E', outcome: 'won', amount: 200, dealType: 'renewal' },
      { name: 'F', outcome: 'lost', amount: 0, closeDate: '2025-01-15', competitors: ['Brightline'] },
    ]);
  });
  afterEach(() => cleanup());

  it('counts outcomes and computes the new-business win rate with its Wilson interval', () => {
    const s = dashboardSummary(ws.sqlite, readSettings(ws.sqlite));
    expect(s.dealsTotal).toBe(6);
    expect(s.outcomes).toEqual([
      { outcome: 'open', deals: 1, amount: 1000 },
      { outcome: 'won', deals: 2, amount: 300 },
      { outcome: 'lost', deals: 2, amount: 300 },
      { outcome: 'no_decision', deals: 1, amount: 50 },
    ]);
    // New business closed: A, B, C, F; won: A.
    expect(s.winRate).toMatchObject({ hits: 1, n: 4, rate: 0.25, confidence: 'hidden' });
    expect(s.winRate.low).toBeCloseTo(wilson(1, 4)!.low, 12);
    // All types add E (won renewal): 2 of 5.
    expect(s.winRateAllTypes).toMatchObject({ hits: 2, n: 5, rate: 0.4, confidence: 'low' });
    // By amount: 100 / (100 + 300 + 50 + 0).
    expect(s.winRateByAmount.rate).toBeCloseTo(100 / 450, 12);
    expect(s.firstCloseDate).toBe('2025-01-15');
  });

  it('counts each competitor once per deal; open deals are encounters but not closed', () => {
    const s = dashboardSummary(ws.sqlite, readSettings(ws.sqlite));
    const byName = Object.fromEntries(s.topCompetitors.map((c) => [c.name, c]));
    expect(byName.Brightline).toMatchObject({ encounters: 3, closed: 2, winRate: { hits: 0, n: 2 } });
    expect(byName.Acme).toMatchObject({ encounters: 2, closed: 2, winRate: { hits: 1, n: 2 } });
    expect(s.topCompetitors.map((c) => c.name)).toEqual(['Brightline', 'Acme']);
  });

  it('groups the trend by close quarter', () => {
    const s = dashboardSummary(ws.sqlite, readSettings(ws.sqlite));
    expect(s.winRateByQuarter.map((q) => [q.period, q.winRate.hits, q.winRate.n])).toEqual([
      ['2025-Q1', 0, 1],
      ['2025-Q2', 1, 3],
    ]);
  });

  it('leaves no-decision deals out of "closed" when the setting says so', () => {
    const settings = updateSettings(ws.sqlite, { includeNoDecision: false });
    const s = dashboardSummary(ws.sqlite, settings);
    expect(s.includeNoDecision).toBe(false);
    expect(s.winRate).toMatchObject({ hits: 1, n: 3 });
    expect(s.winRateByAmount.closedAmount).toBe(400);
  });

  it('is all zeros, not errors, on an empty workspace', async () => {
    const empty = await tempWorkspace();
    const s = dashboardSummary(empty.ws.sqlite, readSettings(empty.ws.sqlite));
    expect(s.dealsTotal).toBe(0);
    expect(s.winRate).toMatchObject({ hits: 0, n: 0, rate: null, low: null, confidence: 'hidden' });
    expect(s.lastImport).toBeNull();
    expect(s.topCompetitors).toEqual([]);
    empty.cleanup();
  });
});

describe('dashboard queries on indexes', () => {
  it('read deal counts and the trend from the (deal_type, outcome, close_date, amount) index, never the table', async () => {
    const { ws, cleanup } = await tempWorkspace();
    const plan = (sql: string) =>
      (ws.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT deal_type, outcome, count(*), total(amount) FROM deals GROUP BY deal_type, outcome')).toMatch(
      /COVERING INDEX deals_type_outcome_close/,
    );
    expect(
      plan(
        "SELECT substr(close_date, 1, 7) AS month, count(*) FROM deals WHERE deal_type = 'new_business' AND outcome IN ('won','lost') GROUP BY month",
      ),
    ).toMatch(/COVERING INDEX deals_type_outcome_close \(deal_type=\? AND outcome=\?\)/);
    cleanup();
  });

  it('folds months into quarters in order', async () => {
    const { monthsToQuarters } = await import('#core/dashboard/dashboard-queries.ts');
    expect(
      monthsToQuarters([
        { month: '2025-01', won: 1, closed: 2 },
        { month: '2025-03', won: 0, closed: 1 },
        { month: '2025-04', won: 2, closed: 2 },
      ]),
    ).toEqual([
      { period: '2025-Q1', won: 1, closed: 3 },
      { period: '2025-Q2', won: 2, closed: 2 },
    ]);
  });
});
