// Qualification criteria on a small hand-made workspace (docs/METRICS.md#qualification-criteria).
// Mature MQLs (MQL dates in Q1 2025; the data ends 2025-09-01; P90 of MQL-to-won days (60, 60, 90) = 84,
// so cohorts up to 2025-03-31 are mature and L13's September MQL is left out):
//        outcome       amount  budget          timeframe  engagement
//   L1 → D1 won       10,000   yes             yes        yes
//   L2 → D2 won       20,000   yes (deal: no)  no         (deal: yes)
//   L3 → D3 lost               yes             yes        no
//   L4 → D4 lost               no              yes        yes
//   L5 → D5 no decision        no              unknown    yes
//   L6 disqualified            no              no         yes
//   L7 open                    no              no         no
//   L8 open                    unknown         no         yes
//   D9 won (no lead)  30,000   (deal: yes)     (deal: yes) (deal: no)
// budget: met 3/4 won (closed 4, 60,000), not met 0/4 (closed 2), unknown 1 → lift 0.75
// timeframe: met 2/4 (closed 4, 40,000), not met 1/4 (closed 1, 20,000), unknown 1 → lift 0.25
// engagement: met 2/6 (closed 4, 30,000), not met 1/3 (closed 2, 30,000) → lift 0
// The other four criteria have no answers: not tested, so m = 3.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '#shared/domain/settings.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { criteriaReport, matureCohortsEnd } from '#core/funnel/criteria-queries.ts';
import { dataAsOf, maturityDays } from '#core/funnel/funnel-queries.ts';
import { insertCriteriaFixture } from '../../support/criteria-fixture.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

describe('qualification criteria on a hand-made workspace', () => {
  let ws: Workspace;
  let cleanup: () => void;
  const report = (from: string | null = null, to: string | null = null) =>
    criteriaReport(ws.sqlite, { from, to }, DEFAULT_SETTINGS, {
      asOf: dataAsOf(ws.sqlite),
      days: maturityDays(ws.sqlite),
    });

  beforeAll(async () => {
    ({ ws, cleanup } = await tempWorkspace());
    insertCriteriaFixture(ws.sqlite);
  });
  afterAll(() => cleanup());

  it('takes MQLs of mature quarterly cohorts only', () => {
    expect(matureCohortsEnd('2025-09-01', 84)).toBe('2025-03-31');
    expect(matureCohortsEnd('2025-09-28', 89)).toBe('2025-06-30');
    const r = report();
    expect([r.asOf, r.maturityDays, r.matureTo, r.mqls]).toEqual(['2025-09-01', 84, '2025-03-31', 9]);
  });

  it('counts met, not met and unknown per criterion (a lead’s answer, else its deal’s)', () => {
    const r = report();
    const row = (k: string) => r.criteria.find((c) => c.key === k)!;
    const sides = (k: string) => {
      const c = row(k);
      return [
        c.met.mqls,
        c.met.won,
        c.met.closed,
        c.met.wonAmount,
        c.notMet.mqls,
        c.notMet.won,
        c.notMet.closed,
        c.notMet.wonAmount,
        c.unknown,
      ];
    };
    expect(sides('budget')).toEqual([4, 3, 4, 60_000, 4, 0, 2, 0, 1]);
    expect(sides('timeframe')).toEqual([4, 2, 4, 40_000, 4, 1, 1, 20_000, 1]);
    expect(sides('engagement')).toEqual([6, 2, 4, 30_000, 3, 1, 2, 30_000, 0]);
    expect(sides('decision_maker')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 9]);
    expect(row('budget').met.revenuePerMql).toBe(15_000);
    expect(row('engagement').notMet.revenuePerMql).toBe(10_000);
  });

  it('gives lifts, p, BH-adjusted q and the corrected intervals worked by hand', () => {
    const r = report();
    const row = (k: string) => r.criteria.find((c) => c.key === k)!;
    expect(r.tested).toBe(3);
    expect(r.selected).toBe(0);
    expect(r.correctedZ).toBeCloseTo(2.39398, 4);
    const b = row('budget');
    expect(b.lift!.difference).toBeCloseTo(0.75, 12);
    expect(b.lift!.low).toBeCloseTo(0.085233, 5);
    expect(b.lift!.high).toBeCloseTo(0.954413, 5);
    expect(b.liftCorrected!.low).toBeCloseTo(-0.029536, 5);
    expect(b.p).toBeCloseTo(0.02846, 4);
    expect(b.q).toBeCloseTo(0.085379, 4);
    expect(b.predicts).toBe(false);
    expect(row('timeframe').p).toBeCloseTo(0.465209, 4);
    expect(row('timeframe').q).toBeCloseTo(0.697813, 4);
    expect(row('timeframe').liftCorrected!.low).toBeCloseTo(-0.388791, 5);
    expect(row('engagement').p).toBeCloseTo(1, 6);
    expect(row('engagement').q).toBeCloseTo(1, 6);
    expect(row('engagement').liftCorrected!.low).toBeCloseTo(-0.568581, 5);
    // Win rate met vs not met: budget 3/4 − 0/2 = 0.75, Newcombe [-0.0465, 0.9544].
    expect(b.met.winRate.rate).toBeCloseTo(0.75, 12);
    expect(b.winRateDifference!.low).toBeCloseTo(-0.046484, 5);
    expect(b.warning).toBe('Too few MQLs to trust this lift (met 4, not met 4; fewer than 10).');
    expect(r.criteria.slice(0, 3).map((c) => c.key)).toEqual(['budget', 'timeframe', 'engagement']);
    expect(r.criteria.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('groups MQLs by how many criteria they met', () => {
    const r = report();
    expect(r.byCount.map((c) => [c.met, c.conversion.hits, c.conversion.n])).toEqual([
      [0, 0, 1],
      [1, 0, 3],
      [2, 2, 4],
      [3, 1, 1],
      [4, 0, 0],
      [5, 0, 0],
      [6, 0, 0],
      [7, 0, 0],
    ]);
    expect(r.byCount[2]!.conversion.low).toBeCloseTo(0.150039, 5);
    expect(r.byCount[2]!.conversion.high).toBeCloseTo(0.849961, 5);
  });

  it('narrows to a period of MQL dates', () => {
    const r = report('2025-01-15', '2025-02-28');
    // L4, L5, L6, L7, D9.
    expect(r.mqls).toBe(5);
    const b = r.criteria.find((c) => c.key === 'budget')!;
    expect([b.met.mqls, b.met.won, b.notMet.mqls, b.notMet.won]).toEqual([1, 1, 4, 0]);
  });
});
