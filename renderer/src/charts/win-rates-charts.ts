// ECharts options for the win-rate screens, built by pure functions from the core's results so they
// are unit-tested without a browser and show exactly the numbers the tables show.
import type { EChartsCoreOption } from 'echarts/core';
import type { Rate } from '#shared/analytics/rate.ts';
import { describeRateText } from '#shared/analytics/describe-rate.ts';
import { pct, rateBandSeries } from '#shared/charts/rate-band.ts';
import type { CompetitorSummary, DimValue, MatrixFigures, MatrixResult, TrendPoint } from '#shared/domain/win-rates.ts';
import { formatInt } from '../lib/format.ts';
import { ACCENT, OUTCOME_COLOR } from './palette.ts';
import { baseOption } from './base.ts';
import { escapeHtml } from './escape.ts';

/** The value a cell is coloured and sorted by, for the measure in force. */
export function shownRate(f: MatrixFigures, measure: 'count' | 'amount'): number | null {
  return measure === 'amount' ? f.amountRate : f.rate.rate;
}

const mix = (a: [number, number, number], b: [number, number, number], t: number) =>
  `rgb(${a.map((v, i) => Math.round(v + (b[i]! - v) * t)).join(', ')})`;
const NEUTRAL: [number, number, number] = [244, 246, 248];
const GOOD: [number, number, number] = [46, 139, 87];
const BAD: [number, number, number] = [192, 57, 43];

/**
 * Cell colour: green above the overall rate, red below, stronger the further away (full at 25
 * points); greyed when n is low, plain grey when the rate is hidden.
 */
export function cellColor(rate: number | null, overall: number | null, confidence: Rate['confidence']): string {
  if (rate === null || confidence === 'hidden') return '#e9ecf0';
  const d = overall === null ? 0 : rate - overall;
  const t = Math.min(1, Math.abs(d) / 0.25) * (confidence === 'low' ? 0.35 : 0.85);
  return mix(NEUTRAL, d >= 0 ? GOOD : BAD, t);
}

/** Text inside a cell: the rate, or the counts when n is below the hide threshold. */
export function cellLabel(f: MatrixFigures, measure: 'count' | 'amount'): string {
  if (f.closed === 0) return '';
  if (f.rate.confidence === 'hidden') return `${f.won}/${f.closed}`;
  const r = shownRate(f, measure);
  return r === null ? '–' : `${(r * 100).toFixed(0)}%`;
}

export function describeFigures(f: MatrixFigures, measure: 'count' | 'amount', currency: string): string {
  const byCount = describeRateText(f.rate);
  if (measure === 'count') return byCount;
  const amount = f.amountRate === null ? 'no closed amount' : `${(f.amountRate * 100).toFixed(1)}% by amount`;
  return `${amount} (${formatInt(f.wonAmount ?? 0)} of ${formatInt(f.closedAmount ?? 0)} ${currency}); by count ${byCount}`;
}

/**
 * Heatmap of the matrix: rows top to bottom in the given order, columns left to right. Data items
 * carry their row and column keys so a click can drill into exactly that cell.
 */
export function heatmapOption(m: MatrixResult, rows: DimValue[]): EChartsCoreOption {
  const measure = m.query.measure;
  const overall = shownRate(m.overall, measure);
  const cellOf = new Map(m.cells.map((c) => [`${c.row}\u0000${c.col}`, c]));
  const data: unknown[] = [];
  const ordered = [...rows].reverse(); // ECharts draws the first category at the bottom
  ordered.forEach((r, y) =>
    m.cols.forEach((c, x) => {
      const cell = cellOf.get(`${r.key}\u0000${c.key}`);
      if (!cell) return;
      data.push({
        value: [x, y, shownRate(cell, measure) ?? -1],
        row: r.key,
        col: c.key,
        title: `${r.label} · ${c.label}`,
        tip: `${escapeHtml(r.label)} · ${escapeHtml(c.label)}<br/>${describeFigures(cell, measure, m.currency)}`,
        label: {
          show: true,
          formatter: cellLabel(cell, measure),
          color: '#1b2430',
          fontStyle: cell.rate.confidence === 'ok' ? 'normal' : 'italic',
        },
        itemStyle: {
          color: cellColor(shownRate(cell, measure), overall, cell.rate.confidence),
          borderColor: '#fff',
          borderWidth: 1,
        },
      });
    }),
  );
  const longest = Math.max(4, ...rows.map((r) => r.label.length));
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      // Labels are user data: ECharts renders tooltips as HTML, so they are escaped here.
      formatter: (p: { data: { tip: string } }) => p.data.tip,
    },
    grid: { left: Math.min(240, 12 + longest * 7), right: 16, top: 8, bottom: 72 },
    xAxis: {
      type: 'category',
      data: m.cols.map((c) => c.label),
      splitArea: { show: false },
      axisLabel: { rotate: m.cols.length > 6 ? 35 : 0, interval: 0, width: 110, overflow: 'truncate' },
    },
    yAxis: {
      type: 'category',
      data: ordered.map((r) => r.label),
      axisLabel: { interval: 0, width: 230, overflow: 'truncate' },
    },
    series: [{ type: 'heatmap', data, emphasis: { itemStyle: { borderColor: ACCENT, borderWidth: 2 } } }],
  };
}

/** Win rate per period with its 95% interval as a band; no point where the rate is hidden. */
export function rateBandOption(points: { period: string; rate: Rate }[], name = 'Win rate'): EChartsCoreOption {
  return {
    ...baseOption,
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const p = points[params[0]?.dataIndex ?? 0];
        return p ? `${escapeHtml(p.period)}<br/>${escapeHtml(describeRateText(p.rate))}` : '';
      },
    },
    xAxis: { type: 'category', data: points.map((p) => p.period), boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: rateBandSeries(
      points.map((p) => p.rate),
      name,
      6,
    ),
  };
}

/** Two rate lines (involved and head-to-head) with the involved interval as a band. */
export function twoRatesOption(points: { period: string; involved: Rate; headToHead: Rate }[]): EChartsCoreOption {
  const base = rateBandOption(
    points.map((p) => ({ period: p.period, rate: p.involved })),
    'Involved',
  ) as {
    series: unknown[];
  } & Record<string, unknown>;
  const h2h = points.map((p) => (p.headToHead.confidence === 'hidden' ? null : pct(p.headToHead.rate)));
  return {
    ...base,
    legend: { data: ['Involved', 'Head-to-head'], top: 0, right: 8 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const p = points[params[0]?.dataIndex ?? 0];
        return p
          ? `${escapeHtml(p.period)}<br/>Involved: ${describeRateText(p.involved)}<br/>Head-to-head: ${describeRateText(p.headToHead)}`
          : '';
      },
    },
    series: [
      ...base.series,
      {
        name: 'Head-to-head',
        type: 'line',
        symbolSize: 5,
        itemStyle: { color: OUTCOME_COLOR.no_decision },
        lineStyle: { type: 'dashed' },
        data: h2h,
      },
    ],
  };
}

/** Competitors by deals met (bars), the win rate against each in the label. */
export function encountersOption(rows: CompetitorSummary[], top = 15): EChartsCoreOption {
  const ordered = rows.slice(0, top).reverse();
  return {
    animation: false,
    grid: { left: 130, right: 110, top: 8, bottom: 24 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const r = ordered[p.dataIndex];
        return r
          ? `${escapeHtml(r.name)}<br/>${formatInt(r.encounters)} deals met<br/>Win rate ${describeRateText(r.involved)}`
          : '';
      },
    },
    xAxis: { type: 'value', name: 'Deals met' },
    yAxis: { type: 'category', data: ordered.map((r) => r.name), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        data: ordered.map((r) => ({ value: r.encounters, itemStyle: { color: ACCENT } })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) => {
            const r = ordered[p.dataIndex];
            if (!r) return '';
            return r.involved.confidence === 'hidden' || r.involved.rate === null
              ? `${formatInt(r.encounters)} · n too small`
              : `${formatInt(r.encounters)} · win ${pct(r.involved.rate)}%`;
          },
        },
      },
    ],
  };
}

/** SVG path for a sparkline of rates (0..1) in a w x h box; gaps where a rate is hidden. */
export function sparklinePath(points: TrendPoint[], w: number, h: number): string {
  if (points.length === 0) return '';
  const step = points.length > 1 ? w / (points.length - 1) : 0;
  let d = '';
  let pen = false;
  points.forEach((p, i) => {
    const r = p.rate.confidence === 'hidden' ? null : p.rate.rate;
    if (r === null) {
      pen = false;
      return;
    }
    const x = (i * step).toFixed(1);
    const y = (h - r * h).toFixed(1);
    d += `${pen ? 'L' : 'M'}${x} ${y} `;
    pen = true;
  });
  return d.trim();
}
