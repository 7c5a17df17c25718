// Settings → Whole workspace: export every table to one zip, or build a new workspace from such a
// zip and open it. Both run as jobs with a progress bar and Cancel; the files are picked through
// the host's dialogs (core/archive/archive-handlers.ts).
import { useState } from 'react';
import { call } from '../api/client.ts';
import { JobProgress } from '../components/JobProgress.tsx';
import { ErrorMessage } from '../components/Notice.tsx';
import { useJob } from '../jobs/use-job.ts';
import { formatInt } from '../lib/format.ts';

type Running = { jobId: string; kind: 'export' | 'import'; target: string };

export function ArchivePanel({ hasWorkspace }: { hasWorkspace: boolean }) {
  const [running, setRunning] = useState<Running | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const job = useJob(running?.jobId ?? null, (s) => {
    const done = running;
    setRunning(null);
    if (s.state === 'cancelled') setNotice(`${s.message}`);
    else if (s.state !== 'done' || !done) setError(new Error(s.message));
    else if (done.kind === 'export') {
      const r = s.result as { path: string; rows: number; tables: number };
      setNotice(`Archived ${formatInt(r.rows)} rows of ${r.tables} tables to ${r.path}.`);
    } else {
      // The new file is complete and checked: switch to it (the app reloads on a workspace switch).
      call((api) => api.workspace.open({ path: done.target })).catch((e: Error) => setError(e));
    }
  });

  const start = async (kind: Running['kind']) => {
    setNotice(null);
    setError(null);
    try {
      if (kind === 'export') {
        const r = await call((api) => api.workspace.exportArchive({}));
        if (r) setRunning({ jobId: r.jobId, kind, target: r.path });
      } else {
        const r = await call((api) => api.workspace.importArchive({}));
        if (r) setRunning({ jobId: r.jobId, kind, target: r.target });
      }
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <section className="panel" aria-labelledby="archive-title" data-testid="archive-panel">
      <h2 id="archive-title">Whole workspace</h2>
      <p className="muted small">
        An archive is one zip with every table as JSON and as CSV, and a manifest of checksums. Opening one builds a new
        workspace file from it (never over an existing one) and refuses an archive that was altered.
      </p>
      <div className="form-actions">
        <button
          type="button"
          disabled={!hasWorkspace || running !== null}
          onClick={() => void start('export')}
          data-testid="archive-export"
        >
          Export whole workspace…
        </button>
        <button
          type="button"
          className="secondary"
          disabled={running !== null}
          onClick={() => void start('import')}
          data-testid="archive-import"
        >
          Open from archive…
        </button>
      </div>
      {job.status && job.status.state === 'running' && <JobProgress status={job.status} onCancel={job.cancel} />}
      {notice && (
        <p role="status" data-testid="archive-notice">
          {notice}
        </p>
      )}
      {error && <ErrorMessage error={error} title="Archive" />}
    </section>
  );
}
