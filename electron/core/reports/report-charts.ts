// Report charts: ECharts options built from the same results the tables print, rendered on the
// server by ECharts' SVG renderer (no canvas, no browser), so every chart in the PDF is vector
// with selectable text. The SVG is made CSP-clean for the in-app preview: style attributes become
// presentation attributes, hover styles go, and ids are numbered per report, not per process.
import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { Rate } from '#shared/analytics/rate.ts';
import { pct, rateBandSeries, RATE_COLORS, shownRate } from '#shared/charts/rate-band.ts';
import type { MovementPeriod } from '#shared/domain/retention.ts';
import type { ReasonParetoRow } from '#shared/domain/winloss.ts';
import type { CompetitorSummary, TrendPoint } from '#shared/domain/win-rates.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

const FONT = 'Inter';
export const CHART_COLORS = {
  accent: RATE_COLORS.accent,
  band: RATE_COLORS.band,
  won: '#2e8b57',
  lost: '#c0392b',
  noDecision: '#d4a017',
  low: RATE_COLORS.low,
  series: ['#1f3a5f', '#2e8b57', '#c0392b', '#d4a017', '#8e5ea2', '#3b8bba', '#7f8c8d'],
};

/** Renders one option to an SVG string; `index` keeps the ids of several charts apart. */
export function renderSvg(option: EChartsCoreOption, width: number, height: number, index: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return cleanSvg(chart.renderToSVGString(), index);
  } finally {
    chart.dispose();
  }
}

export function cleanSvg(svg: string, index: number): string {
  return (
    svg
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/ style="([^"]*)"/g, (_m, decl: string) =>
        decl
          .split(';')
          .map((d) => d.trim())
          .filter((d) => d.includes(':'))
          .map((d) => {
            const at = d.indexOf(':');
            return ` ${d.slice(0, at).trim()}="${d
              .slice(at + 1)
              .trim()
              .replace(/"/g, "'")}"`;
          })
          .join(''),
      )
      // A text halo is drawn as a second, stroked copy of the text: copied text would read twice.
      .replace(/<text [^>]*>/g, (tag) =>
        tag.replace(/ (stroke|stroke-width|paint-order|stroke-miterlimit)="[^"]*"/g, ''),
      )
      .replace(/zr\d+-/g, `c${index}-`)
      .replace(/<svg /, '<svg role="img" ')
  );
}

/** Win rate per period with its 95% interval as a band (the overview's chart). */
export function rateBandChart(points: { period: string; rate: Rate }[], name = 'Win rate'): EChartsCoreOption {
  return {
    grid: { left: 44, right: 16, top: 28, bottom: 28 },
    legend: { top: 0, data: [name, '95% interval'] },
    xAxis: { type: 'category', data: points.map((p) => p.period), boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: rateBandSeries(
      points.map((p) => p.rate),
      name,
      5,
    ),
  };
}

/** Several rows' win rates over time (a matrix's change over time). */
export function trendLinesChart(periods: string[], rows: { label: string; points: TrendPoint[] }[]): EChartsCoreOption {
  return {
    grid: { left: 44, right: 16, top: 48, bottom: 28 },
    legend: { top: 0, type: 'plain' },
    color: CHART_COLORS.series,
    xAxis: { type: 'category', data: periods, boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: rows.map((r) => ({
      name: r.label,
      type: 'line',
      symbolSize: 4,
      connectNulls: false,
      data: r.points.map((p) => pct(shownRate(p.rate)?.rate ?? null)),
    })),
  };
}

/** Competitors met most often: deals met and win rate against them (involved). */
export function competitorsChart(rows: CompetitorSummary[]): EChartsCoreOption {
  const top = rows.slice(0, 12).reverse();
  return {
    grid: { left: 150, right: 24, top: 28, bottom: 28 },
    legend: { top: 0, data: ['Deals met'] },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: top.map((c) => c.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      { name: 'Deals met', type: 'bar', itemStyle: { color: CHART_COLORS.accent }, data: top.map((c) => c.encounters) },
    ],
  };
}

/** Reasons by share of interviewed deals citing them (a Pareto panel). */
export function reasonsChart(rows: ReasonParetoRow[], color: string): EChartsCoreOption {
  const top = rows.slice(0, 10).reverse();
  return {
    grid: { left: 180, right: 40, top: 8, bottom: 28 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: top.map((r) => r.label), axisLabel: { width: 170, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        itemStyle: { color },
        label: { show: true, position: 'right', formatter: '{c}%', textBorderWidth: 0 },
        data: top.map((r) => pct(r.share.rate)),
      },
    ],
  };
}

/** Revenue movements per period: new, expansion, reactivation up; contraction and churn down. */
export function movementsChart(periods: MovementPeriod[]): EChartsCoreOption {
  const kinds: [keyof MovementPeriod, string, string][] = [
    ['newRevenue', 'New', CHART_COLORS.accent],
    ['expansion', 'Expansion', CHART_COLORS.won],
    ['reactivation', 'Reactivation', '#3b8bba'],
    ['contraction', 'Contraction', CHART_COLORS.noDecision],
    ['churn', 'Churn', CHART_COLORS.lost],
  ];
  return {
    grid: { left: 64, right: 16, top: 32, bottom: 28 },
    legend: { top: 0 },
    xAxis: { type: 'category', data: periods.map((p) => p.label) },
    yAxis: { type: 'value' },
    series: kinds.map(([key, name, color]) => ({
      name,
      type: 'bar',
      stack: 'movements',
      itemStyle: { color },
      data: periods.map((p) => Math.round(p[key] as number)),
    })),
  };
}

/** TTM NRR and GRR per period (from the first period with a year of history). */
export function ttmChart(periods: MovementPeriod[]): EChartsCoreOption {
  const shown = periods.filter((p) => p.ttm);
  const value = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  return {
    grid: { left: 44, right: 16, top: 28, bottom: 28 },
    legend: { top: 0 },
    xAxis: { type: 'category', data: shown.map((p) => p.label), boundaryGap: false },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: 'TTM NRR',
        type: 'line',
        itemStyle: { color: CHART_COLORS.accent },
        data: shown.map((p) => value(p.ttm!.nrr.value)),
      },
      {
        name: 'TTM GRR',
        type: 'line',
        itemStyle: { color: CHART_COLORS.won },
        data: shown.map((p) => value(p.ttm!.grr.value)),
      },
    ],
  };
}

/** Items reaching each funnel stage, first stage on top (the Funnel screen's bars). */
export function funnelChart(steps: { label: string; count: number; won: boolean }[]): EChartsCoreOption {
  const rev = [...steps].reverse();
  return {
    grid: { left: 100, right: 60, top: 8, bottom: 28 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rev.map((s) => s.label) },
    series: [
      {
        type: 'bar',
        label: { show: true, position: 'right', textBorderWidth: 0 },
        data: rev.map((s) => ({
          value: s.count,
          itemStyle: { color: s.won ? CHART_COLORS.won : CHART_COLORS.accent },
        })),
      },
    ],
  };
}

/** Median days per funnel step, this period beside the previous one. */
export function velocityChart(
  steps: { label: string; current: number | null; previous: number | null }[],
): EChartsCoreOption {
  const rev = [...steps].reverse();
  return {
    grid: { left: 150, right: 40, top: 28, bottom: 28 },
    legend: { top: 0, data: ['This period', 'Previous period'] },
    xAxis: { type: 'value', name: 'days', nameLocation: 'end', minInterval: 1 },
    yAxis: { type: 'category', data: rev.map((s) => s.label), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      {
        name: 'Previous period',
        type: 'bar',
        itemStyle: { color: CHART_COLORS.low },
        data: rev.map((s) => s.previous),
      },
      {
        name: 'This period',
        type: 'bar',
        itemStyle: { color: CHART_COLORS.accent },
        label: { show: true, position: 'right', textBorderWidth: 0 },
        data: rev.map((s) => s.current),
      },
    ],
  };
}
