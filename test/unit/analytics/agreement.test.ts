import { describe, expect, it } from 'vitest';
import { agreementMatrix } from '#shared/analytics/agreement.ts';

const T = { lowConfidenceBelowN: 10, hideRateBelowN: 5 };
const names: Record<number, string> = { 1: 'Price', 2: 'Missing capability', 3: 'Budget', 4: 'Discount' };
const reasonLevel = (id: number) => ({ id, label: names[id]! });
// Price (1) and Discount (4) share the category "Commercials" (10); the others are alone.
const categoryLevel = (id: number) =>
  id === 1 || id === 4 ? { id: 10, label: 'Commercials' } : { id: id * 10, label: `${names[id]} (cat)` };

describe('agreementMatrix', () => {
  const pairs = [
    { rep: 1, buyer: 1, outcome: 'lost' as const, deals: 2 },
    { rep: 1, buyer: 2, outcome: 'lost' as const, deals: 5 },
    { rep: 1, buyer: 4, outcome: 'lost' as const, deals: 1 },
    { rep: 3, buyer: 3, outcome: 'no_decision' as const, deals: 3 },
    { rep: null, buyer: 2, outcome: 'lost' as const, deals: 4 },
  ];

  it('counts cells, agreement and the share that differ, overall and by outcome', () => {
    const m = agreementMatrix(pairs, reasonLevel, T);
    expect(m.rows.map((r) => r.label)).toEqual(['Price', 'Budget']);
    expect(m.columns.map((c) => c.label)).toEqual(['Missing capability', 'Budget', 'Price', 'Discount']);
    expect(m.cells).toEqual([
      [5, 0, 2, 1],
      [0, 3, 0, 0],
    ]);
    expect(m.rowTotals).toEqual([8, 3]);
    expect(m.columnTotals).toEqual([5, 3, 2, 1]);
    expect(m.compared).toBe(11);
    expect(m.agree).toBe(5);
    expect(m.differ).toMatchObject({ hits: 6, n: 11, rate: 6 / 11 });
    expect(m.byOutcome.map((o) => [o.outcome, o.differ.hits, o.differ.n])).toEqual([
      ['lost', 6, 8],
      ['no_decision', 0, 3],
    ]);
    expect(m.repMissing).toBe(4);
  });

  it('at category level, Price vs Discount agree', () => {
    const m = agreementMatrix(pairs, categoryLevel, T);
    expect(m.agree).toBe(6);
    expect(m.differ.hits).toBe(5);
  });
});
