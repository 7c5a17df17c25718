// The reason taxonomy editor (categories, then reasons: add, rename, reorder, move, merge,
// retire, restore) with the counts that each change affects, the dated change log, and themes.
import { useState } from 'react';
import type { Taxonomy, TaxonomyCategory, TaxonomyReason } from '#shared/domain/reasons.ts';
import type { Api } from '#shared/contract/index.ts';
import type { Result } from '#shared/contract/result.ts';
import { call } from '../../api/client.ts';
import { useQuery } from '../../api/use-query.ts';
import { ErrorMessage } from '../../components/Notice.tsx';
import { formatInt } from '../../lib/format.ts';
import { formatStamp } from '../list/DraftsPanel.tsx';
import { UserText } from '../options.tsx';
import { ThemeEditor } from './ThemeEditor.tsx';

type Run = (label: string, change: (api: Api) => Promise<Result<Taxonomy>>) => Promise<boolean>;

export function TaxonomyEditor() {
  const taxonomy = useQuery((api) => api.reasons.taxonomy(), []);
  const history = useQuery((api) => api.reasons.history({ limit: 200 }), []);
  const [data, setData] = useState<Taxonomy | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [showMerged, setShowMerged] = useState(false);
  const [newCategory, setNewCategory] = useState('');
  const t = data ?? taxonomy.data;

  const run: Run = async (label, change) => {
    setError(null);
    setMessage(null);
    try {
      setData(await call(change));
      setMessage(label);
      return true;
    } catch (e) {
      setError(e as Error);
      return false;
    }
  };

  if (taxonomy.error) return <ErrorMessage error={taxonomy.error} />;
  if (!t) return <p className="muted">Loading the taxonomy…</p>;
  const active = t.categories.flatMap((c) => c.reasons.filter((r) => !r.mergedInto && !r.retiredAt));

  return (
    <div className="taxonomy" data-testid="taxonomy">
      <header className="page-head">
        <h1>Reasons and themes</h1>
        <p className="muted definition">
          Reasons are coded on interviews in categories. Renaming keeps every coding. Merging moves the interviews,
          quotes and rep-stated deals of a reason to another one. Retiring keeps a reason on the interviews already
          coded with it (and in every count) but stops offering it. Every change is logged with its date.{' '}
          {formatInt(t.codedInterviews)} interviews have reasons coded.
        </p>
      </header>
      <div className="taxonomy-grid">
        <div>
          {error && <ErrorMessage error={error} title="That change was not made" />}
          {message && (
            <p className="notice notice-ok" role="status" data-testid="taxonomy-message">
              {message}
            </p>
          )}
          <label className="check">
            <input type="checkbox" checked={showMerged} onChange={(e) => setShowMerged(e.target.checked)} />
            Show reasons that were merged away
          </label>
          {t.categories.map((c, i) => (
            <CategoryBlock
              key={c.id}
              category={c}
              first={i === 0}
              last={i === t.categories.length - 1}
              categories={t.categories}
              active={active}
              showMerged={showMerged}
              run={run}
            />
          ))}
          <form
            className="panel inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run(`Added category "${newCategory.trim()}".`, (api) =>
                api.reasons.addCategory({ name: newCategory }),
              ).then((ok) => ok && setNewCategory(''));
            }}
          >
            <label className="field">
              <span className="field-label">New category</span>
              <input
                value={newCategory}
                maxLength={80}
                onChange={(e) => setNewCategory(e.target.value)}
                data-testid="new-category"
              />
            </label>
            <button type="submit" disabled={!newCategory.trim()}>
              Add category
            </button>
          </form>
          <ThemeEditor />
        </div>
        <aside className="panel history" aria-label="Change log">
          <h2>Change log</h2>
          {history.error && <ErrorMessage error={history.error} />}
          <ol className="history-list" data-testid="reason-history">
            {(history.data ?? []).map((h) => (
              <li key={h.id}>
                <span className="muted small">{formatStamp(h.at)}</span>
                <br />
                <UserText>{h.description}</UserText>
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </div>
  );
}

function CategoryBlock({
  category: c,
  first,
  last,
  categories,
  active,
  showMerged,
  run,
}: {
  category: TaxonomyCategory;
  first: boolean;
  last: boolean;
  categories: TaxonomyCategory[];
  active: TaxonomyReason[];
  showMerged: boolean;
  run: Run;
}) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [adding, setAdding] = useState('');
  const shown = c.reasons.filter((r) => showMerged || !r.mergedInto);
  return (
    <section className={`panel category ${c.retiredAt ? 'retired' : ''}`} data-testid="taxonomy-category">
      <div className="category-head">
        {renaming === null ? (
          <h2>
            <UserText>{c.name}</UserText>
            {c.retiredAt && <span className="muted small"> (retired {c.retiredAt.slice(0, 10)})</span>}
          </h2>
        ) : (
          <RenameForm
            value={renaming}
            label={`New name for ${c.name}`}
            onChange={setRenaming}
            onCancel={() => setRenaming(null)}
            onSave={() =>
              void run(`Renamed category to "${renaming.trim()}".`, (api) =>
                api.reasons.renameCategory({ id: c.id, name: renaming }),
              ).then((ok) => ok && setRenaming(null))
            }
          />
        )}
        <div className="row-actions">
          <button
            type="button"
            className="icon-button"
            aria-label={`Move category ${c.name} up`}
            disabled={first}
            onClick={() =>
              void run(`Moved "${c.name}" up.`, (api) => api.reasons.moveCategory({ id: c.id, direction: 'up' }))
            }
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move category ${c.name} down`}
            disabled={last}
            onClick={() =>
              void run(`Moved "${c.name}" down.`, (api) => api.reasons.moveCategory({ id: c.id, direction: 'down' }))
            }
          >
            ↓
          </button>
          <button type="button" className="secondary small-button" onClick={() => setRenaming(c.name)}>
            Rename
          </button>
          {c.retiredAt ? (
            <button
              type="button"
              className="secondary small-button"
              onClick={() => void run(`Restored "${c.name}".`, (api) => api.reasons.restoreCategory({ id: c.id }))}
            >
              Restore
            </button>
          ) : (
            <button
              type="button"
              className="secondary small-button"
              onClick={() => void run(`Retired "${c.name}".`, (api) => api.reasons.retireCategory({ id: c.id }))}
            >
              Retire
            </button>
          )}
        </div>
      </div>
      <table className="data-table reasons-table">
        <thead>
          <tr>
            <th>Reason</th>
            <th className="num" title="Interviews coded with it (as primary)">
              Interviews (primary)
            </th>
            <th className="num">Win / loss driver</th>
            <th className="num">Deals</th>
            <th className="num" title="Deals where the rep gave it as the reason in the CRM">
              Rep-stated
            </th>
            <th>Change</th>
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 && (
            <tr>
              <td colSpan={6} className="muted">
                No reasons in this category.
              </td>
            </tr>
          )}
          {shown.map((r, i) => (
            <ReasonRow
              key={r.id}
              reason={r}
              first={i === 0}
              last={i === shown.length - 1}
              categories={categories}
              active={active}
              run={run}
            />
          ))}
        </tbody>
      </table>
      {!c.retiredAt && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(`Added "${adding.trim()}" to ${c.name}.`, (api) =>
              api.reasons.add({ categoryId: c.id, name: adding }),
            ).then((ok) => ok && setAdding(''));
          }}
        >
          <label className="field">
            <span className="field-label">New reason in {c.name}</span>
            <input value={adding} maxLength={80} onChange={(e) => setAdding(e.target.value)} data-testid="new-reason" />
          </label>
          <button type="submit" className="secondary" disabled={!adding.trim()}>
            Add reason
          </button>
        </form>
      )}
    </section>
  );
}

function RenameForm({
  value,
  label,
  onChange,
  onSave,
  onCancel,
}: {
  value: string;
  label: string;
  onChange: (v: string) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  return (
    <form
      className="rename-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <input
        aria-label={label}
        value={value}
        maxLength={80}
        autoFocus
        onChange={(e) => onChange(e.target.value)}
        data-testid="rename-input"
      />
      <button type="submit" className="small-button">
        Save
      </button>
      <button type="button" className="secondary small-button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

function ReasonRow({
  reason: r,
  first,
  last,
  categories,
  active,
  run,
}: {
  reason: TaxonomyReason;
  first: boolean;
  last: boolean;
  categories: TaxonomyCategory[];
  active: TaxonomyReason[];
  run: Run;
}) {
  const [mode, setMode] = useState<'idle' | 'rename' | 'merge' | 'move'>('idle');
  const [name, setName] = useState(r.name);
  const [target, setTarget] = useState('');
  const k = r.counts;
  const into = active.find((x) => String(x.id) === target);
  return (
    <tr className={r.mergedInto ? 'merged' : r.retiredAt ? 'retired' : ''} data-testid="taxonomy-reason">
      <td>
        {mode === 'rename' ? (
          <RenameForm
            value={name}
            label={`New name for ${r.name}`}
            onChange={setName}
            onCancel={() => setMode('idle')}
            onSave={() =>
              void run(`Renamed "${r.name}" to "${name.trim()}".`, (api) =>
                api.reasons.rename({ id: r.id, name }),
              ).then((ok) => ok && setMode('idle'))
            }
          />
        ) : (
          <>
            <UserText>{r.name}</UserText>
            {r.mergedInto && (
              <span className="muted small">
                {' '}
                → merged into <UserText>{r.mergedInto.name}</UserText>
                {r.mergedInto.at ? ` on ${r.mergedInto.at.slice(0, 10)}` : ''}
              </span>
            )}
            {!r.mergedInto && r.retiredAt && <span className="muted small"> (retired {r.retiredAt.slice(0, 10)})</span>}
          </>
        )}
      </td>
      <td className="num">
        {formatInt(k.interviews)} ({formatInt(k.primary)})
      </td>
      <td className="num">
        {formatInt(k.winDriver)} / {formatInt(k.lossDriver)}
      </td>
      <td className="num">{formatInt(k.deals)}</td>
      <td className="num">{formatInt(k.repStated)}</td>
      <td className="reason-actions">
        {r.mergedInto ? null : mode === 'merge' ? (
          <div role="group" aria-label={`Merge ${r.name}`}>
            <select
              aria-label={`Merge ${r.name} into`}
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              data-testid="merge-target"
            >
              <option value="">Merge into…</option>
              {active
                .filter((x) => x.id !== r.id)
                .map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
            </select>
            {into && (
              <p className="small">
                {formatInt(k.interviews)} interview codings, {formatInt(k.quotes)} quotes and {formatInt(k.repStated)}{' '}
                rep-stated deals will move to “<UserText>{into.name}</UserText>”. This cannot be undone.
              </p>
            )}
            <button
              type="button"
              className="small-button"
              disabled={!into}
              onClick={() =>
                into &&
                void run(`Merged "${r.name}" into "${into.name}".`, (api) =>
                  api.reasons.merge({ id: r.id, intoId: into.id }),
                ).then((ok) => ok && setMode('idle'))
              }
              data-testid="merge-confirm"
            >
              Merge
            </button>{' '}
            <button type="button" className="secondary small-button" onClick={() => setMode('idle')}>
              Cancel
            </button>
          </div>
        ) : mode === 'move' ? (
          <select
            aria-label={`Move ${r.name} to category`}
            value=""
            autoFocus
            onBlur={() => setMode('idle')}
            onChange={(e) => {
              const to = Number(e.target.value);
              if (to)
                void run(`Moved "${r.name}".`, (api) => api.reasons.move({ id: r.id, categoryId: to })).then(() =>
                  setMode('idle'),
                );
            }}
          >
            <option value="">Move to…</option>
            {categories
              .filter((c) => c.id !== r.categoryId)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
        ) : (
          <div className="row-actions">
            <button
              type="button"
              className="icon-button"
              aria-label={`Move ${r.name} up`}
              disabled={first}
              onClick={() =>
                void run(`Moved "${r.name}" up.`, (api) => api.reasons.reorder({ id: r.id, direction: 'up' }))
              }
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Move ${r.name} down`}
              disabled={last}
              onClick={() =>
                void run(`Moved "${r.name}" down.`, (api) => api.reasons.reorder({ id: r.id, direction: 'down' }))
              }
            >
              ↓
            </button>
            <button type="button" className="secondary small-button" onClick={() => setMode('rename')}>
              Rename
            </button>
            <button type="button" className="secondary small-button" onClick={() => setMode('move')}>
              Move
            </button>
            <button
              type="button"
              className="secondary small-button"
              onClick={() => setMode('merge')}
              data-testid="merge-start"
            >
              Merge
            </button>
            {r.retiredAt ? (
              <button
                type="button"
                className="secondary small-button"
                onClick={() => void run(`Restored "${r.name}".`, (api) => api.reasons.restore({ id: r.id }))}
              >
                Restore
              </button>
            ) : (
              <button
                type="button"
                className="secondary small-button"
                onClick={() => void run(`Retired "${r.name}".`, (api) => api.reasons.retire({ id: r.id }))}
                data-testid="retire"
              >
                Retire
              </button>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}
