// A deal's page: its detail, the form to edit it, and delete (with undo from the bar).
import { useState } from 'react';
import type { DealOptions, UndoToken } from '#shared/domain/deals.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { ErrorMessage } from '../components/Notice.tsx';
import { hrefFor, navigate } from '../lib/hash-params.ts';
import { DealDetailView } from './DealDetailView.tsx';
import { DealForm } from './DealForm.tsx';
import { draftOf, inputOf } from './deal-form-state.ts';

interface Props {
  id: number;
  options: DealOptions | undefined;
  onChanged: (undo: UndoToken) => void;
}

export function DealPage({ id, options, onChanged }: Props) {
  // An edit, delete or undo invalidates the 'deals' domain: this deal reloads by itself.
  const deal = useQuery((api) => api.deals.get({ id }), [id]);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  if (deal.error) {
    return (
      <div>
        <a href={hrefFor('/deals')} className="back-link">
          ← All deals
        </a>
        <ErrorMessage error={deal.error} title="This deal cannot be shown" />
      </div>
    );
  }
  if (!deal.data) return <p className="muted">Loading the deal…</p>;
  const d = deal.data;
  if (editing) {
    return (
      <DealForm
        key={d.id}
        title={`Edit “${d.name}”`}
        initial={draftOf(d)}
        options={options}
        onCancel={() => setEditing(false)}
        onSave={async (draft) => {
          const r = await call((api) => api.deals.update({ id: d.id, deal: inputOf(draft) }));
          setEditing(false);
          onChanged(r.undo);
        }}
      />
    );
  }
  return (
    <>
      <DealDetailView
        deal={d}
        onEdit={() => setEditing(true)}
        onDelete={async () => {
          setError(null);
          try {
            const r = await call((api) => api.deals.delete({ id: d.id }));
            onChanged(r.undo);
            navigate('/deals');
          } catch (e) {
            setError(e as Error);
          }
        }}
      />
      {error && <ErrorMessage error={error} title="The deal was not deleted" />}
    </>
  );
}
