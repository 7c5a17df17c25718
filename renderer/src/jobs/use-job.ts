// Follows a job started in the core: polls its progress until it finishes, and can cancel it.
import { useCallback, useEffect, useState } from 'react';
import type { JobStatus } from '#shared/domain/jobs.ts';
import { call } from '../api/client.ts';

const POLL_MS = 250;

export function useJob(jobId: string | null, onFinish?: (status: JobStatus) => void) {
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const s = await call((api) => api.jobs.get({ id: jobId }));
        if (stopped) return;
        setStatus(s);
        if (s.state === 'running') timer = setTimeout(poll, POLL_MS);
        else onFinish?.(s);
      } catch (e) {
        if (!stopped) setError(e as Error);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follow one job per id
  }, [jobId]);

  const cancel = useCallback(async () => {
    if (!jobId) return;
    try {
      setStatus(await call((api) => api.jobs.cancel({ id: jobId })));
    } catch (e) {
      setError(e as Error);
    }
  }, [jobId]);

  return { status, error, cancel };
}
