// The win rate over periods with its 95% interval as a band: one series builder for the screens
// (renderer/src/charts) and the printed reports (electron/core/reports), so both draw the same
// figure the same way: hidden rates (n below the threshold) leave a gap, low-confidence points are
// greyed (docs/METRICS.md#low-n).
import type { Rate } from '../analytics/rate.ts';

/** Colours with meaning, shared by the screens' and the reports' charts. */
export const RATE_COLORS = { accent: '#1f3a5f', band: 'rgba(31, 58, 95, 0.16)', low: '#b8c0cc' } as const;

/** A rate as a chart percentage with one decimal. */
export const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

/** The rate if it may be drawn: null when hidden by the low-n rule or undefined. */
export const shownRate = (r: Rate) => (r.confidence === 'hidden' || r.rate === null ? null : r);

/** The band (stacked low + width) and the rate line, for an ECharts option's `series`. */
export function rateBandSeries(rates: Rate[], name: string, symbolSize: number) {
  const shown = rates.map(shownRate);
  return [
    {
      name: 'low',
      type: 'line',
      stack: 'ci',
      symbol: 'none',
      lineStyle: { opacity: 0 },
      data: shown.map((r) => pct(r?.low ?? null)),
    },
    {
      name: '95% interval',
      type: 'line',
      stack: 'ci',
      symbol: 'none',
      lineStyle: { opacity: 0 },
      itemStyle: { color: RATE_COLORS.band },
      areaStyle: { color: RATE_COLORS.band },
      data: shown.map((r) => (r && r.low !== null && r.high !== null ? pct(r.high - r.low) : null)),
    },
    {
      name,
      type: 'line',
      symbolSize,
      itemStyle: { color: RATE_COLORS.accent },
      lineStyle: { color: RATE_COLORS.accent, width: 2 },
      data: shown.map((r) =>
        r
          ? {
              value: pct(r.rate),
              itemStyle: { color: r.confidence === 'low' ? RATE_COLORS.low : RATE_COLORS.accent },
            }
          : null,
      ),
    },
  ];
}
