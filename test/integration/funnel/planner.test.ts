// The planner's pre-filled values on a hand-made history (test/support/planner-fixture.ts): real
// SQLite file, real migrations. Mature cohorts only for the rate; won new business for the size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computePlan } from '#shared/analytics/planner.ts';
import { planInputsSchema } from '#shared/domain/plans.ts';
import { DEFAULT_SETTINGS } from '#shared/domain/settings.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { maturityDays } from '#core/funnel/funnel-queries.ts';
import { deletePlan, listPlans, savePlan } from '#core/funnel/plan-store.ts';
import { planHistory } from '#core/funnel/planner-queries.ts';
import { insertPlannerHistory } from '../../support/planner-fixture.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

describe('planner history', () => {
  let ws: Workspace;
  let cleanup: () => void;
  const history = (q: { period?: string; from?: string; to?: string } = {}) =>
    planHistory(
      ws.sqlite,
      { period: q.period ?? null, from: q.from ?? null, to: q.to ?? null },
      DEFAULT_SETTINGS,
      '2026-12-06',
    );
  beforeAll(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    insertPlannerHistory(ws.sqlite);
  });
  afterAll(() => cleanup());

  it('pre-fills from the last four complete quarters, mature cohorts only', () => {
    expect(maturityDays(ws.sqlite)).toBe(66);
    const h = history();
    expect(h.asOf).toBe('2025-06-30');
    expect(h.window).toEqual({ from: '2024-07-01', to: '2025-06-30' });
    expect(h.matureTo).toBe('2025-03-31');
    expect(h.rate).toMatchObject({ hits: 3, n: 10, rate: 0.3 });
    expect(h.rate!.low).toBeCloseTo(0.10779, 5);
    expect(h.rate!.high).toBeCloseTo(0.60322, 5);
    expect(h.dealSize).toMatchObject({ n: 4, mean: 37_500 });
    expect(h.dealSize!.low).toBeCloseTo(6429.27, 1);
    expect(h.dealSize!.high).toBeCloseTo(218_726.2, 1);
    expect(h.runRate).toEqual({ from: '2025-04-01', to: '2025-06-30', mqls: 4, perMonth: 4 / 3 });
    expect(h.lag).toEqual({ days: 50, n: 5 });
    expect(h.period).toEqual({ label: '2025-Q3', from: '2025-07-01', to: '2025-09-30', months: 3 });
  });

  it('plans 750,000 for 2025-Q3 from that history', () => {
    const p = computePlan(history(), planInputsSchema.parse({ target: 750_000 }));
    // 750,000 / 37,500 = 20 deals / 30% = 66.7 → 67; range (750,000 / 218,726) / 60.3% → 6 to (750,000 / 6,429) / 10.8% → 1,083
    expect(p.needed).toBe(67);
    expect(p.range).toEqual({ low: 6, high: 1083 });
    expect(p.runRate).toMatchObject({ mqls: 4 });
    expect(p.gap).toBeCloseTo(63, 9);
    expect(p.arrive).toEqual({ from: '2025-05-12', to: '2025-08-11', lagDays: 50 });
  });

  it('follows a chosen window and period', () => {
    // 2024 only: mature MQLs W1 W2 W5 + 5 not won (07-15, 08-20, 09-30, 11-11, 12-24) = 8, won 3.
    const h = history({ from: '2024-01-01', to: '2024-12-31', period: '2026' });
    expect(h.rate).toMatchObject({ hits: 3, n: 8 });
    expect(h.dealSize).toMatchObject({ n: 3, mean: (10_000 + 20_000 + 1_000_000) / 3 });
    expect(h.period).toEqual({ label: '2026', from: '2026-01-01', to: '2026-12-31', months: 12 });
    // A window wholly after the last mature quarter has no rate to offer.
    expect(history({ from: '2025-04-01', to: '2025-06-30' }).rate).toBeNull();
    expect(() => history({ period: 'soon' })).toThrow(/name a year/);
  });

  it('saves plans by name, replaces on the same name, lists and deletes them', () => {
    const inputs = planInputsSchema.parse({ target: 750_000, period: '2025-Q3', rate: 0.25 });
    const a = savePlan(ws.sqlite, 'Q3 stretch', inputs);
    savePlan(ws.sqlite, 'Another', { ...inputs, target: 1_000 });
    savePlan(ws.sqlite, 'Q3 stretch', { ...inputs, target: 900_000 });
    expect(listPlans(ws.sqlite).map((p) => [p.name, p.inputs.target, p.inputs.rate])).toEqual([
      ['Another', 1_000, 0.25],
      ['Q3 stretch', 900_000, 0.25],
    ]);
    expect(deletePlan(ws.sqlite, a.id)).toBe(true);
    expect(listPlans(ws.sqlite).map((p) => p.name)).toEqual(['Another']);
  });
});
