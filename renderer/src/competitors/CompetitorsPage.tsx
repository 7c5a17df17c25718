// Competitors: each with the deals it was met on and our win rate against it (n and 95% interval,
// greyed or hidden when n is small), then one competitor to edit (#/competitors?edit=3): name,
// website, notes, the spellings imports map to it, merging it into another (undoable) and the
// merges log. The name opens the competitor's profile (#/competitors?id=3).
import '../styles/workspace.css';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { CompetitorDetail } from '#shared/domain/competitors.ts';
import { closedDefinition } from '#shared/domain/settings.ts';
import { ApiError, call } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { ExportableTable } from '../components/ExportableTable.tsx';
import { useSettings } from '../settings/use-settings.ts';
import { EmptyState, ErrorMessage } from '../components/Notice.tsx';
import { RateView } from '../components/RateView.tsx';
import { formatInt } from '../lib/format.ts';
import { hrefFor, navigate, useHashParams } from '../lib/hash-params.ts';
import { CompetitorProfileView } from './CompetitorProfileView.tsx';

export function CompetitorsPage() {
  const params = useHashParams();
  const profile = Number(params.get('id')) || null;
  return profile !== null ? (
    <CompetitorProfileView id={profile} />
  ) : (
    <CompetitorList selected={Number(params.get('edit')) || null} />
  );
}

function CompetitorList({ selected }: { selected: number | null }) {
  const list = useQuery((api) => api.competitors.list(), []);
  const settings = useSettings();
  const [name, setName] = useState('');
  const [error, setError] = useState<Error | null>(null);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const c = await call((api) => api.competitors.create({ name }));
      setName('');
      navigate('/competitors', { edit: c.id });
    } catch (err) {
      setError(err as Error);
    }
  };

  if (list.error) return <ErrorMessage error={list.error} title="The competitors could not be loaded" />;
  return (
    <div className="competitors-page" data-testid="competitor-list">
      <header className="page-head area-head">
        <div>
          <h1>Competitors</h1>
          {settings.data && (
            <p className="muted small definition">
              {closedDefinition(settings.data)} Win rate against a competitor counts closed deals where it was involved;
              head-to-head only those where it was the primary competitor. Intervals are 95% Wilson score intervals.
            </p>
          )}
        </div>
        <form className="inline-form" onSubmit={add}>
          <label>
            <span className="visually-hidden">New competitor’s name</span>
            <input
              value={name}
              maxLength={200}
              placeholder="New competitor’s name"
              onChange={(e) => setName(e.target.value)}
              data-testid="new-competitor-name"
            />
          </label>
          <button type="submit" disabled={!name.trim()} data-testid="add-competitor">
            Add competitor
          </button>
        </form>
      </header>
      {error && <ErrorMessage error={error} title="The competitor was not added" />}
      {!list.data ? (
        <p className="muted">Counting the deals each competitor was met on…</p>
      ) : list.data.length === 0 ? (
        <EmptyState title="No competitors yet">
          <p>
            Competitors come in with imported deals (a competitor column, or a deal-competitor file), or add one above.
          </p>
        </EmptyState>
      ) : (
        <div className="competitors-layout">
          <ExportableTable
            context={{
              title: 'Competitors with our win rate against them',
              n: { value: list.data.reduce((a, c) => a + c.encounters, 0), of: 'competitor encounters' },
              interval: '95% Wilson score intervals',
              period: 'all close dates',
              measure: 'win rate by count, involved and head-to-head',
            }}
            testId="competitors-export"
          >
            <table className="data-table competitors-table" data-testid="competitors-table">
              <thead>
                <tr>
                  <th>Competitor</th>
                  <th className="num">Deals met</th>
                  <th className="num">Closed</th>
                  <th>Our win rate (95% CI, n)</th>
                  <th>Head-to-head</th>
                  <th className="num">Spellings</th>
                  <th>Last met</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((c) => (
                  <tr
                    key={c.id}
                    className={c.id === selected ? 'selected clickable' : 'clickable'}
                    onClick={() => navigate('/competitors', { edit: c.id })}
                    data-testid="competitor-row"
                  >
                    <td>
                      <a
                        href={hrefFor('/competitors', { id: c.id })}
                        onClick={(e) => e.stopPropagation()}
                        title="Open the profile"
                        data-testid="competitor-link"
                      >
                        {c.name}
                      </a>
                      {c.hasNotes && <span className="tag">notes</span>}
                    </td>
                    <td className="num">{formatInt(c.encounters)}</td>
                    <td className="num">{formatInt(c.closed)}</td>
                    <td>
                      <RateView rate={c.winRate} />
                    </td>
                    <td>
                      <RateView rate={c.headToHead} />
                    </td>
                    <td className="num">{formatInt(c.aliases)}</td>
                    <td>{c.lastMet ?? <span className="muted">–</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ExportableTable>
          {selected !== null && (
            <CompetitorEditor key={selected} id={selected} others={list.data.filter((c) => c.id !== selected)} />
          )}
        </div>
      )}
      <MergeLog />
    </div>
  );
}

// Every edit invalidates the competitors domain (api/domains.ts): the detail and the list reload.
function CompetitorEditor({ id, others }: { id: number; others: { id: number; name: string }[] }) {
  const detail = useQuery((api) => api.competitors.get({ id }), [id]);
  const [draft, setDraft] = useState<{ name: string; website: string; notes: string } | null>(null);
  const [alias, setAlias] = useState('');
  const [into, setInto] = useState('');
  const [confirmMerge, setConfirmMerge] = useState(false);
  const [fieldError, setFieldError] = useState<Record<string, string>>({});
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (detail.error) return <ErrorMessage error={detail.error} />;
  if (!detail.data) return <p className="muted">Loading…</p>;
  const c: CompetitorDetail = detail.data;
  const form = draft ?? { name: c.name, website: c.website ?? '', notes: c.notes ?? '' };
  const run = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    setFieldError({});
    setSaved(null);
    try {
      await action();
      setSaved(done);
    } catch (err) {
      if (err instanceof ApiError && err.issues)
        setFieldError(Object.fromEntries(err.issues.map((i) => [i.path, i.message])));
      setError(err as Error);
    }
  };

  return (
    <section className="panel competitor-editor-panel" data-testid="competitor-editor">
      <h2>{c.name}</h2>
      <p className="muted">
        Met on {formatInt(c.encounters)} deals ({formatInt(c.closed)} closed).{' '}
        <a href={hrefFor('/deals', { competitor: c.id })}>See these deals</a>
      </p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () =>
              call((api) =>
                api.competitors.update({ id: c.id, name: form.name, website: form.website, notes: form.notes }),
              ),
            'Saved.',
          );
        }}
      >
        <label>
          Name
          <input
            value={form.name}
            onChange={(e) => setDraft({ ...form, name: e.target.value })}
            aria-invalid={!!fieldError.name}
            data-testid="competitor-name"
          />
          {fieldError.name && <span className="field-error">{fieldError.name}</span>}
        </label>
        <label>
          Website
          <input value={form.website} onChange={(e) => setDraft({ ...form, website: e.target.value })} />
        </label>
        <label>
          Notes
          <textarea
            rows={5}
            value={form.notes}
            onChange={(e) => setDraft({ ...form, notes: e.target.value })}
            data-testid="competitor-notes"
          />
        </label>
        <div className="form-actions">
          <button type="submit" data-testid="save-competitor">
            Save
          </button>
          {saved && <span className="ok">{saved}</span>}
        </div>
      </form>
      <h3>Spellings imports map to {c.name}</h3>
      <ul className="alias-list" data-testid="alias-list">
        {c.aliasList.map((a) => (
          <li key={a.id}>
            {a.alias}
            {a.isName ? (
              <span className="muted small"> (its name)</span>
            ) : (
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  run(() => call((api) => api.competitors.removeAlias({ aliasId: a.id })), `Removed “${a.alias}”.`)
                }
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await call((api) => api.competitors.addAlias({ id: c.id, alias }));
            setAlias('');
          }, `Added “${alias}”.`);
        }}
      >
        <label>
          <span className="visually-hidden">Another spelling</span>
          <input
            value={alias}
            placeholder="Another spelling, e.g. ACME Corp."
            onChange={(e) => setAlias(e.target.value)}
            aria-invalid={!!fieldError.alias}
            data-testid="new-alias"
          />
        </label>
        <button type="submit" className="secondary" disabled={!alias.trim()} data-testid="add-alias">
          Add spelling
        </button>
        {fieldError.alias && <span className="field-error">{fieldError.alias}</span>}
      </form>
      <h3>Merge</h3>
      <p className="muted small">
        Merging moves {c.name}’s deals, spellings, ratings and quotes to the other competitor and removes {c.name}. It
        is logged and can be undone.
      </p>
      <div className="inline-form">
        <label className="inline-label">
          <span>Merge {c.name} into</span>
          <select value={into} onChange={(e) => setInto(e.target.value)} data-testid="merge-into">
            <option value="">Choose…</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        {confirmMerge ? (
          <>
            <button
              type="button"
              onClick={() =>
                run(async () => {
                  const r = await call((api) => api.competitors.merge({ fromId: c.id, intoId: Number(into) }));
                  navigate('/competitors', { edit: r.into.id });
                }, 'Merged.')
              }
              data-testid="confirm-merge"
            >
              Merge now
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmMerge(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            className="secondary"
            disabled={!into}
            onClick={() => setConfirmMerge(true)}
            data-testid="merge"
          >
            Merge…
          </button>
        )}
      </div>
      {error && !Object.keys(fieldError).length && <ErrorMessage error={error} title="That did not work" />}
    </section>
  );
}

function MergeLog() {
  const merges = useQuery((api) => api.competitors.merges(), []);
  const [error, setError] = useState<Error | null>(null);
  if (!merges.data || merges.data.length === 0) return null;
  return (
    <section className="panel merge-log" data-testid="merge-log">
      <h2>Merges</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th>When</th>
            <th>Merged</th>
            <th>Into</th>
            <th className="num">Deals moved</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {merges.data.map((m) => (
            <tr key={m.id}>
              <td>{m.mergedAt.slice(0, 16).replace('T', ' ')}</td>
              <td>{m.fromName}</td>
              <td>{m.intoName}</td>
              <td className="num">{formatInt(m.deals)}</td>
              <td>
                {m.undoneAt ? (
                  <span className="muted">undone {m.undoneAt.slice(0, 10)}</span>
                ) : (
                  <button
                    type="button"
                    className="link-button"
                    onClick={async () => {
                      setError(null);
                      try {
                        const back = await call((api) => api.competitors.undoMerge({ mergeId: m.id }));
                        navigate('/competitors', { edit: back.id });
                      } catch (e) {
                        setError(e as Error);
                      }
                    }}
                    data-testid="undo-merge"
                  >
                    Undo
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && <ErrorMessage error={error} title="The merge was not undone" />}
    </section>
  );
}
