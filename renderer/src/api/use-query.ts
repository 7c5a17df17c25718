// Load data from the core for a component: loading, error and a reload. When the inputs change
// (a filter click) or the screen closes, the earlier request is cancelled in the core, so it never
// queues ahead of the one the user now wants; the last data stays on screen while reloading.
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { Api } from '#shared/contract/index.ts';
import type { Result } from '#shared/contract/result.ts';
import { call } from './client.ts';

export interface Query<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/** deps: the inputs of fn (plain, JSON-serialisable values); a change reloads. */
export function useQuery<T>(fn: (api: Api) => Promise<Result<T>>, deps: readonly unknown[]): Query<T> {
  const [tick, setTick] = useState(0);
  const key = `${JSON.stringify(deps)}#${tick}`;
  const [state, setState] = useState<{ key: string | null; data?: T; error?: Error }>({ key: null });
  const load = useEffectEvent((signal: AbortSignal) => call(fn, { signal }));

  useEffect(() => {
    let live = true;
    const superseded = new AbortController();
    load(superseded.signal).then(
      (data) => live && setState({ key, data }),
      (error: Error) => live && setState((s) => ({ key, data: s.data, error })),
    );
    return () => {
      live = false;
      superseded.abort();
    };
  }, [key]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const loading = state.key !== key;
  return { data: state.data, error: loading ? undefined : state.error, loading, reload };
}
