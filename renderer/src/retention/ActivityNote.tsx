// What makes a customer active (docs/METRICS.md#activity), said where it changes the figures: how
// many accounts bought only at zero and are left out, and the choice to count any purchase. The
// setting changes the derivation, so the figures are prepared again (the page starts that job).
import { useState } from 'react';
import type { RetentionStatus } from '#shared/domain/retention.ts';
import { call } from '../api/client.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import { formatInt } from '../lib/format.ts';

export function ActivityNote({ status }: { status: RetentionStatus }) {
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const choose = async (retentionActivity: RetentionStatus['activity']) => {
    setBusy(true);
    setError(null);
    try {
      await call((api) => api.settings.update({ retentionActivity }));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  if (status.activity === 'anyPurchase') {
    return (
      <p className="notice" data-testid="retention-activity">
        Any purchase counts as activity here, zero-amount ones included.{' '}
        <button type="button" className="link" disabled={busy} onClick={() => void choose('revenue')}>
          Count only revenue above zero
        </button>
        {error && <ErrorMessage error={error} title="The setting was not changed" />}
      </p>
    );
  }
  if (status.zeroOnly === 0) return null;
  const n = status.zeroOnly;
  return (
    <p className="notice notice-warn" data-testid="retention-activity">
      {formatInt(n)} {n === 1 ? 'customer' : 'customers'} had only zero revenue (every purchase line came to 0) and{' '}
      {n === 1 ? 'is' : 'are'} left out.{' '}
      <button
        type="button"
        className="link"
        disabled={busy}
        onClick={() => void choose('anyPurchase')}
        data-testid="count-any-purchase"
      >
        Count any purchase as activity
      </button>
      {error && <ErrorMessage error={error} title="The setting was not changed" />}
    </p>
  );
}
