import { describe, expect, it } from 'vitest';
import { rateOf } from '#shared/analytics/rate.ts';
import type { SourcedLine, SourcedMeasure } from '#shared/domain/sourced.ts';
import { sourcedVsInfluencedOption } from '../../../renderer/src/charts/sourced-charts.ts';

const t = { lowConfidenceBelowN: 10, hideRateBelowN: 5 };
const line = (sourcedBy: SourcedLine['sourcedBy'], amountShare: number, influencedAmountShare: number): SourcedLine => {
  const cell = { n: 0, amount: 0, influencedN: 0, influencedAmount: 0 };
  return {
    sourcedBy,
    byType: { new_business: cell, expansion: cell, cross_sell: cell, renewal: cell },
    total: cell,
    share: rateOf(0, 0, t),
    amountShare,
    influenced: rateOf(0, 0, t),
    influencedAmountShare,
  };
};

describe('sourced chart option', () => {
  it('puts marketing’s sourced share beside the influenced share of all deals, per measure, in percent, pipeline on top', () => {
    const measures: SourcedMeasure[] = [
      {
        measure: 'pipeline',
        label: 'Pipeline created',
        lines: [line('marketing', 0.23564, 1), line('all', 1, 0.73941)],
      },
      { measure: 'won', label: 'Revenue won', lines: [line('sales', 1, 0.5), line('all', 1, 0.69426)] },
    ];
    const o = sourcedVsInfluencedOption(measures) as { yAxis: { data: string[] }; series: { data: number[] }[] };
    expect(o.yAxis.data).toEqual(['Revenue won', 'Pipeline created']);
    // No marketing line among won deals: 0%.
    expect(o.series[0]!.data).toEqual([0, 23.6]);
    expect(o.series[1]!.data).toEqual([69.4, 73.9]);
  });
});
