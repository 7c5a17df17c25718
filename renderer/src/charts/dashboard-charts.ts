// ECharts options for the home dashboard, built by pure functions from the summary, so they are
// unit-tested without a browser and the chart shows exactly the numbers the tiles show.
import type { EChartsCoreOption } from 'echarts/core';
import type { CompetitorEncounters, OutcomeCount, PeriodRate } from '#shared/domain/dashboard.ts';
import { OUTCOME_LABEL } from '#shared/domain/enums.ts';
import { describeRateText } from '#shared/analytics/describe-rate.ts';
import { formatInt } from '../lib/format.ts';
import { baseOption } from './base.ts';
import { escapeHtml } from './escape.ts';
import { rateBandOption } from './win-rates-charts.ts';
import { ACCENT, OUTCOME_COLOR } from './palette.ts';

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

/** Deals by outcome: one bar per outcome, in the domain's order. */
export function outcomesOption(outcomes: OutcomeCount[]): EChartsCoreOption {
  return {
    ...baseOption,
    grid: { left: 56, right: 16, top: 16, bottom: 32 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'category', data: outcomes.map((o) => OUTCOME_LABEL[o.outcome]) },
    yAxis: { type: 'value' },
    series: [
      {
        type: 'bar',
        name: 'Deals',
        data: outcomes.map((o) => ({ value: o.deals, itemStyle: { color: OUTCOME_COLOR[o.outcome] } })),
        label: { show: true, position: 'top', formatter: (p: { value: number }) => formatInt(p.value) },
      },
    ],
  };
}

/** Win rate per close quarter with its 95% interval band (the same chart as the Win rates overview). */
export function winRateTrendOption(points: PeriodRate[]): EChartsCoreOption {
  return rateBandOption(points.map((p) => ({ period: p.period, rate: p.winRate })));
}

/** Competitors met most often: encounters as bars, the win rate against each in the label. */
export function competitorsOption(rows: CompetitorEncounters[]): EChartsCoreOption {
  const ordered = [...rows].reverse(); // largest on top in a horizontal bar chart
  return {
    ...baseOption,
    grid: { left: 120, right: 120, top: 8, bottom: 24 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const r = ordered[p.dataIndex];
        return r
          ? `${escapeHtml(r.name)}<br/>${formatInt(r.encounters)} deals, ${formatInt(r.closed)} closed<br/>Win rate ${escapeHtml(describeRateText(r.winRate))}`
          : '';
      },
    },
    xAxis: { type: 'value', name: 'Deals' },
    yAxis: { type: 'category', data: ordered.map((r) => r.name) },
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
            if (r.winRate.confidence === 'hidden' || r.winRate.rate === null)
              return `${formatInt(r.encounters)} · n<${r.winRate.n + 1}`;
            return `${formatInt(r.encounters)} · win ${pct(r.winRate.rate)}%`;
          },
        },
      },
    ],
  };
}
