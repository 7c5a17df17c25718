// Which deal the interview is about, what the rep said, and whether the form is saved.
import { OUTCOME_LABEL } from '#shared/domain/enums.ts';
import type { InterviewStatus } from '#shared/domain/enums.ts';
import type { DealContext } from '#shared/domain/interviews.ts';
import { STATUS_LABEL } from '#shared/domain/interviews.ts';
import { formatMoney } from '../../lib/format.ts';
import { UserText } from '../options.tsx';
import type { SaveState } from './use-autosave.ts';

function SaveIndicator({ save, onRetry }: { save: SaveState; onRetry: () => void }) {
  switch (save.kind) {
    case 'blank':
      return (
        <span className="save-state blank" data-testid="save-state" data-state="blank">
          Not saved yet: the draft is kept from the first thing you type
        </span>
      );
    case 'saved':
      return (
        <span className="save-state saved" data-testid="save-state" data-state="saved">
          {save.at ? `All changes saved · ${new Date(save.at).toLocaleTimeString('en-GB')}` : 'Saved'}
        </span>
      );
    case 'pending':
      return (
        <span className="save-state pending" data-testid="save-state" data-state="pending">
          Unsaved changes…
        </span>
      );
    case 'saving':
      return (
        <span className="save-state saving" data-testid="save-state" data-state="saving">
          Saving…
        </span>
      );
    case 'error':
      return (
        <span className="save-state error" role="alert" data-testid="save-state" data-state="error">
          Not saved: {save.error.message}{' '}
          <button type="button" className="link" onClick={onRetry}>
            Retry
          </button>
        </span>
      );
  }
}

export function DealHeader({
  deal,
  status,
  save,
  onRetry,
}: {
  deal: DealContext;
  status: InterviewStatus;
  save: SaveState;
  onRetry: () => void;
}) {
  return (
    <header className="page-head deal-head">
      <div className="deal-head-title">
        <h1>
          <UserText>{deal.name}</UserText>
        </h1>
        <span className={`badge outcome-${deal.outcome}`}>{OUTCOME_LABEL[deal.outcome]}</span>
        <span className={`badge status-${status}`} data-testid="status-badge">
          {STATUS_LABEL[status]}
        </span>
        <SaveIndicator save={save} onRetry={onRetry} />
      </div>
      <p className="muted">
        {deal.accountName && (
          <>
            <UserText>{deal.accountName}</UserText>
            {deal.sector ? ` (${deal.sector})` : ''} ·{' '}
          </>
        )}
        {deal.segment ? `${deal.segment} · ` : ''}
        {deal.closeDate ? `closed ${deal.closeDate}` : 'still open'}
        {deal.amount !== null ? ` · ${formatMoney(deal.amount, deal.currency)}` : ''}
        {deal.productName ? ` · ${deal.productName}` : ''}
        {deal.ownerName ? ` · owner ${deal.ownerName}` : ''}
        {deal.competitors.length > 0 && (
          <>
            {' · against '}
            {deal.competitors.map((c, i) => (
              <span key={c.id}>
                {i > 0 ? ', ' : ''}
                <UserText>{c.name}</UserText>
                {c.isPrimary && deal.competitors.length > 1 ? ' (primary)' : ''}
              </span>
            ))}
          </>
        )}
      </p>
      {(deal.repReasonName || deal.repReasonText) && (
        <p className="muted small">
          The rep's reason in the CRM: <UserText>{deal.repReasonName ?? deal.repReasonText}</UserText>
          {deal.repReasonName && deal.repReasonText && deal.repReasonText !== deal.repReasonName && (
            <>
              {' '}
              (“<UserText>{deal.repReasonText}</UserText>”)
            </>
          )}
        </p>
      )}
      {deal.outcome === 'open' && (
        <p className="notice">This deal is still open: interviews usually follow the close.</p>
      )}
    </header>
  );
}
