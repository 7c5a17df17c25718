// The demo plants (docs/DEMO.md) "budget and timeframe predict winning while campaign engagement does
// not": on the seeded demo, their lifts' corrected intervals exclude 0 and engagement's includes 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriteriaReport } from '#shared/domain/criteria.ts';
import { DEFAULT_SETTINGS } from '#shared/domain/settings.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import { criteriaReport } from '#core/funnel/criteria-queries.ts';
import { dataAsOf, maturityDays } from '#core/funnel/funnel-queries.ts';
import { tempWorkspace } from '../../support/temp-workspace.ts';

describe('qualification criteria planted in the demo', () => {
  let r: CriteriaReport;
  let cleanup: () => void;
  beforeAll(async () => {
    const t = await tempWorkspace();
    cleanup = t.cleanup;
    loadDemo(t.ws.sqlite, { seed: 42 });
    r = criteriaReport(t.ws.sqlite, { from: null, to: null }, DEFAULT_SETTINGS, {
      asOf: dataAsOf(t.ws.sqlite),
      days: maturityDays(t.ws.sqlite),
    });
  });
  afterAll(() => cleanup());
  const row = (k: string) => r.criteria.find((c) => c.key === k)!;

  it('tests all seven on over a hundred mature MQLs a side', () => {
    expect(r.tested).toBe(7);
    if (process.env.CRITERIA_PRINT)
      for (const c of r.criteria)
        console.log(
          c.rank,
          c.key,
          c.met.conversion.hits,
          c.met.mqls,
          c.notMet.conversion.hits,
          c.notMet.mqls,
          c.liftCorrected,
          c.q,
        );
    for (const c of r.criteria) expect(Math.min(c.met.mqls, c.notMet.mqls)).toBeGreaterThan(100);
  });

  it('finds budget and timeframe predict winning: corrected lift intervals above 0', () => {
    for (const k of ['budget', 'timeframe']) {
      expect(row(k).liftCorrected!.low).toBeGreaterThan(0);
      expect(row(k).predicts).toBe(true);
      expect(row(k).met.winRate.rate!).toBeGreaterThan(row(k).notMet.winRate.rate!);
    }
  });

  it('finds campaign engagement does not: its corrected interval includes 0', () => {
    const e = row('engagement').liftCorrected!;
    expect(e.low).toBeLessThan(0);
    expect(e.high).toBeGreaterThan(0);
    expect(row('engagement').predicts).toBe(false);
    expect(row('engagement').rank).toBe(7);
  });

  it('converts better the more criteria are met', () => {
    const rate = (met: number) => r.byCount[met]!.conversion.rate!;
    expect(rate(6)).toBeGreaterThan(rate(3));
  });
});
