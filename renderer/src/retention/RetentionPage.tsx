// The Retention area: first makes sure the per-customer revenue tables match the data (a quick
// refresh happens on read; a large change, such as a revenue import, starts the rebuild job by
// itself, with progress and Cancel), then shows cohorts, movements and the tie back to why we won.
import { useEffect, useRef, useState } from 'react';
import type { JobStatus } from '#shared/domain/jobs.ts';
import type { RetentionStatus } from '#shared/domain/retention.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/use-query.ts';
import { JobProgress } from '../components/JobProgress.tsx';
import { EmptyState, ErrorMessage } from '../components/Notice.tsx';
import { useJob } from '../jobs/use-job.ts';
import { formatInt } from '../lib/format.ts';
import { hrefFor } from '../lib/hash-params.ts';
import { ActivityNote } from './ActivityNote.tsx';
import { RetentionView } from './RetentionView.tsx';
import './retention.css';

export function RetentionPage() {
  // A finished rebuild invalidates the 'retention' domain (JOB_EFFECTS): the status reloads.
  const status = useQuery((api) => api.retention.status(), []);
  const [jobId, setJobId] = useState<string | null>(null);
  const [finished, setFinished] = useState<JobStatus | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const job = useJob(jobId, (s) => {
    setFinished(s);
    setJobId(null);
  });

  const rebuild = async (full: boolean) => {
    setError(null);
    setFinished(null);
    try {
      const { jobId: id } = await call((api) => api.retention.rebuild({ full }));
      setJobId(id);
    } catch (e) {
      setError(e as Error);
    }
  };

  // Figures out of date after a large change: prepare them now (the user came to see them; Cancel
  // stops it and leaves the button). While another task runs, look again every two seconds.
  const s0 = status.data;
  const reloadStatus = status.reload;
  const autoStart = !!s0 && s0.state === 'rebuild' && !s0.busy && !jobId && finished === null && error === null;
  const waitBusy = !!s0 && s0.state === 'rebuild' && s0.busy && !jobId;
  // Once per status read (StrictMode runs effects twice; the ref survives that).
  const startedFor = useRef<RetentionStatus | null>(null);
  useEffect(() => {
    if (!autoStart || startedFor.current === s0) return;
    startedFor.current = s0;
    call((api) => api.retention.rebuild({ full: false })).then(
      (r) => setJobId(r.jobId),
      (e: Error) => setError(e),
    );
  }, [autoStart, s0]);
  useEffect(() => {
    if (!waitBusy) return;
    const t = setTimeout(reloadStatus, 2000);
    return () => clearTimeout(t);
  }, [waitBusy, status.data, reloadStatus]);

  const problems = (
    <>
      {(error ?? job.error) && <ErrorMessage error={(error ?? job.error)!} title="The rebuild could not start" />}
      {finished?.state === 'cancelled' && (
        <p className="muted" role="status">
          Rebuild cancelled: the retention figures are as they were.
        </p>
      )}
      {finished?.state === 'failed' && <ErrorMessage error={new Error(finished.message)} title="The rebuild failed" />}
    </>
  );

  if (jobId) {
    return (
      <section className="panel retention-rebuild" data-testid="retention-rebuilding">
        <h1>Retention</h1>
        <p>Deriving monthly revenue per customer from won deals and imported revenue…</p>
        {job.status && <JobProgress status={job.status} onCancel={job.cancel} />}
      </section>
    );
  }
  if (status.error) return <ErrorMessage error={status.error} title="Retention could not be loaded" />;
  if (!status.data) return <p className="muted">Loading…</p>;
  const s = status.data;

  if (s.state === 'empty') {
    return (
      <EmptyState title="No revenue in this workspace yet">
        <p>
          Retention cohorts start from a customer&apos;s first revenue. Revenue comes from won deals with an amount and
          an account (their contract start and end give the months they pay for), or from an imported revenue file (MRR
          snapshots or invoice lines per customer and month).
        </p>
        <p>
          Win deals in the Deals area,{' '}
          <a href={hrefFor('/deals', { tab: 'import', what: 'revenue' })} data-testid="retention-import-revenue">
            import a revenue file
          </a>
          , or load the demo company from <a href="#/">Home</a> to explore.
        </p>
        <LeftOut status={s} />
        <ActivityNote status={s} />
        {problems}
      </EmptyState>
    );
  }
  if (s.state === 'rebuild') {
    return (
      <section className="panel retention-rebuild" data-testid="retention-needs-rebuild">
        <h1>Retention</h1>
        <p>
          Revenue data changed for {formatInt(s.pendingAccounts)} accounts since the retention figures were last
          prepared. Preparing them again runs in the background; you can cancel it, and nothing changes until it
          finishes.
        </p>
        {s.busy ? (
          <p className="muted" role="status">
            Another long task is running in this workspace; the figures are prepared as soon as it has finished.
          </p>
        ) : (
          <button type="button" onClick={() => rebuild(false)} data-testid="retention-rebuild">
            Prepare retention figures
          </button>
        )}
        {problems}
      </section>
    );
  }
  return (
    <>
      {problems}
      <RetentionView status={s} onRebuild={() => rebuild(true)} />
    </>
  );
}

/** Won deals that make no revenue, so the totals never hide them. */
export function LeftOut({ status }: { status: RetentionStatus }) {
  const { noAccount, noAmount, badDates } = status.leftOut;
  const total = noAccount + noAmount + badDates;
  if (total === 0) return null;
  const parts = [
    noAccount > 0 && `${formatInt(noAccount)} without an account`,
    noAmount > 0 && `${formatInt(noAmount)} without an amount`,
    badDates > 0 && `${formatInt(badDates)} whose contract or close dates cannot be read`,
  ].filter(Boolean);
  return (
    <p className="notice notice-warn" data-testid="retention-left-out">
      {formatInt(total)} won {total === 1 ? 'deal makes' : 'deals make'} no revenue here: {parts.join(', ')}.
    </p>
  );
}
