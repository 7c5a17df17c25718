import { describe, expect, it } from 'vitest';
import { paretoRows } from '#shared/analytics/pareto.ts';
import { wilson } from '#shared/analytics/wilson.ts';

const T = { lowConfidenceBelowN: 10, hideRateBelowN: 5 };

describe('paretoRows', () => {
  it('orders by deals (then interviews, then name), shares over interviewed deals, cumulative over citations', () => {
    const rows = paretoRows(
      [
        { id: 3, label: 'Price', deals: 3, interviews: 3 },
        { id: 1, label: 'Product fit', deals: 5, interviews: 6 },
        { id: 2, label: 'Responsiveness', deals: 3, interviews: 4 },
        { id: 4, label: 'Unused', deals: 0, interviews: 0 },
        { id: 5, label: 'Budget', deals: 3, interviews: 3 },
      ],
      12,
      T,
    );
    expect(rows.map((r) => r.label)).toEqual(['Product fit', 'Responsiveness', 'Budget', 'Price']);
    // 14 deal citations in all: 5, 8, 11, 14.
    expect(rows.map((r) => r.cumulative)).toEqual([5 / 14, 8 / 14, 11 / 14, 1]);
    expect(rows[0]!.share).toMatchObject({ hits: 5, n: 12, rate: 5 / 12, confidence: 'ok' });
    expect(rows[0]!.share.low).toBeCloseTo(wilson(5, 12)!.low, 12);
  });

  it('is empty without citations', () => {
    expect(paretoRows([], 0, T)).toEqual([]);
  });
});
