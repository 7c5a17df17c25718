// Above the deals table: saved views (apply, save, delete), the column chooser, and exports.
import { useCallback, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { DealViewState, SavedView } from '#shared/domain/deals.ts';
import { DEAL_COLUMNS } from '#shared/domain/deals.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { JobProgress } from '../components/JobProgress.tsx';
import { ErrorMessage } from '../components/Notice.tsx';
import { useJob } from '../jobs/use-job.ts';
import { formatInt } from '../lib/format.ts';
import { toggleColumn } from './deal-view-state.ts';
import { useDismiss } from '../components/use-dismiss.ts';

interface Props {
  view: DealViewState;
  onView: (view: DealViewState) => void;
}

function Popover({ label, testId, children }: { label: string; testId: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root);
  return (
    <div className="popover" ref={root}>
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid={testId}
      >
        {label} ▾
      </button>
      {open && <div className="popover-body">{children}</div>}
    </div>
  );
}

export function ViewControls({ view, onView }: Props) {
  const views = useQuery((api) => api.views.list(), []);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [current, setCurrent] = useState<SavedView | null>(null);

  const save = async (e: FormEvent, replace = false) => {
    e.preventDefault();
    setError(null);
    try {
      const saved = await call((api) => api.views.save({ name: name.trim(), state: view, replace }));
      setCurrent(saved);
      setSaving(false);
      setNotice(`Saved the view “${saved.name}”.`);
    } catch (err) {
      setError(err as Error);
    }
  };

  // Exports run as jobs (a million rows take a while): follow them with a progress bar.
  const [exportJob, setExportJob] = useState<{ jobId: string; what: string } | null>(null);
  const exporting = useJob(exportJob?.jobId ?? null, (s) => {
    const what = exportJob?.what ?? 'rows';
    setExportJob(null);
    if (s.state === 'done') {
      const r = s.result as { path: string; rows: number };
      setNotice(`Exported ${formatInt(r.rows)} ${what} to ${r.path}.`);
    } else if (s.state === 'cancelled') setNotice('Export cancelled; no file was written.');
    else setError(new Error(s.message));
  });
  const exportView = async () => {
    setError(null);
    setNotice(null);
    try {
      const r = await call((api) =>
        api.deals.exportView({ filter: view.filter, sort: view.sort, columns: view.columns }),
      );
      if (r) setExportJob({ jobId: r.jobId, what: 'deals' });
    } catch (err) {
      setError(err as Error);
    }
  };
  const exportAll = async (what: 'deals' | 'competitors' | 'accounts') => {
    setError(null);
    setNotice(null);
    try {
      const r = await call((api) => api.export.csv({ what }));
      if (r) setExportJob({ jobId: r.jobId, what });
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <div className="view-controls">
      <label className="inline-label">
        <span>View</span>
        <select
          value={current?.id ?? ''}
          onChange={(e) => {
            const v = views.data?.find((x) => x.id === Number(e.target.value)) ?? null;
            setCurrent(v);
            if (v) onView(v.state);
          }}
          data-testid="saved-views"
        >
          <option value="">
            {views.data && views.data.length > 0 ? 'Choose a saved view…' : 'No saved views yet'}
          </option>
          {views.data?.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      {current && (
        <button
          type="button"
          className="secondary"
          onClick={async () => {
            await call((api) => api.views.delete({ id: current.id }));
            setNotice(`Deleted the view “${current.name}”.`);
            setCurrent(null);
          }}
        >
          Delete view
        </button>
      )}
      {saving ? (
        <form className="inline-form" onSubmit={(e) => save(e)}>
          <label>
            <span className="visually-hidden">View name</span>
            <input
              autoFocus
              placeholder="Name this view"
              value={name}
              maxLength={80}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setSaving(false)}
              data-testid="view-name"
            />
          </label>
          <button type="submit" disabled={!name.trim()} data-testid="save-view-confirm">
            Save
          </button>
          <button type="button" className="secondary" onClick={() => setSaving(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" className="secondary" onClick={() => setSaving(true)} data-testid="save-view">
          Save view…
        </button>
      )}
      <Popover label="Columns" testId="column-chooser">
        <fieldset className="column-list">
          <legend>Show columns</legend>
          {DEAL_COLUMNS.map((c) => (
            <label key={c.id} className="check">
              <input
                type="checkbox"
                checked={view.columns.includes(c.id)}
                disabled={view.columns.length === 1 && view.columns.includes(c.id)}
                onChange={() => onView({ ...view, columns: toggleColumn(view.columns, c.id) })}
                data-testid={`column-${c.id}`}
              />
              {c.label}
            </label>
          ))}
        </fieldset>
      </Popover>
      <button type="button" className="secondary" onClick={exportView} data-testid="export-view">
        Export view as CSV
      </button>
      <Popover label="Export all" testId="export-all">
        <div className="menu-list">
          <button type="button" className="link-button" onClick={() => exportAll('deals')}>
            All deals
          </button>
          <button type="button" className="link-button" onClick={() => exportAll('competitors')}>
            All competitors
          </button>
          <button type="button" className="link-button" onClick={() => exportAll('accounts')}>
            All accounts
          </button>
        </div>
      </Popover>
      {exportJob && exporting.status && (
        <div className="export-progress">
          <JobProgress status={exporting.status} onCancel={exporting.cancel} />
        </div>
      )}
      {notice && (
        <span className="ok" role="status" data-testid="view-notice">
          {notice}
        </span>
      )}
      {error && (
        <div className="view-error">
          <ErrorMessage error={error} title="That did not work" />
          {error.message.includes('already exists') && (
            <button type="button" className="secondary" onClick={(e) => save(e as unknown as FormEvent, true)}>
              Replace it
            </button>
          )}
        </div>
      )}
    </div>
  );
}
