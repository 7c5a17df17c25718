// In place of an empty competitor chart: bare axes say nothing, this says what to do.
import { hrefFor } from '../lib/hash-params.ts';

export function NoCompetitors() {
  return (
    <div className="empty-state compact" data-testid="no-competitors">
      <h3>No competitors recorded yet</h3>
      <p>
        Win rates against competitors need deals that name them. Record competitors on a deal (
        <a href={hrefFor('/deals')}>Deals</a> → a deal → Edit → Competitors), or{' '}
        <a href={hrefFor('/deals', { tab: 'import' })}>import your deals</a> with a Competitors column (several names in
        a cell separated by ;).
      </p>
    </div>
  );
}
