// "Load demo data": starts the demo job, shows its progress with Cancel, and reports the outcome.
import { useState } from 'react';
import type { JobStatus } from '#shared/domain/jobs.ts';
import { call } from '../api/client.ts';
import { JobProgress } from '../components/JobProgress.tsx';
import { ErrorMessage } from '../components/Notice.tsx';
import { useJob } from '../jobs/use-job.ts';

// A finished demo job invalidates every query (JOB_EFFECTS): Home shows the dashboard by itself.
export function DemoLoader() {
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [finished, setFinished] = useState<JobStatus | null>(null);
  const job = useJob(jobId, (s) => {
    setFinished(s);
    setJobId(null);
  });

  const start = async () => {
    setError(null);
    setFinished(null);
    try {
      const { jobId: id } = await call((api) => api.demo.load({}));
      setJobId(id);
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <div className="demo-loader">
      {!jobId && (
        <button type="button" onClick={start} data-testid="load-demo">
          Load demo data
        </button>
      )}
      {jobId && job.status && <JobProgress status={job.status} onCancel={job.cancel} />}
      {finished?.state === 'cancelled' && <p className="muted">Cancelled: the workspace is unchanged.</p>}
      {finished?.state === 'failed' && (
        <ErrorMessage error={new Error(finished.message)} title="The demo could not be loaded" />
      )}
      {(error ?? job.error) && <ErrorMessage error={(error ?? job.error)!} />}
    </div>
  );
}
