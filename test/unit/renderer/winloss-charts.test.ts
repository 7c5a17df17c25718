// The win/loss chart options carry the analysis numbers as they are, and never render user text
// as HTML (tooltips are drawn on the canvas).
import { describe, expect, it } from 'vitest';
import { momentsOf, meanOf, welchDifference } from '#shared/analytics/mean.ts';
import { rateOf } from '#shared/analytics/rate.ts';
import type { CriterionGap, ReasonParetoRow, ThemeTrend } from '#shared/domain/winloss.ts';
import {
  errorBarRenderer,
  paretoOption,
  ratingGapOption,
  themeHeatmapOption,
} from '../../../renderer/src/charts/winloss-charts.ts';

const T = { lowConfidenceBelowN: 10, hideRateBelowN: 5 };
type Opt = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- chart options are loose objects

const row = (id: number, label: string, deals: number, n: number, cumulative: number): ReasonParetoRow => ({
  id,
  label,
  deals,
  interviews: deals,
  share: rateOf(deals, n, T),
  cumulative,
  category: 'Cat',
  retired: false,
});

describe('paretoOption', () => {
  const rows = [row(1, '<img src=x onerror=alert(1)>', 12, 40, 0.6), row(2, 'Price', 8, 40, 1)];
  const o = paretoOption(rows, '#2e8b57', 40) as Opt;

  it('bars are deals citing, the line the cumulative share in percent', () => {
    expect(o.xAxis.data).toEqual(['<img src=x onerror=alert(1)>', 'Price']);
    expect(o.series[0].data.map((d: { value: number }) => d.value)).toEqual([12, 8]);
    expect(o.series[1].data).toEqual([60, 100]);
  });

  it('tooltips are canvas text with n and the interval', () => {
    expect(o.tooltip.renderMode).toBe('richText');
    const text = o.tooltip.formatter([{ dataIndex: 0 }]) as string;
    expect(text.split('\n')).toEqual([
      '<img src=x onerror=alert(1)>',
      `12 of 40 interviewed deals: 30.0% (95% CI ${(rows[0]!.share.low! * 100).toFixed(1)}%–${(rows[0]!.share.high! * 100).toFixed(1)}%, n = 40; 12 citing)`,
      '12 interviews cite it',
      'Cumulative share of citations: 60%',
    ]);
  });

  it('greys bars whose share is low-confidence', () => {
    const small = paretoOption([row(1, 'A', 2, 6, 1)], '#2e8b57', 6) as Opt;
    expect(small.series[0].data[0].itemStyle.color).toBe('#b8c0cc');
  });
});

describe('ratingGapOption', () => {
  const gap = (label: string, won: number[], lost: number[]): CriterionGap => ({
    criterionId: 1,
    label,
    won: meanOf(momentsOf(won), T),
    lost: meanOf(momentsOf(lost), T),
    noDecision: meanOf(momentsOf([]), T),
    gap: welchDifference(momentsOf(won), momentsOf(lost), T),
  });
  const criteria = [
    gap('Product fit', [4, 5, 4, 5, 4, 5, 4, 5, 4, 5], [2, 3, 2, 3, 2, 3, 2, 3, 2, 3]),
    gap('Support', [4, 4], [3]),
  ];
  const o = ratingGapOption(criteria) as Opt;

  it('plots means as dots and 95% intervals as bars; hidden means are left out', () => {
    const [wonBars, wonDots, lostBars, lostDots] = o.series;
    expect(wonDots.data.map((d: { value: number[] }) => d.value)).toEqual([[4.5, 0]]);
    expect(lostDots.data.map((d: { value: number[] }) => d.value)).toEqual([[2.5, 0]]);
    expect(wonBars.data).toEqual([[criteria[0]!.won.low, criteria[0]!.won.high, 0]]);
    expect(lostBars.data[0][2]).toBe(0);
    expect(o.tooltip.renderMode).toBe('richText');
    expect(o.tooltip.formatter({ value: [4.5, 0], seriesIndex: 1 })).toContain('Gap won − lost: +2.00');
  });

  it('draws an error bar between the coordinates of low and high', () => {
    const api = {
      value: (i: number) => [2, 4, 0][i]!,
      coord: ([x, y]: [number, number]) => [x * 100, y * 10 + 50] as [number, number],
    };
    const shape = errorBarRenderer(5, '#000')(null, api) as { children: { shape: Record<string, number> }[] };
    expect(shape.children[0]!.shape).toEqual({ x1: 200, y1: 55, x2: 400, y2: 55 });
  });
});

describe('themeHeatmapOption', () => {
  it('one cell per theme and period; hidden cells empty, low ones faded', () => {
    const trend: ThemeTrend = {
      scope: { interviews: 0, deals: 0, byOutcome: [], includeDrafts: false },
      granularity: 'quarter',
      periods: [
        { period: '2025-Q1', deals: 3 },
        { period: '2025-Q2', deals: 8 },
        { period: '2025-Q3', deals: 20 },
      ],
      themes: [
        {
          id: 1,
          name: '"><svg onload=alert(1)>',
          deals: 9,
          cells: [rateOf(1, 3, T), rateOf(4, 8, T), rateOf(4, 20, T)],
        },
      ],
    };
    const o = themeHeatmapOption(trend) as Opt;
    expect(o.yAxis.data).toEqual(['"><svg onload=alert…']); // long names are shortened on the axis
    expect(o.series[0].data.map((d: { value: unknown[] }) => d.value)).toEqual([
      [0, 0, '-'],
      [1, 0, 50],
      [2, 0, 20],
    ]);
    expect(o.series[0].data[1].itemStyle).toEqual({ opacity: 0.45 });
    expect(o.tooltip.renderMode).toBe('richText');
    expect(o.tooltip.formatter({ value: [0, 0, '-'] })).toBe(
      '"><svg onload=alert(1)> · 2025-Q1\n1 of 3 interviewed deals\n1 of 3 (n too small to show a rate)',
    );
  });
});
