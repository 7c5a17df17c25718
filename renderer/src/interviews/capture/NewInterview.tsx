// Step one of a new interview: find the deal. Typing searches deal names, accounts and CRM ids;
// with nothing typed, the recently closed deals that have no interview yet are offered.
// Arrow keys move, Enter opens the form (the draft is stored from the first thing typed in it).
import { useEffect, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { OUTCOME_LABEL } from '#shared/domain/enums.ts';
import type { DealOption } from '#shared/domain/interviews.ts';
import { call } from '../../api/client.ts';
import { useQuery } from '../../api/use-query.ts';
import { ErrorMessage } from '../../components/Notice.tsx';
import { formatInt, formatMoney } from '../../lib/format.ts';
import { interviewsHref } from '../hash-query.ts';
import { UserText } from '../options.tsx';

export function NewInterview({ dealId }: { dealId?: number }) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setQuery(text.trim()), 200);
    return () => clearTimeout(t);
  }, [text]);
  const deals = useQuery((api) => api.interviews.findDeals({ query, limit: 12 }), [query]);
  const list = deals.data ?? [];
  const current = query === text.trim() && !deals.loading;

  /** Opens the form on the deal; the draft is stored only once something is typed in it. */
  const start = (deal: DealOption) => {
    setBusy(true);
    window.location.replace(interviewsHref({ capture: deal.id }));
  };

  /** Enter before the results for the typed text arrived: ask for them and take the first. */
  const startFirstMatch = async () => {
    try {
      const [first] = await call((api) => api.interviews.findDeals({ query: text.trim(), limit: 1 }));
      if (first) start(first);
    } catch (e) {
      setError(e as Error);
    }
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(list.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!current) {
        if (!busy) void startFirstMatch();
        return;
      }
      const deal = list[active];
      if (deal && !busy) start(deal);
    } else if (e.key === 'Escape') {
      window.location.hash = interviewsHref();
    }
  };

  return (
    <div className="interviews new-interview">
      <header className="page-head">
        <a href={interviewsHref()} className="small">
          ← Interviews
        </a>
        <h1>New interview: which deal?</h1>
        <p className="muted">
          Search by deal name, account or CRM id. Use ↑ ↓ and Enter to choose; Escape goes back. The interview is saved
          as a draft from the first keystroke.
        </p>
      </header>
      {dealId !== undefined && <LinkedDeal dealId={dealId} busy={busy} onStart={start} />}
      <section className="panel">
        <label className="field">
          <span className="field-label">Deal</span>
          <input
            type="search"
            role="combobox"
            aria-expanded="true"
            aria-controls="deal-options"
            aria-activedescendant={list[active] ? `deal-${list[active].id}` : undefined}
            autoFocus
            value={text}
            maxLength={200}
            placeholder="Deal, account or CRM id"
            onChange={(e) => {
              setText(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKey}
            data-testid="deal-search"
          />
        </label>
        <p className="muted small">
          {query ? `Deals matching “${query}”` : 'Recently closed deals without an interview'}
          {deals.loading ? ' …' : ''}
        </p>
        {deals.error && <ErrorMessage error={deals.error} />}
        {error && <ErrorMessage error={error} title="The interview could not be started" />}
        <ul id="deal-options" role="listbox" className="deal-options" aria-label="Deals">
          {list.length === 0 && !deals.loading && (
            <li className="muted">
              {query
                ? 'No deal matches. Try part of the deal or account name, or the CRM id.'
                : 'No recently closed deal is waiting for an interview. Type to search all deals.'}
            </li>
          )}
          {list.map((d, i) => (
            <li
              key={d.id}
              id={`deal-${d.id}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => !busy && start(d)}
              data-testid="deal-option"
            >
              <span className={`badge outcome-${d.outcome}`}>{OUTCOME_LABEL[d.outcome]}</span>{' '}
              <strong>
                <UserText>{d.name}</UserText>
              </strong>
              {d.accountName && (
                <>
                  {' · '}
                  <UserText>{d.accountName}</UserText>
                </>
              )}
              <span className="muted">
                {d.closeDate ? ` · closed ${d.closeDate}` : ' · open'}
                {d.amount !== null ? ` · ${formatMoney(d.amount, d.currency)}` : ''}
                {d.externalId ? ` · ${d.externalId}` : ''}
                {d.interviews > 0
                  ? ` · ${formatInt(d.interviews)} interview${d.interviews === 1 ? '' : 's'} already`
                  : ''}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** Arrived from a link naming the deal ("interview this deal"): offer it first. */
function LinkedDeal({ dealId, busy, onStart }: { dealId: number; busy: boolean; onStart: (d: DealOption) => void }) {
  const linked = useQuery((api) => api.interviews.findDeals({ query: '', dealId, limit: 1 }), [dealId]);
  const deal = linked.data?.[0];
  if (linked.error) return <ErrorMessage error={linked.error} />;
  if (!deal) return null;
  return (
    <section className="panel">
      <button type="button" onClick={() => onStart(deal)} disabled={busy} data-testid="start-linked">
        Start the interview on <UserText>{deal.name}</UserText>
      </button>{' '}
      <span className="muted">or find another deal below.</span>
    </section>
  );
}
