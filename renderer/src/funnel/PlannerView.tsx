// The needed-MQL planner (docs/METRICS.md#needed-mqls): history pre-fills the average won deal size
// and the MQL-to-won rate; the user sets a target and may override either. The plan is computed
// here from a pure function, so every edit recomputes at once; the formulas are shown with it.
import { useMemo, useState } from 'react';
import { formatAmount, formatRate } from '#shared/analytics/plan-formulas.ts';
import { computePlan } from '#shared/analytics/planner.ts';
import { parsePlanPeriod } from '#shared/domain/plan-period.ts';
import type { PlanHistory } from '#shared/domain/plans.ts';
import { useQuery } from '../api/use-query.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import css from './funnel.module.css';
import type { PlanForm } from './plan-form.ts';
import { EMPTY_FORM, inputsOf } from './plan-form.ts';
import { PlanResultPanel } from './PlanResultPanel.tsx';
import { SavedPlans } from './SavedPlans.tsx';

function HistoryNote({ h, which }: { h: PlanHistory; which: 'dealSize' | 'rate' }) {
  const w = h.window ? `${h.window.from} to ${h.window.to}` : 'no data yet';
  if (which === 'dealSize') {
    const d = h.dealSize;
    if (!d)
      return <span data-testid="history-deal-size">No won new-business deal with an amount in {w}: enter one.</span>;
    const ci = d.low !== null && d.high !== null ? ` [${formatAmount(d.low)} – ${formatAmount(d.high)}]` : '';
    return (
      <span data-testid="history-deal-size">
        History: {formatAmount(d.mean)}
        {ci}, n = {d.n} won new-business deals closed {w} (95% interval on the log scale)
      </span>
    );
  }
  const r = h.rate;
  if (!r || r.rate === null || r.hits === 0)
    return (
      <span data-testid="history-rate">
        No won MQL in the mature cohorts of {w}
        {h.maturityDays !== null ? ` (mature: ended at least ${h.maturityDays} days before ${h.asOf})` : ''}: enter a
        rate.
      </span>
    );
  return (
    <span data-testid="history-rate">
      History: {formatRate(r.rate)} [{formatRate(r.low!)} – {formatRate(r.high!)}], {formatAmount(r.hits)} won of{' '}
      {formatAmount(r.n)} MQLs, mature cohorts {h.window!.from} to {h.matureTo} (95% Wilson)
    </span>
  );
}

export function PlannerView() {
  const [form, setForm] = useState<PlanForm>(EMPTY_FORM);
  const set = (patch: Partial<PlanForm>) => setForm((f) => ({ ...f, ...patch }));
  // Memoised on the form so the simulation runs once per edit, not once per render.
  const { inputs, problem } = useMemo(() => inputsOf(form), [form]);
  const period = parsePlanPeriod(form.period) ? form.period.trim() : null;
  const history = useQuery(
    (api) => api.plans.history({ period, from: form.from || null, to: form.to || null }),
    [period, form.from, form.to],
  );
  const h = history.data;
  const plan = useMemo(() => (h && inputs ? computePlan(h, inputs) : null), [h, inputs]);
  const field = (key: keyof PlanForm, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label>
      {label}
      <input
        value={form[key]}
        onChange={(e) => set({ [key]: e.target.value })}
        data-testid={`plan-${key}`}
        {...extra}
      />
    </label>
  );
  return (
    <>
      <p className={css.muted}>
        How many MQLs a new-name revenue target needs, from your history or your own figures. Edit any input; the plan
        recomputes at once. Data until {h?.asOf ?? '–'}.
      </p>
      <div className={css.controls}>
        {field('target', 'Revenue target', { inputMode: 'decimal', placeholder: 'e.g. 750000', autoFocus: true })}
        {field('period', 'Target period', { placeholder: h?.period.label ?? '2026-Q3' })}
        {field('from', 'History from', { type: 'date' })}
        {field('to', 'History to', { type: 'date' })}
        {field('dealSize', 'Average won deal size', {
          inputMode: 'decimal',
          placeholder: h?.dealSize ? formatAmount(h.dealSize.mean) : 'enter one',
        })}
        {field('rate', 'MQL-to-won rate (%)', {
          inputMode: 'decimal',
          placeholder: h?.rate?.rate ? (h.rate.rate * 100).toFixed(1) : 'enter one',
        })}
        {field('market', 'Addressable market (accounts, optional)', { inputMode: 'numeric' })}
      </div>
      {history.error && <ErrorMessage error={history.error} />}
      {h && (
        <ul className={css.muted}>
          <li>
            <HistoryNote h={h} which="dealSize" />
          </li>
          <li>
            <HistoryNote h={h} which="rate" />
          </li>
          <li>
            Target period {h.period.label}: {h.period.from} to {h.period.to}. History window{' '}
            {h.window ? `${h.window.from} to ${h.window.to}` : '–'} (default: the last four complete quarters).
          </li>
        </ul>
      )}
      {problem && <p data-testid="plan-problem">{problem}</p>}
      {plan && plan.missing.length > 0 && (
        <p className={css.warning} data-testid="plan-missing">
          To plan, enter{' '}
          {plan.missing.map((m) => (m === 'rate' ? 'an MQL-to-won rate' : 'an average deal size')).join(' and ')}:
          history has none for this window.
        </p>
      )}
      {plan && plan.needed !== null && <PlanResultPanel history={h!} plan={plan} market={inputs!.market} />}
      <SavedPlans inputs={inputs} onOpen={setForm} />
    </>
  );
}
