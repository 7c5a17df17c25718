// Chart options for the Funnel area (pure: data in, ECharts option out).
import type { FunnelStep, TrapReport, VelocityReport } from '#shared/domain/funnel.ts';
import { STAGE_LABEL } from '#shared/domain/funnel.ts';
import { baseOption } from './base.ts';
import { ACCENT, BAND, OUTCOME_COLOR } from './palette.ts';

/** Horizontal bars, one per stage, widest first. */
export function funnelBarsOption(steps: FunnelStep[]) {
  const rev = [...steps].reverse();
  return {
    ...baseOption,
    grid: { left: 100, right: 60, top: 10, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rev.map((s) => STAGE_LABEL[s.stage]) },
    series: [
      {
        type: 'bar',
        data: rev.map((s) => ({
          value: s.count,
          itemStyle: { color: s.stage === 'won' ? OUTCOME_COLOR.won : ACCENT },
        })),
        label: { show: true, position: 'right' },
      },
    ],
  };
}

/** MQL volume (bars) and mature MQL-to-won conversion (line with its 95% band); ▼ marks flagged quarters. */
export function trapOption(r: TrapReport) {
  const qs = r.quarters;
  const pct = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1000) / 10);
  const low = qs.map((q) => pct(q.conversion?.low));
  const width = qs.map((q) =>
    q.conversion?.low === null || q.conversion?.high === null || !q.conversion
      ? null
      : pct(q.conversion.high! - q.conversion.low!),
  );
  return {
    ...baseOption,
    legend: { data: ['MQLs', 'MQL → won (mature cohorts)'], top: 0 },
    grid: { left: 60, right: 60, top: 40, bottom: 40 },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    xAxis: { type: 'category', data: qs.map((q) => q.quarter) },
    yAxis: [
      { type: 'value', name: 'MQLs', minInterval: 1 },
      { type: 'value', name: 'MQL → won %', min: 0, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      {
        name: 'MQLs',
        type: 'bar',
        data: qs.map((q) => ({ value: q.mqls, itemStyle: { color: q.flagged ? OUTCOME_COLOR.lost : '#9fb3cc' } })),
      },
      {
        name: 'band-low',
        type: 'line',
        yAxisIndex: 1,
        data: low,
        stack: 'band',
        lineStyle: { opacity: 0 },
        symbol: 'none',
        tooltip: { show: false },
      },
      {
        name: 'band',
        type: 'line',
        yAxisIndex: 1,
        data: width,
        stack: 'band',
        lineStyle: { opacity: 0 },
        areaStyle: { color: BAND },
        symbol: 'none',
        tooltip: { show: false },
      },
      {
        name: 'MQL → won (mature cohorts)',
        type: 'line',
        yAxisIndex: 1,
        data: qs.map((q) => pct(q.conversion?.rate)),
        itemStyle: { color: ACCENT },
        markPoint: {
          symbol: 'pin',
          itemStyle: { color: OUTCOME_COLOR.lost },
          data: qs
            .map((q, i) => (q.flagged ? { coord: [i, pct(q.conversion?.rate)], value: '▼' } : null))
            .filter((x) => x !== null),
        },
      },
    ],
  };
}

/** Histogram of MQL → won days. */
export function histogramOption(r: VelocityReport) {
  return {
    ...baseOption,
    grid: { left: 50, right: 20, top: 20, bottom: 40 },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    xAxis: {
      type: 'category',
      name: 'days',
      nameLocation: 'middle',
      nameGap: 28,
      data: r.histogram.map((b) => `${b.from}–${b.to}`),
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: r.histogram.map((b) => b.count), itemStyle: { color: ACCENT } }],
  };
}
