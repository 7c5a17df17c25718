// Plans saved by name: save the inputs on screen, open or delete a saved one.
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { PlanInputs } from '#shared/domain/plans.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import { formatAmount } from '#shared/analytics/plan-formulas.ts';
import type { PlanForm } from './plan-form.ts';
import { formOf } from './plan-form.ts';

export function SavedPlans({ inputs, onOpen }: { inputs: PlanInputs | null; onOpen: (f: PlanForm) => void }) {
  const plans = useQuery((api) => api.plans.list(), []);
  const [name, setName] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!inputs) return;
    setError(null);
    try {
      const saved = await call((api) => api.plans.save({ name: name.trim(), inputs }));
      setNotice(`Saved the plan “${saved.name}”.`);
      setName('');
    } catch (err) {
      setError(err as Error);
    }
  };
  const remove = async (id: number) => {
    setError(null);
    try {
      await call((api) => api.plans.delete({ id }));
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <section className="panel" aria-labelledby="plans-title">
      <h2 id="plans-title">Saved plans</h2>
      <form onSubmit={save}>
        <label>
          Save this plan as{' '}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} data-testid="plan-name" />
        </label>{' '}
        <button type="submit" disabled={!inputs || name.trim() === ''} data-testid="plan-save">
          Save plan
        </button>
        {!inputs && <span> (enter a target first)</span>}
      </form>
      {notice && <p role="status">{notice}</p>}
      {error && <ErrorMessage error={error} />}
      {plans.data && plans.data.length === 0 && <p>No saved plans yet: set a target, name the plan and save it.</p>}
      <ul data-testid="saved-plans">
        {plans.data?.map((p) => (
          <li key={p.id} data-testid="saved-plan">
            <strong>{p.name}</strong>: {formatAmount(p.inputs.target)}
            {p.inputs.period ? ` in ${p.inputs.period}` : ''}{' '}
            <button type="button" className="secondary" onClick={() => onOpen(formOf(p.inputs))}>
              Open
            </button>{' '}
            <button
              type="button"
              className="secondary"
              onClick={() => void remove(p.id)}
              aria-label={`Delete ${p.name}`}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
