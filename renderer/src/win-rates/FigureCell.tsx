// One figure of a matrix as the table shows it: rate, 95% interval, won/closed, with the low-n
// rules of docs/METRICS.md#low-n (greyed below the low-confidence threshold, counts only below the hide one).
import type { MatrixFigures } from '#shared/domain/win-rates.ts';
import { describeFigures } from '../charts/win-rates-charts.ts';
import { formatInt, formatMoney, formatPercent } from '../lib/format.ts';

export function FigureContent({
  f,
  measure,
  currency,
}: {
  f: MatrixFigures;
  measure: 'count' | 'amount';
  currency: string;
}) {
  if (f.closed === 0) return <span className="fig-empty">–</span>;
  const counts = `${formatInt(f.won)}/${formatInt(f.closed)}`;
  if (f.rate.confidence === 'hidden') {
    return (
      <span className="fig fig-hidden">
        <span className="fig-counts">{counts}</span>
        <span className="fig-note">n too small</span>
      </span>
    );
  }
  const low = f.rate.confidence === 'low' ? ' fig-low' : '';
  if (measure === 'amount') {
    return (
      <span className={`fig${low}`}>
        <span className="fig-rate">{formatPercent(f.amountRate)}</span>
        <span className="fig-ci">
          {formatMoney(f.wonAmount ?? 0, currency)} / {formatMoney(f.closedAmount ?? 0, currency)}
        </span>
        <span className="fig-counts">n={formatInt(f.closed)}</span>
      </span>
    );
  }
  return (
    <span className={`fig${low}`}>
      <span className="fig-rate">{formatPercent(f.rate.rate)}</span>
      <span className="fig-ci">
        {formatPercent(f.rate.low, 0)}–{formatPercent(f.rate.high, 0)}
      </span>
      <span className="fig-counts">{counts}</span>
    </span>
  );
}

/** A clickable cell or total: opens the deals it counts. */
export function FigureButton({
  f,
  measure,
  currency,
  label,
  onOpen,
  testId,
  row,
  col,
}: {
  f: MatrixFigures | undefined;
  measure: 'count' | 'amount';
  currency: string;
  label: string;
  onOpen: () => void;
  testId: string;
  row?: string;
  col?: string;
}) {
  if (!f || f.closed === 0)
    return (
      <span className="fig-empty" aria-label={`${label}: no closed deals`}>
        –
      </span>
    );
  return (
    <button
      type="button"
      className="fig-button"
      onClick={onOpen}
      title={`${label}\n${describeFigures(f, measure, currency)}\nClick for the deals it counts.`}
      aria-label={`${label}: ${describeFigures(f, measure, currency)}. Show the deals.`}
      data-testid={testId}
      data-row={row}
      data-col={col}
      data-n={f.closed}
    >
      <FigureContent f={f} measure={measure} currency={currency} />
    </button>
  );
}
