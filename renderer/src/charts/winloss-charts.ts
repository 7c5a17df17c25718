// ECharts options for "why we win, why we lose", built by pure functions from the analysis
// results, so the charts show exactly the numbers of the tables beside them.
// Reason, theme and competitor names are user text: every tooltip here is drawn by ECharts on the
// canvas (renderMode 'richText'), never as HTML, and axis labels are canvas text too.
import type { EChartsCoreOption } from 'echarts/core';
import { describeDifference, describeMean } from '#shared/analytics/describe-mean.ts';
import { describeRateText } from '#shared/analytics/describe-rate.ts';
import type { Mean } from '#shared/analytics/mean.ts';
import type { CompetitorRatings, CriterionGap, ReasonParetoRow, ThemeTrend } from '#shared/domain/winloss.ts';
import { formatInt } from '../lib/format.ts';
import { ACCENT, LOW_CONFIDENCE, OUTCOME_COLOR } from './palette.ts';

export const COMPETITOR_COLOR = '#8e5ea2';
const TOOLTIP = { renderMode: 'richText', confine: true } as const;
const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

/** Long labels wrap instead of running into the plot. */
const shortLabel = (s: string, max = 28) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Pareto: deals citing each reason as bars (largest first), cumulative share of citations as a line. */
export function paretoOption(rows: ReasonParetoRow[], color: string, n: number, limit = 12): EChartsCoreOption {
  const shown = rows.slice(0, limit);
  return {
    animation: false,
    grid: { left: 60, right: 44, top: 28, bottom: 100 },
    tooltip: {
      ...TOOLTIP,
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const r = shown[params[0]?.dataIndex ?? 0];
        if (!r) return '';
        return [
          r.label,
          `${formatInt(r.deals)} of ${formatInt(n)} interviewed deals: ${describeRateText(r.share, 'citing')}`,
          `${formatInt(r.interviews)} interviews cite it`,
          `Cumulative share of citations: ${pct(r.cumulative)}%`,
        ].join('\n');
      },
    },
    xAxis: {
      type: 'category',
      data: shown.map((r) => shortLabel(r.label)),
      axisLabel: { interval: 0, rotate: 35, fontSize: 11 },
    },
    yAxis: [
      { type: 'value', name: 'Deals', minInterval: 1, nameGap: 10 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        name: 'Deals citing',
        data: shown.map((r) => ({
          value: r.deals,
          itemStyle: { color: r.share.confidence === 'ok' ? color : LOW_CONFIDENCE },
        })),
        label: { show: true, position: 'top', fontSize: 11 },
      },
      {
        type: 'line',
        name: 'Cumulative %',
        yAxisIndex: 1,
        data: shown.map((r) => pct(r.cumulative)),
        symbolSize: 5,
        itemStyle: { color: ACCENT },
        lineStyle: { color: ACCENT, width: 1.5 },
      },
    ],
  };
}

interface RenderApi {
  value(dim: number): number;
  coord(point: [number, number]): [number, number];
}

/** A horizontal error bar (low..high at a category row), shifted by `offset` pixels. */
export function errorBarRenderer(offset: number, color: string) {
  return (_params: unknown, api: RenderApi) => {
    const row = api.value(2);
    const [x1, y] = api.coord([api.value(0), row]);
    const [x2] = api.coord([api.value(1), row]);
    const yo = y + offset;
    const stroke = { stroke: color, lineWidth: 1.5 };
    return {
      type: 'group',
      children: [
        { type: 'line', shape: { x1, y1: yo, x2, y2: yo }, style: stroke },
        { type: 'line', shape: { x1, y1: yo - 4, x2: x1, y2: yo + 4 }, style: stroke },
        { type: 'line', shape: { x1: x2, y1: yo - 4, x2, y2: yo + 4 }, style: stroke },
      ],
    };
  };
}

interface MeanSeries {
  name: string;
  color: string;
  means: Mean[];
}

/** Means per criterion as dots with their 95% intervals, one row per criterion (1 to 5 scale). */
function meanDotsOption(labels: string[], series: MeanSeries[], extra: (i: number) => string[]): EChartsCoreOption {
  const offsets = series.map((_, k) => (k - (series.length - 1) / 2) * 10);
  const visible = (m: Mean) => m.mean !== null && m.confidence !== 'hidden';
  return {
    animation: false,
    legend: { top: 0, data: series.map((s) => s.name) },
    grid: { left: 170, right: 24, top: 32, bottom: 28 },
    tooltip: {
      ...TOOLTIP,
      trigger: 'item',
      formatter: (p: { value: number[]; seriesIndex: number }) => {
        const row = p.value[p.value.length - 1]!;
        return [
          labels[row] ?? '',
          ...series.map((s) => `${s.name}: ${describeMean(s.means[row]!)}`),
          ...extra(row),
        ].join('\n');
      },
    },
    xAxis: { type: 'value', min: 1, max: 5, interval: 1, name: 'Rating (1–5)', nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
    series: series.flatMap((s, k) => [
      {
        type: 'custom',
        name: s.name,
        renderItem: errorBarRenderer(offsets[k]!, s.color),
        itemStyle: { color: s.color },
        encode: { x: [0, 1], y: 2 },
        data: s.means.flatMap((m, row) => (visible(m) && m.low !== null ? [[m.low, m.high, row]] : [])),
        z: 2,
      },
      {
        type: 'scatter',
        name: s.name,
        symbolSize: 10,
        symbolOffset: [0, offsets[k]!],
        itemStyle: { color: s.color },
        data: s.means.flatMap((m, row) =>
          visible(m)
            ? [{ value: [m.mean, row], itemStyle: { color: m.confidence === 'low' ? LOW_CONFIDENCE : s.color } }]
            : [],
        ),
        z: 3,
      },
    ]),
  };
}

/** Our mean rating per criterion in won vs lost deals. */
export function ratingGapOption(criteria: CriterionGap[]): EChartsCoreOption {
  return meanDotsOption(
    criteria.map((c) => c.label),
    [
      { name: 'Won deals', color: OUTCOME_COLOR.won, means: criteria.map((c) => c.won) },
      { name: 'Lost deals', color: OUTCOME_COLOR.lost, means: criteria.map((c) => c.lost) },
    ],
    (i) => [`Gap won − lost: ${describeDifference(criteria[i]!.gap)}`],
  );
}

/** Our rating vs one competitor's, per criterion, on the interviews that rated both. */
export function competitorGapOption(c: CompetitorRatings): EChartsCoreOption {
  return meanDotsOption(
    c.criteria.map((x) => x.label),
    [
      { name: 'Us', color: ACCENT, means: c.criteria.map((x) => x.us) },
      { name: c.name, color: COMPETITOR_COLOR, means: c.criteria.map((x) => x.them) },
    ],
    (i) => [`Gap us − ${c.name}: ${describeDifference(c.criteria[i]!.gap)}`],
  );
}

/**
 * Theme frequency over time as a heatmap: rows are themes (most cited first), columns periods,
 * the value the share of interviewed deals with a quote on the theme. Cells below the hide
 * threshold have no colour (the count is in the tooltip); low-confidence cells are faded.
 */
export function themeHeatmapOption(trend: ThemeTrend, limit = 12): EChartsCoreOption {
  const themes = trend.themes.slice(0, limit);
  const max = Math.max(
    10,
    ...themes.flatMap((t) => t.cells.map((c) => (c.confidence === 'hidden' ? 0 : (pct(c.rate) ?? 0)))),
  );
  const data = themes.flatMap((t, y) =>
    t.cells.map((cell, x) => {
      const v = cell.confidence === 'hidden' || cell.rate === null ? null : pct(cell.rate)!;
      const low = cell.confidence === 'low';
      return {
        value: [x, y, v ?? '-'],
        itemStyle: low ? { opacity: 0.45 } : undefined,
        // Dark cells get white text; faded (low-confidence) cells muted text, without outline.
        label: { color: low ? '#5f6b7a' : v !== null && v > max * 0.55 ? '#ffffff' : '#1b2430', textBorderWidth: 0 },
      };
    }),
  );
  return {
    animation: false,
    grid: { left: 130, right: 24, top: 12, bottom: 64 },
    tooltip: {
      ...TOOLTIP,
      trigger: 'item',
      formatter: (p: { value: [number, number, unknown] }) => {
        const [x, y] = p.value;
        const t = themes[y];
        const period = trend.periods[x];
        const cell = t?.cells[x];
        if (!t || !period || !cell) return '';
        return `${t.name} · ${period.period}\n${formatInt(cell.hits)} of ${formatInt(cell.n)} interviewed deals\n${describeRateText(cell, 'citing')}`;
      },
    },
    xAxis: { type: 'category', data: trend.periods.map((p) => p.period), splitArea: { show: true } },
    yAxis: {
      type: 'category',
      data: themes.map((t) => shortLabel(t.name, 20)),
      inverse: true,
      splitArea: { show: true },
    },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      text: [`${Math.round(max)}%`, '0%'],
      inRange: { color: ['#f2f5fa', '#9db4d3', ACCENT] },
    },
    series: [
      {
        type: 'heatmap',
        name: 'Share of interviewed deals',
        data,
        label: {
          show: true,
          fontSize: 10,
          formatter: (p: { value: [number, number, number | string] }) => (p.value[2] === '-' ? '' : `${p.value[2]}%`),
        },
      },
    ],
  };
}
