// The reporting currency. Changing it never relabels amounts behind the user's back: they either
// convert every amount with a rate they enter, or confirm the amounts were already in the new
// currency (docs/METRICS.md#currency). Deals stored in another currency are counted here.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { CURRENCIES, currencyLabel } from '#shared/domain/currencies.ts';
import { ApiError, call } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import { formatInt } from '../lib/format.ts';

type Mode = 'convert' | 'relabel';

export function CurrencySection({ current, onChanged }: { current: string; onChanged: () => void }) {
  const [to, setTo] = useState(current);
  const changing = to !== current;
  // Counting deals per currency reads every deal (a few hundred ms at a million): only asked for
  // once the user is about to change the currency, where the count matters.
  const use = useQuery(
    (api) => (changing ? api.settings.currencies() : Promise.resolve({ ok: true as const, value: [] })),
    [current, changing],
  );
  const [mode, setMode] = useState<Mode>('convert');
  const [rate, setRate] = useState('');
  const [issue, setIssue] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const others = (use.data ?? []).filter((u) => u.currency !== current);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setIssue(null);
    setError(null);
    setDone(null);
    const parsed = Number(rate.replace(',', '.'));
    if (mode === 'convert' && !(parsed > 0)) {
      setIssue('Enter the exchange rate, a number more than 0');
      return;
    }
    try {
      const r = await call((api) =>
        api.settings.currency({ currency: to, mode, ...(mode === 'convert' ? { rate: parsed } : {}) }),
      );
      setDone(
        r.mode === 'convert'
          ? `Converted ${formatInt(r.converted.deals)} deal amounts, ${formatInt(r.converted.revenueLines)} revenue lines and ${formatInt(r.converted.stageHistory)} stage amounts from ${r.from} to ${r.settings.currency} at ${r.rate}.`
          : `Amounts are now labelled ${r.settings.currency}; nothing was converted.`,
      );
      setRate('');
      onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.issues?.length) setIssue(err.issues[0]!.message);
      else setError(err as Error);
    }
  };

  return (
    <section className="panel" data-testid="currency-section">
      <h2>Reporting currency</h2>
      <p>
        Amounts are in <strong data-testid="current-currency">{currencyLabel(current)}</strong>.
      </p>
      {others.length > 0 && (
        <p className="notice notice-warn" data-testid="other-currencies">
          {others.map((o) => `${formatInt(o.deals)} deal${o.deals === 1 ? '' : 's'} in ${o.currency}`).join(', ')}:
          their amounts are kept in their own currency and added to totals as they are, not converted.
        </p>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <label>
          Change to
          <select value={to} onChange={(e) => setTo(e.target.value)} data-testid="currency-select">
            {CURRENCIES.map(([code, name]) => (
              <option key={code} value={code}>
                {code} · {name}
              </option>
            ))}
          </select>
        </label>
        {changing && (
          <fieldset>
            <legend>What should happen to the stored amounts?</legend>
            <label className="check">
              <input
                type="radio"
                name="currency-mode"
                checked={mode === 'convert'}
                onChange={() => setMode('convert')}
                data-testid="currency-convert"
              />
              Convert them: 1 {current} =
              <input
                type="text"
                inputMode="decimal"
                value={rate}
                onChange={(e) => setRate(e.target.value)}
                disabled={mode !== 'convert'}
                aria-label={`Exchange rate: ${to} per 1 ${current}`}
                aria-invalid={!!issue}
                aria-describedby="currency-rate-error"
                data-testid="currency-rate"
                size={10}
              />{' '}
              {to}
            </label>
            <label className="check">
              <input
                type="radio"
                name="currency-mode"
                checked={mode === 'relabel'}
                onChange={() => setMode('relabel')}
                data-testid="currency-relabel"
              />
              They are already in {to}; only the label was wrong
            </label>
            {issue && (
              <span className="field-error" id="currency-rate-error" role="alert">
                {issue}
              </span>
            )}
          </fieldset>
        )}
        <div className="form-actions">
          <button type="submit" disabled={!changing} data-testid="currency-apply">
            {mode === 'convert' ? 'Convert amounts' : 'Change the label'}
          </button>
          {done && (
            <span className="ok" data-testid="currency-done">
              {done}
            </span>
          )}
        </div>
        {error && <ErrorMessage error={error} />}
      </form>
    </section>
  );
}
