// Chart options for the Sourced tab (pure: report in, ECharts option out).
import type { SourcedMeasure } from '#shared/domain/sourced.ts';
import { baseOption } from './base.ts';
import { ACCENT, BAND } from './palette.ts';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? 0 : Math.round(x * 1000) / 10);

/**
 * Per measure (pipeline created, revenue won): the share of its amount marketing sourced beside the
 * share marketing influenced, the gap the tab is about; the first measure is drawn on top.
 */
export function sourcedVsInfluencedOption(inOrder: SourcedMeasure[]) {
  // Category axes draw bottom-up: reversed, the first measure is on top.
  const measures = [...inOrder].reverse();
  const marketing = (m: SourcedMeasure) => m.lines.find((l) => l.sourcedBy === 'marketing');
  const all = (m: SourcedMeasure) => m.lines.find((l) => l.sourcedBy === 'all');
  return {
    ...baseOption,
    legend: { data: ['Sourced by marketing', 'Influenced by marketing'], top: 0 },
    grid: { left: 120, right: 50, top: 30, bottom: 20 },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: measures.map((m) => m.label) },
    series: [
      {
        name: 'Sourced by marketing',
        type: 'bar',
        itemStyle: { color: BAND },
        data: measures.map((m) => pct(marketing(m)?.amountShare)),
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
      {
        name: 'Influenced by marketing',
        type: 'bar',
        itemStyle: { color: ACCENT },
        data: measures.map((m) => pct(all(m)?.influencedAmountShare)),
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
    ],
  };
}
