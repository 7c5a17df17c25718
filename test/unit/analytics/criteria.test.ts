import { describe, expect, it } from 'vitest';
import { criteriaStats } from '#shared/analytics/criteria.ts';
import type { CriterionAggregate } from '#shared/domain/criteria.ts';

const T = { lowConfidenceBelowN: 10, hideRateBelowN: 5 };
const counts = (mqls: number, won: number, closed: number, wonAmount: number) => ({ mqls, won, closed, wonAmount });

// Three criteria worked by hand (p from the pooled z-test, q by BH with m = 3, one selected, so the
// corrected intervals use z = the 1 − 0.05/6 point = 2.39398).
const rows: CriterionAggregate[] = [
  {
    key: 'a',
    label: 'A',
    kind: 'dynamic',
    met: counts(50, 30, 40, 300_000),
    notMet: counts(50, 10, 30, 100_000),
    unknown: 5,
  },
  {
    key: 'b',
    label: 'B',
    kind: 'fit',
    met: counts(40, 12, 20, 60_000),
    notMet: counts(60, 13, 30, 65_000),
    unknown: 0,
  },
  {
    key: 'c',
    label: 'C',
    kind: 'dynamic',
    met: counts(4, 2, 3, 10_000),
    notMet: counts(96, 20, 50, 90_000),
    unknown: 2,
  },
];

describe('criteriaStats', () => {
  const s = criteriaStats(rows, T);
  const by = (k: string) => s.criteria.find((c) => c.key === k)!;

  it('computes p, BH q and the corrected level', () => {
    expect(by('a').p).toBeCloseTo(4.4557e-5, 8);
    expect(by('b').p).toBeCloseTo(0.345779, 5);
    expect(by('c').p).toBeCloseTo(0.16767, 5);
    expect(by('a').q).toBeCloseTo(1.33671e-4, 8);
    expect(by('b').q).toBeCloseTo(0.345779, 5);
    expect(by('c').q).toBeCloseTo(0.251505, 5);
    expect(s.tested).toBe(3);
    expect(s.selected).toBe(1);
    expect(s.correctedLevel).toBeCloseTo(1 - 0.05 / 3, 12);
    expect(s.correctedZ).toBeCloseTo(2.39398, 4);
    expect(by('a').predicts).toBe(true);
    expect(by('b').predicts).toBe(false);
  });

  it('gives the lifts with 95% and corrected Newcombe intervals', () => {
    const a = by('a');
    expect(a.met.conversion.rate).toBeCloseTo(0.6, 12);
    expect(a.notMet.conversion.rate).toBeCloseTo(0.2, 12);
    expect(a.lift!.difference).toBeCloseTo(0.4, 12);
    expect(a.lift!.low).toBeCloseTo(0.210021, 5);
    expect(a.lift!.high).toBeCloseTo(0.551731, 5);
    expect(a.liftCorrected!.low).toBeCloseTo(0.166275, 5);
    expect(a.liftCorrected!.high).toBeCloseTo(0.578524, 5);
    expect(by('b').liftCorrected!.low).toBeCloseTo(-0.120375, 5);
    expect(by('c').liftCorrected!.low).toBeCloseTo(-0.108686, 5);
  });

  it('gives win rates, their difference and revenue per MQL', () => {
    const a = by('a');
    expect(a.met.winRate.rate).toBeCloseTo(0.75, 12);
    expect(a.notMet.winRate.rate).toBeCloseTo(1 / 3, 12);
    expect(a.winRateDifference!.difference).toBeCloseTo(0.416667, 5);
    expect(a.winRateDifference!.low).toBeCloseTo(0.181978, 5);
    expect(a.met.revenuePerMql).toBe(6000);
    expect(a.notMet.revenuePerMql).toBe(2000);
    expect(a.unknown).toBe(5);
  });

  it('ranks by the corrected lower bound and warns where n is small', () => {
    expect(s.criteria.map((c) => [c.key, c.rank])).toEqual([
      ['a', 1],
      ['c', 2],
      ['b', 3],
    ]);
    expect(by('c').warning).toBe('Too few MQLs to trust this lift (met 4; fewer than 10).');
    expect(by('a').warning).toBeNull();
  });

  it('leaves a criterion with an empty side out of m', () => {
    const t = criteriaStats([rows[0]!, { ...rows[1]!, notMet: counts(0, 0, 0, 0) }], T);
    expect(t.tested).toBe(1);
    expect(t.criteria.find((c) => c.key === 'b')!.lift).toBeNull();
    expect(t.criteria.find((c) => c.key === 'b')!.rank).toBe(2);
    const none = criteriaStats([{ ...rows[1]!, met: counts(0, 0, 0, 0), notMet: counts(0, 0, 0, 0) }], T);
    expect(none.criteria[0]!.warning).toBe('No answers recorded: import leads with this criterion to test it.');
  });
});
