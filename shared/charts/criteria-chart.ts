// MQL-to-won conversion by how many qualification criteria were met (docs/METRICS.md#qualification-criteria):
// MQLs per group as bars, conversion as a line with its 95% Wilson band. Pure; the screen adds the
// shared base (font, no animation).
import type { CriteriaByCount } from '../domain/criteria.ts';
import { RATE_COLORS, rateBandSeries } from './rate-band.ts';

export function criteriaByCountOption(groups: readonly CriteriaByCount[]) {
  const bands = rateBandSeries(
    groups.map((g) => g.conversion),
    'MQL → won',
    8,
  ).map((s) => ({ ...s, yAxisIndex: 1 }));
  return {
    legend: { data: ['MQLs', 'MQL → won'], top: 0 },
    grid: { left: 60, right: 60, top: 40, bottom: 40 },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    xAxis: {
      type: 'category',
      name: 'criteria met',
      nameLocation: 'middle',
      nameGap: 28,
      data: groups.map((g) => String(g.met)),
    },
    yAxis: [
      { type: 'value', name: 'MQLs', minInterval: 1 },
      { type: 'value', name: 'MQL → won %', min: 0, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: 'MQLs', type: 'bar', data: groups.map((g) => g.conversion.n), itemStyle: { color: '#9fb3cc' } },
      ...bands,
    ],
    color: [RATE_COLORS.accent],
  };
}
