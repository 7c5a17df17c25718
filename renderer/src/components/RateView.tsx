// A rate as every screen shows it: value, 95% interval, n, and the low-n rules of docs/METRICS.md#low-n
// (greyed below the low-confidence threshold, counts only below the hide threshold).
import type { Rate } from '#shared/analytics/rate.ts';
import { describeRateText } from '#shared/analytics/describe-rate.ts';
import { formatInt, formatPercent } from '../lib/format.ts';

/** hitsLabel names the hits in the tooltip ('won' by default; 'citing', 'differ' …). */
export function RateView({ rate, big = false, hitsLabel }: { rate: Rate; big?: boolean; hitsLabel?: string }) {
  const title = describeRateText(rate, hitsLabel);
  if (rate.n === 0) {
    return (
      <span className="rate rate-empty" title={title}>
        –
      </span>
    );
  }
  if (rate.confidence === 'hidden') {
    return (
      <span className="rate rate-hidden" title={title}>
        {formatInt(rate.hits)}/{formatInt(rate.n)}
      </span>
    );
  }
  const ci = `${formatPercent(rate.low, 0)}–${formatPercent(rate.high, 0)}`;
  if (big) {
    return (
      <span className={`rate rate-big ${rate.confidence === 'low' ? 'rate-low' : ''}`} title={title}>
        <span className="rate-value">{formatPercent(rate.rate)}</span>
        <span className="rate-ci">
          95% CI {ci} · n={formatInt(rate.n)}
        </span>
      </span>
    );
  }
  return (
    <span className={`rate ${rate.confidence === 'low' ? 'rate-low' : ''}`} title={title}>
      <span className="rate-value">{formatPercent(rate.rate)}</span>
      <span className="rate-ci">{ci}</span>
      <span className="rate-n">n={formatInt(rate.n)}</span>
    </span>
  );
}
