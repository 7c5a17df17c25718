// Shown wherever the win rate by amount is shown: the deals that distort it (lost deals with no
// amount make it look better than it is) and those imported without a deal type (assumed new
// business), each with its count and a link to the deals table filtered to them.
import { useQuery } from '../api/use-query.ts';
import { formatInt } from '../lib/format.ts';
import { hrefFor } from '../lib/hash-params.ts';

const plural = (n: number, one: string, many: string) => `${formatInt(n)} ${n === 1 ? one : many}`;

export function DataQualityNote() {
  const q = useQuery((api) => api.dashboard.dataQuality(), []);
  const d = q.data;
  // A failed count hides the note: it is advice, and the figures it qualifies still show.
  if (!d || (d.lostZeroAmount === 0 && d.noDealType === 0)) return null;
  return (
    <div className="notice notice-info small" role="note" data-testid="data-quality">
      <strong>Data quality</strong>
      <ul>
        {d.lostZeroAmount > 0 && (
          <li data-testid="dq-lost-no-amount">
            {plural(d.lostZeroAmount, 'lost deal has', 'lost deals have')} no amount (0 or blank) of{' '}
            {formatInt(d.lostDeals)} lost: they add nothing to the closed amount, so the win rate by amount is too high.{' '}
            <a href={hrefFor('/deals', { quality: 'lost-no-amount' })}>Show them</a>
          </li>
        )}
        {d.noDealType > 0 && (
          <li data-testid="dq-no-deal-type">
            {plural(d.noDealType, 'deal was', 'deals were')} imported without a deal type and counted as new business.{' '}
            <a href={hrefFor('/deals', { quality: 'no-deal-type' })}>Show them</a>
          </li>
        )}
      </ul>
    </div>
  );
}
