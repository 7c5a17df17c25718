// Home's competitive win rate (docs/METRICS.md#home-revenue-first): won / closed over closed
// new-business deals with at least one competitor recorded. By hand: D1 won (Acme), D2 lost (Brio),
// D3 no decision (Acme, Brio) are in; D4 won without a competitor, D5 open with one and D6 an
// expansion won with one are out: 1 of 3 = 33.3%. Without no decision as closed: 1 of 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '#shared/domain/settings.ts';
import { dashboardSummary } from '#core/dashboard/dashboard-queries.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { insertDeals } from '../../support/insert.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

describe('competitive win rate on Home', () => {
  let ws: Workspace;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    insertDeals(ws.sqlite, [
      { outcome: 'won', competitors: ['Acme'] },
      { outcome: 'lost', competitors: ['Brio'] },
      { outcome: 'no_decision', competitors: ['Acme', 'Brio'] },
      { outcome: 'won' },
      { outcome: 'open', competitors: ['Acme'] },
      { outcome: 'won', dealType: 'expansion', competitors: ['Acme'] },
    ]);
  });
  afterAll(() => cleanup());

  it('counts closed new business with a competitor, under the no-decision setting', () => {
    const s = dashboardSummary(ws.sqlite, DEFAULT_SETTINGS);
    expect(s.competitiveWinRate).toMatchObject({ hits: 1, n: 3 });
    expect(s.competitiveWinRate.rate).toBeCloseTo(1 / 3, 12);
    expect(s.leadsTotal).toBe(0);
    const without = dashboardSummary(ws.sqlite, { ...DEFAULT_SETTINGS, includeNoDecision: false });
    expect(without.competitiveWinRate).toMatchObject({ hits: 1, n: 2, rate: 0.5 });
  });
});
