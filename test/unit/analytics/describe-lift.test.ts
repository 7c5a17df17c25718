import { describe, expect, it } from 'vitest';
import { liftPoints, liftRange, pValueText } from '#shared/analytics/describe-lift.ts';
import { criteriaByCountOption } from '#shared/charts/criteria-chart.ts';
import { rateOf } from '#shared/analytics/rate.ts';

const T = { lowConfidenceBelowN: 10, hideRateBelowN: 5 };

describe('lift and p-value text', () => {
  it('prints points with a sign and a true minus', () => {
    expect(liftPoints({ difference: 0.18827, low: 0.13307, high: 0.24595 })).toBe('+18.8 pts');
    expect(liftRange({ difference: -0.0318, low: -0.1034, high: 0.0279 })).toBe('−10.3 to +2.8');
    expect(liftPoints(null)).toBe('–');
    expect(pValueText(0.0004)).toBe('< 0.001');
    expect(pValueText(0.08538)).toBe('0.085');
    expect(pValueText(null)).toBe('–');
  });
});

describe('criteriaByCountOption', () => {
  it('draws MQLs as bars and conversion with its band, hiding rates below the threshold', () => {
    const o = criteriaByCountOption([
      { met: 0, conversion: rateOf(0, 1, T) },
      { met: 1, conversion: rateOf(2, 40, T) },
      { met: 2, conversion: rateOf(6, 8, T) },
    ]);
    expect(o.xAxis.data).toEqual(['0', '1', '2']);
    expect(o.series[0]!.data).toEqual([1, 40, 8]);
    const line = o.series.find((s) => s.name === 'MQL → won')!;
    // 0/1 hidden (n < 5); 2/40 = 5.0%; 6/8 = 75.0% greyed (n < 10).
    expect((line.data as ({ value: number | null } | null)[]).map((d) => d?.value ?? null)).toEqual([null, 5, 75]);
    expect(line).toMatchObject({ yAxisIndex: 1 });
  });
});
