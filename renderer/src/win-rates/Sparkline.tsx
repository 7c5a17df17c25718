// A row's win rate over time, small: an SVG line with gaps where n is too small to show a rate.
import type { TrendPoint } from '#shared/domain/win-rates.ts';
import { sparklinePath } from '../charts/win-rates-charts.ts';
import { formatPercent } from '../lib/format.ts';

export function Sparkline({ points, label }: { points: TrendPoint[]; label: string }) {
  const w = 120;
  const h = 24;
  const shown = points.filter((p) => p.rate.confidence !== 'hidden' && p.rate.rate !== null);
  const first = shown[0];
  const last = shown.at(-1);
  const text =
    first && last
      ? `${label}: ${formatPercent(first.rate.rate)} in ${first.period}, ${formatPercent(last.rate.rate)} in ${last.period}`
      : `${label}: too few deals per period for a trend`;
  return (
    <svg className="sparkline" width={w} height={h} viewBox={`-2 -2 ${w + 4} ${h + 4}`} role="img" aria-label={text}>
      <title>{text}</title>
      <line x1={0} x2={w} y1={h / 2} y2={h / 2} className="sparkline-mid" />
      <path d={sparklinePath(points, w, h)} className="sparkline-line" />
    </svg>
  );
}
