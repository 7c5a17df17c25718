// Follows a job started in the core: polls jobs:get (a TanStack query refetched every 250 ms while
// the job runs), tells the caller once when it ends, and can cancel it. A job that finished its
// work invalidates the domains it changed (JOB_EFFECTS in api/domains.ts).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { JobStatus } from '#shared/domain/jobs.ts';
import { call } from '../api/client.ts';
import { applyEffect, JOB_EFFECTS } from '../api/domains.ts';

const POLL_MS = 250;

export function useJob(jobId: string | null, onFinish?: (status: JobStatus) => void) {
  const client = useQueryClient();
  const [cancelError, setCancelError] = useState<Error | null>(null);
  const query = useQuery({
    queryKey: ['jobs', jobId],
    queryFn: ({ signal }) => call((api) => api.jobs.get({ id: jobId! }), { signal }),
    enabled: jobId !== null,
    staleTime: 0,
    gcTime: 0,
    refetchInterval: (q) => (q.state.data && q.state.data.state !== 'running' ? false : POLL_MS),
  });
  const status = jobId === null ? null : (query.data ?? null);

  const finished = useEffectEvent((s: JobStatus) => {
    if (s.state === 'done') applyEffect(JOB_EFFECTS[s.kind]);
    onFinish?.(s);
  });
  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (!status || status.state === 'running' || reported.current === status.id) return;
    reported.current = status.id;
    finished(status);
  }, [status]);

  const cancel = useCallback(async () => {
    if (!jobId) return;
    try {
      client.setQueryData(['jobs', jobId], await call((api) => api.jobs.cancel({ id: jobId })));
    } catch (e) {
      setCancelError(e as Error);
    }
  }, [jobId, client]);

  return { status, error: cancelError ?? query.error, cancel };
}
