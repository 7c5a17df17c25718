// ECharts options for the retention area, built by pure functions from the core's reports: the
// cohort heatmap, the split comparison curves, revenue movements and the TTM lines. The colours,
// labels and low-n rules here are the ones the cohort table uses too.
import type { EChartsCoreOption } from 'echarts/core';
import { ageLabel } from '#shared/analytics/cohort-periods.ts';
import { metricOf } from '#shared/analytics/cohort-metric.ts';
import type { MetricValue } from '#shared/analytics/cohort-metric.ts';
import type {
  CohortGroupSummary,
  CohortMatrix,
  Grain,
  MovementPeriod,
  RetentionMetric,
  RevenueRatio,
} from '#shared/domain/retention.ts';
import { METRIC_SHORT } from '#shared/domain/retention.ts';
import { formatInt, formatMoney, formatPercent } from '../lib/format.ts';
import { baseOption } from './base.ts';
import { escapeHtml } from './escape.ts';
import { ACCENT, LOW_CONFIDENCE } from './palette.ts';

export type Display = 'percent' | 'absolute';

const LIGHT = [244, 246, 250];
const DARK = [31, 58, 95]; // ACCENT
export const HIDDEN_FILL = '#e9ecf0';

/** The values the colours span, lightest to darkest. */
export interface HeatScale {
  lo: number;
  hi: number;
}

/**
 * The colour scale of a matrix: from its low values after the first period (the 5th percentile,
 * rounded down to 10%) to 100% (logo retention, GRR) or its high NRR (the 95th percentile, rounded
 * up). Spanning the data rather than 0-100% keeps 75% and 95% apart when every cohort retains most
 * customers; percentiles keep one small cohort at 260% from washing out the rest.
 */
export function heatScale(m: CohortMatrix, metric: RetentionMetric): HeatScale {
  const values: number[] = [];
  const add = (v: MetricValue, k: number) => {
    const x = cellShade(v);
    if (x !== null && k > 0) values.push(x);
  };
  m.average.forEach((a) => add(metricOf(a, metric), a.k));
  m.rows.forEach((r) => r.cells.forEach((c) => add(metricOf(c, metric), c.k)));
  values.sort((a, b) => a - b);
  const at = (q: number) => (values.length ? values[Math.min(values.length - 1, Math.floor(q * values.length))]! : 1);
  const hi = metric === 'nrr' ? Math.max(1, Math.ceil(at(0.95) * 10) / 10) : 1;
  const lo = Math.min(Math.floor(at(0.05) * 10) / 10, hi - 0.2);
  return { lo: Math.max(0, lo), hi };
}

/** The heat colour of a value on the scale (null: no value to show, grey). */
export function heatColor(value: number | null, scale: HeatScale): string {
  if (value === null) return HIDDEN_FILL;
  const t = Math.max(0, Math.min(1, (value - scale.lo) / (scale.hi - scale.lo)));
  const c = LIGHT.map((l, i) => Math.round(l + (DARK[i]! - l) * t));
  return `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}

/** Readable text on a fill: white on the darker half of the scale. */
export function textOn(fill: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16)) as [number, number, number];
  return 0.299 * r + 0.587 * g + 0.114 * b < 150 ? '#ffffff' : '#1b2430';
}

/** What a cell says: its value in percent, or the count/amount behind it; counts only when n is too small. */
export function cellText(v: MetricValue, display: Display, currency: string): string {
  if (display === 'absolute' || v.confidence === 'hidden') {
    if (v.denominator === 0) return '–';
    return v.counts ? formatInt(v.numerator) : formatMoney(v.numerator, currency);
  }
  if (v.value === null) return '–';
  return `${Math.round(v.value * 100)}%`;
}

/** The value a cell is coloured by (none when the rate is hidden for small n). */
export function cellShade(v: MetricValue): number | null {
  return v.confidence === 'hidden' || v.denominator === 0 ? null : v.value;
}

/** One line describing a cell, for tooltips and table titles. */
export function describeCell(v: MetricValue, metric: RetentionMetric, currency: string): string {
  const amount = (x: number) => (v.counts ? formatInt(x) : formatMoney(x, currency));
  if (v.denominator === 0) return 'no customers';
  const ratio = `${amount(v.numerator)} of ${amount(v.denominator)}`;
  if (v.confidence === 'hidden') return `${ratio} (too few customers to show a rate)`;
  const ci = v.low !== null && v.high !== null ? ` (95% CI ${formatPercent(v.low)}–${formatPercent(v.high)})` : '';
  const low = v.confidence === 'low' ? ' [low confidence]' : '';
  return `${METRIC_SHORT[metric]} ${formatPercent(v.value)}${ci}: ${ratio}${low}`;
}

export const AVERAGE_LABEL = 'Weighted average';

export interface HeatmapCellRef {
  /** null for the weighted-average row. */
  cohort: number | null;
  k: number;
}

export interface HeatmapOptions {
  metric: RetentionMetric;
  scale: HeatScale;
  display: Display;
  currency: string;
  grain: Grain;
  selected: HeatmapCellRef | null;
}

/** Pixel height that fits every row of the heatmap. */
export function heatmapHeight(m: CohortMatrix): number {
  const rows = m.rows.length + 1;
  return Math.max(160, rows * (rows > 30 ? 20 : 26) + 70);
}

/** Cell labels fit when the columns are wide enough; otherwise the tooltip and table carry them. */
export function showHeatmapLabels(m: CohortMatrix, display: Display): boolean {
  return m.maxK + 1 <= (display === 'percent' ? 26 : 16);
}

/**
 * The triangle: rows are cohorts (oldest on top, with their size) under a weighted-average row;
 * columns are periods since first revenue. Incomplete cells are faded and starred; cells whose n
 * is below the hide threshold show counts on grey.
 */
export function cohortHeatmapOption(m: CohortMatrix, o: HeatmapOptions): EChartsCoreOption {
  const yLabels = [AVERAGE_LABEL, ...m.rows.map((r) => `${r.label} · ${formatInt(r.size)}`)];
  const tips: string[] = [];
  const labels = showHeatmapLabels(m, o.display);
  const data: unknown[] = [];
  const push = (x: number, y: number, v: MetricValue, incomplete: boolean, ref: HeatmapCellRef, tip: string) => {
    const fill = heatColor(cellShade(v), o.scale);
    const selected = o.selected !== null && o.selected.cohort === ref.cohort && o.selected.k === ref.k;
    tips.push(tip);
    data.push({
      value: [x, y, cellShade(v) ?? -1],
      itemStyle: {
        color: fill,
        opacity: incomplete ? 0.45 : v.confidence === 'low' ? 0.75 : 1,
        borderColor: selected ? '#f4c542' : '#ffffff',
        borderWidth: selected ? 3 : 1,
      },
      label: {
        show: labels,
        color: textOn(fill),
        fontWeight: ref.cohort === null ? 700 : 400,
        formatter: `${cellText(v, o.display, o.currency)}${incomplete ? '*' : ''}`,
      },
    });
  };
  m.average.forEach((a) => {
    const v = metricOf(a, o.metric);
    push(
      a.k,
      0,
      v,
      false,
      { cohort: null, k: a.k },
      `${AVERAGE_LABEL}, ${ageLabel(a.k, o.grain)} (${formatInt(a.cohorts)} complete cohorts)<br/>${escapeHtml(describeCell(v, o.metric, o.currency))}`,
    );
  });
  m.rows.forEach((row, i) => {
    for (const cell of row.cells) {
      const v = metricOf(cell, o.metric);
      push(
        cell.k,
        i + 1,
        v,
        cell.incomplete,
        { cohort: row.cohort, k: cell.k },
        `Cohort ${escapeHtml(row.label)} (${formatInt(row.size)} customers), ${escapeHtml(cell.periodLabel)} = ${ageLabel(cell.k, o.grain)}<br/>` +
          escapeHtml(describeCell(v, o.metric, o.currency)) +
          (cell.incomplete ? '<br/>Incomplete: this period contains the data’s last date.' : ''),
      );
    }
  });
  const unit = o.grain === 'month' ? 'Months' : o.grain === 'quarter' ? 'Quarters' : 'Years';
  return {
    ...baseOption,
    grid: { left: 150, right: 16, top: 34, bottom: 8 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => tips[p.dataIndex] ?? '',
    },
    xAxis: {
      type: 'category',
      position: 'top',
      name: `${unit} since first revenue`,
      nameLocation: 'middle',
      nameGap: 22,
      data: Array.from({ length: m.maxK + 1 }, (_, k) => String(k)),
      splitArea: { show: false },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: yLabels,
      axisTick: { show: false },
      axisLabel: {
        formatter: (value: string, i: number) => (i === 0 ? `{avg|${value}}` : value),
        rich: { avg: { fontWeight: 700 } },
      },
    },
    series: [
      {
        type: 'heatmap',
        data,
        emphasis: { itemStyle: { borderColor: '#f4c542', borderWidth: 2 } },
      },
    ],
  };
}

/** The heatmap's cells in data order (average row first), so a click's data index names its cell. */
export function heatmapCells(m: CohortMatrix): HeatmapCellRef[] {
  return [
    ...m.average.map((a) => ({ cohort: null, k: a.k })),
    ...m.rows.flatMap((r) => r.cells.map((c) => ({ cohort: r.cohort, k: c.k }))),
  ];
}

/** Ages worth a column in the split table: a few early ones and each year. */
export function keyAges(grain: Grain, maxK: number): number[] {
  const wanted =
    grain === 'month' ? [1, 3, 6, 12, 13, 24, 36] : grain === 'quarter' ? [1, 2, 4, 5, 8, 12] : [1, 2, 3, 4];
  return wanted.filter((k) => k <= maxK);
}

/** The weighted-average curve of each group of a split, one line each (hidden points left out). */
export function splitCurvesOption(
  groups: CohortGroupSummary[],
  metric: RetentionMetric,
  grain: Grain,
  currency: string,
): EChartsCoreOption {
  const maxK = Math.max(0, ...groups.map((g) => g.average.length - 1));
  const shown = groups.slice(0, 12);
  return {
    ...baseOption,
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    legend: { type: 'scroll', top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { seriesIndex: number; dataIndex: number }[]) => {
        const k = params[0]?.dataIndex ?? 0;
        const lines = shown.map((g) => {
          const a = g.average[k];
          if (!a) return '';
          return `${escapeHtml(g.label)}: ${escapeHtml(describeCell(metricOf(a, metric), metric, currency))}`;
        });
        return [`${ageLabel(k, grain)} (weighted average of complete cohorts)`, ...lines.filter(Boolean)].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      name:
        grain === 'month'
          ? 'Months since first revenue'
          : grain === 'quarter'
            ? 'Quarters since first revenue'
            : 'Years since first revenue',
      nameLocation: 'middle',
      nameGap: 24,
      data: Array.from({ length: maxK + 1 }, (_, k) => String(k)),
    },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value}%' } },
    series: shown.map((g) => ({
      type: 'line',
      name: g.label,
      symbolSize: 4,
      connectNulls: false,
      data: g.average.map((a) => {
        const v = metricOf(a, metric);
        if (v.confidence === 'hidden' || v.value === null) return null;
        return {
          value: Math.round(v.value * 1000) / 10,
          itemStyle: v.confidence === 'low' ? { color: LOW_CONFIDENCE } : undefined,
        };
      }),
    })),
  };
}

/** Movement colours: gains in greens and teal, losses in orange and red. */
export const MOVEMENT_SERIES = [
  { key: 'newRevenue', label: 'New', color: '#2e8b57' },
  { key: 'expansion', label: 'Expansion', color: '#7cc49a' },
  { key: 'reactivation', label: 'Reactivation', color: '#3a8fb7' },
  { key: 'contraction', label: 'Contraction', color: '#e59a3c' },
  { key: 'churn', label: 'Churn', color: '#c0392b' },
] as const satisfies readonly { key: keyof MovementPeriod; label: string; color: string }[];

const COUNT_OF: Record<(typeof MOVEMENT_SERIES)[number]['key'], keyof MovementPeriod> = {
  newRevenue: 'newCustomers',
  expansion: 'expansionCustomers',
  reactivation: 'reactivationCustomers',
  contraction: 'contractionCustomers',
  churn: 'churnCustomers',
};

/** Stacked bars per period: gains above zero, losses below; the incomplete period faded. */
export function movementsOption(periods: MovementPeriod[], currency: string): EChartsCoreOption {
  return {
    ...baseOption,
    grid: { left: 72, right: 16, top: 36, bottom: 40 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const p = periods[params[0]?.dataIndex ?? 0];
        if (!p) return '';
        const net = p.newRevenue + p.expansion + p.reactivation + p.contraction + p.churn;
        return [
          `${escapeHtml(p.label)}${p.incomplete ? ' (incomplete)' : ''}: ${formatMoney(p.revenue, currency)} from ${formatInt(p.customers)} customers`,
          ...MOVEMENT_SERIES.map(
            (s) =>
              `${s.label}: ${formatMoney(p[s.key] as number, currency)} (${formatInt(p[COUNT_OF[s.key]] as number)})`,
          ),
          `Net change: ${formatMoney(net, currency)}`,
        ].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: periods.map((p) => p.label) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatMoney(v, currency) } },
    series: MOVEMENT_SERIES.map((s) => ({
      type: 'bar',
      name: s.label,
      stack: s.key === 'contraction' || s.key === 'churn' ? 'loss' : 'gain',
      itemStyle: { color: s.color },
      data: periods.map((p) => ({
        value: Math.round((p[s.key] as number) * 100) / 100,
        itemStyle: p.incomplete ? { opacity: 0.4 } : undefined,
      })),
    })),
  };
}

const ratioPoint = (r: RevenueRatio | undefined, incomplete: boolean, color: string) => {
  if (!r || r.value === null || r.confidence === 'hidden') return null;
  return {
    value: Math.round(r.value * 1000) / 10,
    symbol: incomplete ? 'emptyCircle' : 'circle',
    itemStyle: { color: r.confidence === 'low' ? LOW_CONFIDENCE : color },
  };
};

/** TTM NRR and GRR per period (from a year after the data starts), with 100% marked. */
export function ttmOption(periods: MovementPeriod[], currency: string): EChartsCoreOption {
  const from = periods.findIndex((p) => p.ttm !== null);
  const shown = from < 0 ? [] : periods.slice(from);
  const nrrColor = ACCENT;
  const grrColor = '#2e8b57';
  return {
    ...baseOption,
    grid: { left: 48, right: 44, top: 36, bottom: 40 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const p = shown[params[0]?.dataIndex ?? 0];
        if (!p?.ttm) return '';
        const t = p.ttm;
        return [
          `${escapeHtml(p.label)}${p.incomplete ? ' (incomplete)' : ''}: ${formatInt(t.baseCustomers)} customers a year earlier, ${formatMoney(t.baseRevenue, currency)}`,
          `NRR ${formatPercent(t.nrr.value)}: ${formatMoney(t.revenue, currency)} now from them (${formatInt(t.retainedCustomers)} still paying)`,
          `GRR ${formatPercent(t.grr.value)}: ${formatMoney(t.capped, currency)} capped at their revenue then`,
        ].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: shown.map((p) => p.label) },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, scale: true },
    series: [
      {
        type: 'line',
        name: 'TTM NRR',
        itemStyle: { color: nrrColor },
        lineStyle: { color: nrrColor, width: 2 },
        data: shown.map((p) => ratioPoint(p.ttm?.nrr, p.incomplete, nrrColor)),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#8a94a6', type: 'dashed' },
          label: { formatter: '100%' },
          data: [{ yAxis: 100 }],
        },
      },
      {
        type: 'line',
        name: 'TTM GRR',
        itemStyle: { color: grrColor },
        lineStyle: { color: grrColor, width: 2 },
        data: shown.map((p) => ratioPoint(p.ttm?.grr, p.incomplete, grrColor)),
      },
    ],
  };
}
