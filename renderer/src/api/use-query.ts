// Load data from the core for a component: `useQuery((api) => api.deals.summary({ filter }), [filter])`
// gives { data, error, loading, reload }. Backed by TanStack Query (query-client.ts): the key is
// the channel and argument the function calls, so screens asking the same thing share one answer,
// and a write refreshes the domains it changes (domains.ts). When the inputs change or the screen
// closes, TanStack aborts the earlier query's signal and call() cancels it in the core. The last
// data stays on screen while the next loads.
import { keepPreviousData, useQuery as useTanstackQuery } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Api } from '#shared/contract/index.ts';
import type { Result } from '#shared/contract/result.ts';
import { call } from './client.ts';

export interface Query<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

const NEVER = new Promise<never>(() => {});

/**
 * The query key of a loader: its domain (the first channel's namespace), then every channel it
 * calls with its argument, then the caller's deps. Found by running the loader against a stand-in
 * API that only records (loaders are plain calls, no side effects).
 */
export function queryKeyOf(fn: (api: Api) => unknown, deps: readonly unknown[]): QueryKey {
  const calls: [string, unknown][] = [];
  const recorder = new Proxy({} as Api, {
    get: (_t, ns) =>
      new Proxy(
        {},
        {
          get: (_v, verb) => (arg?: unknown) => {
            calls.push([`${String(ns)}:${String(verb)}`, arg ?? null]);
            return NEVER;
          },
        },
      ),
  });
  try {
    fn(recorder);
  } catch {
    // A loader that cannot run against the recorder is keyed by its deps alone.
  }
  const domain = calls[0]?.[0].split(':')[0] ?? 'other';
  return [domain, { calls, deps }];
}

/** deps: the inputs of fn (plain, JSON-serialisable values); a change loads again. */
export function useQuery<T>(fn: (api: Api) => Promise<Result<T>>, deps: readonly unknown[]): Query<T> {
  const query = useTanstackQuery({
    queryKey: queryKeyOf(fn, deps),
    queryFn: ({ signal }) => call(fn, { signal }),
    placeholderData: keepPreviousData,
  });
  const loading = query.isFetching || query.isPlaceholderData;
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { data: query.data, error: loading ? undefined : (query.error ?? undefined), loading, reload };
}
