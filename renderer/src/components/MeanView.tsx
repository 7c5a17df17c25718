// A mean of 1-5 ratings as every screen shows it: value, 95% t-interval and n, with the same
// low-n rules as rates (greyed when low, hidden below the hide threshold). A difference of
// means shows its sign and is marked when its interval excludes 0.
import { describeDifference, describeMean, signed } from '#shared/analytics/describe-mean.ts';
import type { Difference, Mean } from '#shared/analytics/mean.ts';
import { formatInt } from '../lib/format.ts';

const f = (x: number | null, digits = 2) => (x === null ? '–' : x.toFixed(digits));

export function MeanView({ mean }: { mean: Mean }) {
  const title = describeMean(mean);
  if (mean.n === 0)
    return (
      <span className="rate rate-empty" title={title}>
        –
      </span>
    );
  if (mean.confidence === 'hidden')
    return (
      <span className="rate rate-hidden" title={title}>
        n={formatInt(mean.n)}
      </span>
    );
  return (
    <span className={`rate ${mean.confidence === 'low' ? 'rate-low' : ''}`} title={title}>
      <span className="rate-value">{f(mean.mean)}</span>
      {mean.low !== null && (
        <span className="rate-ci">
          {f(mean.low, 1)}–{f(mean.high, 1)}
        </span>
      )}
      <span className="rate-n">n={formatInt(mean.n)}</span>
    </span>
  );
}

export function DifferenceView({ diff }: { diff: Difference }) {
  const title = describeDifference(diff);
  if (diff.diff === null || diff.confidence === 'hidden')
    return (
      <span className="rate rate-hidden" title={title}>
        –
      </span>
    );
  return (
    <span
      className={`rate diff ${diff.confidence === 'low' ? 'rate-low' : ''} ${diff.significant ? (diff.diff > 0 ? 'diff-up' : 'diff-down') : ''}`}
      title={title}
    >
      <span className="rate-value">{signed(diff.diff)}</span>
      {diff.low !== null && (
        <span className="rate-ci">
          {signed(diff.low)} to {signed(diff.high)}
        </span>
      )}
      {diff.significant && <span className="sig">*</span>}
    </span>
  );
}
