// The import log: every import with its row accounting; one import's files, what it changed,
// and undo (as a job: a large batch takes a moment).
import { useState } from 'react';
import type { ImportBatchDetail } from '#shared/domain/imports.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { JobProgress } from '../components/JobProgress.tsx';
import { EmptyState, ErrorMessage } from '../components/Notice.tsx';
import { useJob } from '../jobs/use-job.ts';
import { formatInt } from '../lib/format.ts';
import { hrefFor, navigate } from '../lib/hash-params.ts';
import { interviewsHref } from '../interviews/hash-query.ts';

const ENTITY_LABEL: Record<string, string> = {
  deals: 'deals',
  deal_competitors: 'deal competitor links',
  stage_history: 'stage changes',
  accounts: 'accounts',
  owners: 'owners',
  teams: 'teams',
  products: 'products',
  lead_sources: 'lead sources',
  competitors: 'competitors',
  competitor_aliases: 'competitor spellings',
  interviews: 'interviews',
  quotes: 'quotes',
  themes: 'themes',
  revenue_lines: 'revenue lines',
};

export function ImportLog({ selected, onUndone }: { selected: number | null; onUndone?: () => void }) {
  const batches = useQuery((api) => api.import.batches(), []);
  if (batches.error) return <ErrorMessage error={batches.error} />;
  if (!batches.data) return <p className="muted">Loading the import log…</p>;
  if (batches.data.length === 0) {
    return (
      <EmptyState title="No imports yet">
        <p>
          Every import is listed here with what it added and changed, and can be undone.{' '}
          <a href={hrefFor('/deals', { tab: 'import' })}>Import a CSV file</a>.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="import-log">
      <table className="data-table" data-testid="import-log">
        <thead>
          <tr>
            <th>#</th>
            <th>When</th>
            <th>File</th>
            <th className="num">Read</th>
            <th className="num">Added</th>
            <th className="num">Updated</th>
            <th className="num">Unchanged</th>
            <th className="num">Rejected</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {batches.data.map((b) => (
            <tr key={b.id} className={b.id === selected ? 'selected' : ''}>
              <td>
                <a href={hrefFor('/deals', { tab: 'log', batch: b.id })}>#{b.id}</a>
              </td>
              <td>{b.finishedAt.slice(0, 16).replace('T', ' ')}</td>
              <td>{b.sourceName}</td>
              <td className="num">{formatInt(b.rowsRead)}</td>
              <td className="num">{formatInt(b.rowsInserted)}</td>
              <td className="num">{formatInt(b.rowsUpdated)}</td>
              <td className="num">{formatInt(b.rowsUnchanged)}</td>
              <td className="num">{formatInt(b.rowsRejected)}</td>
              <td>
                {b.status === 'undone' ? (
                  <span className="muted">undone</span>
                ) : b.kind === 'demo' ? (
                  'demo data'
                ) : (
                  'imported'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {selected !== null && <BatchDetail key={selected} id={selected} onUndone={() => onUndone?.()} />}
    </div>
  );
}

function BatchDetail({ id, onUndone }: { id: number; onUndone: () => void }) {
  const detail = useQuery((api) => api.import.batch({ id }), [id]);
  const [jobId, setJobId] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const job = useJob(jobId, (s) => {
    setJobId(null);
    if (s.state === 'done') onUndone();
    else setError(new Error(s.message));
  });
  if (detail.error) return <ErrorMessage error={detail.error} />;
  if (!detail.data) return <p className="muted">Loading…</p>;
  const d: ImportBatchDetail = detail.data;
  const undo = async () => {
    setError(null);
    try {
      setJobId((await call((api) => api.import.undo({ id: d.id, force: d.undoNote !== null }))).jobId);
      setConfirm(false);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section className="panel batch-detail" data-testid="batch-detail">
      <h2>
        Import #{d.id}: {d.sourceName}
      </h2>
      <p className="muted">
        {d.startedAt.slice(0, 16).replace('T', ' ')} · {formatInt(d.rowsRead)} rows read = {formatInt(d.rowsInserted)}{' '}
        added + {formatInt(d.rowsUpdated)} updated + {formatInt(d.rowsUnchanged)} unchanged +{' '}
        {formatInt(d.rowsRejected)} rejected
        {d.mappingName && ` · mapping “${d.mappingName}”`}
      </p>
      {d.files.length > 1 && (
        <ul className="plain-list">
          {d.files.map((f) => (
            <li key={f.fileName}>
              {f.fileName} ({f.kind.replace('_', ' ')}): {formatInt(f.rowsRead)} rows, {formatInt(f.rejected)} rejected
            </li>
          ))}
        </ul>
      )}
      {d.changes.length > 0 && (
        <p>
          {d.changes
            .map(
              (c) =>
                `${[c.inserted > 0 ? `${formatInt(c.inserted)} added` : '', c.updated > 0 ? `${formatInt(c.updated)} changed` : ''].filter(Boolean).join(', ')} ${ENTITY_LABEL[c.entity] ?? c.entity}`,
            )
            .join(' · ')}
        </p>
      )}
      {d.changedFields.length > 0 && (
        <p data-testid="changed-fields">
          Fields changed: {d.changedFields.map((c) => `${c.field} on ${formatInt(c.count)} rows`).join(', ')}.
        </p>
      )}
      {d.sample.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th>Deal</th>
              <th>CRM id</th>
              <th>Change</th>
            </tr>
          </thead>
          <tbody>
            {d.sample.map((s) => (
              <tr key={`${s.change}-${s.dealId}`}>
                <td>
                  <a href={hrefFor('/deals', { deal: s.dealId })}>{s.name}</a>
                </td>
                <td>{s.externalId}</td>
                <td>{s.change === 'insert' ? 'added' : `changed ${s.fields.join(', ')}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {d.interviewSample.length > 0 && (
        <table className="data-table" data-testid="batch-interviews">
          <thead>
            <tr>
              <th>Interview</th>
              <th>Interview id</th>
              <th>Change</th>
            </tr>
          </thead>
          <tbody>
            {d.interviewSample.map((s) => (
              <tr key={`${s.change}-${s.interviewId}`}>
                <td>
                  <a href={interviewsHref({ id: s.interviewId })}>{s.dealName}</a>
                </td>
                <td>{s.externalId ?? '–'}</td>
                <td>{s.change === 'insert' ? 'added' : `changed ${s.fields.join(', ')}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {d.undoNote && <p className="notice">{d.undoNote}</p>}
      {jobId && job.status && <JobProgress status={job.status} onCancel={job.cancel} />}
      {d.canUndo && !jobId && (
        <div className="form-actions">
          {confirm ? (
            <>
              <span>Remove what this import added and put back what it changed?</span>
              <button type="button" onClick={undo} data-testid="confirm-undo-import">
                Undo the import
              </button>
              <button type="button" className="secondary" onClick={() => setConfirm(false)}>
                Keep it
              </button>
            </>
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirm(true)} data-testid="undo-import">
              Undo this import…
            </button>
          )}
        </div>
      )}
      {error && <ErrorMessage error={error} title="The import was not undone" />}
      <button type="button" className="link-button" onClick={() => navigate('/deals', { tab: 'log' })}>
        Close
      </button>
    </section>
  );
}
