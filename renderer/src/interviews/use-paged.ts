// Rows loaded page by page for a virtualised list: the first page when the request changes,
// the next one when the user scrolls near the end. Answers to an earlier request are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '#shared/contract/index.ts';
import type { Result } from '#shared/contract/result.ts';
import { call } from '../api/client.ts';

export interface Paged<T, Extra> {
  rows: T[];
  total: number | null;
  extra: Extra | null;
  loading: boolean;
  error: Error | null;
  loadMore: () => void;
  reload: () => void;
}

/**
 * key: what identifies the request (filters, sort), as a string; fetch: one page by offset.
 * The page's `total` and any other fields (besides rows) are kept as `extra`.
 */
export function usePaged<T, P extends { rows: T[]; total: number }>(
  key: string,
  fetch: (api: Api, offset: number, limit: number) => Promise<Result<P>>,
  pageSize = 100,
): Paged<T, P> {
  const [state, setState] = useState<{
    key: string;
    rows: T[];
    total: number | null;
    extra: P | null;
    error: Error | null;
  }>({
    key: '',
    rows: [],
    total: null,
    extra: null,
    error: null,
  });
  const [tick, setTick] = useState(0);
  const loading = useRef(false);
  const fetchRef = useRef(fetch);
  const current = `${key}#${tick}`;
  const currentRef = useRef(current);
  useEffect(() => {
    fetchRef.current = fetch;
    currentRef.current = current;
  });

  const load = useCallback(
    (offset: number, forKey: string) => {
      loading.current = true;
      call((api) => fetchRef.current(api, offset, pageSize)).then(
        (page) => {
          loading.current = false;
          if (forKey !== currentRef.current) return;
          setState((s) => ({
            key: forKey,
            rows: offset === 0 || s.key !== forKey ? page.rows : [...s.rows, ...page.rows],
            total: page.total,
            extra: page,
            error: null,
          }));
        },
        (error: Error) => {
          loading.current = false;
          if (forKey === currentRef.current) setState((s) => ({ ...s, key: forKey, error }));
        },
      );
    },
    [pageSize],
  );

  useEffect(() => {
    load(0, current);
  }, [current, load]);

  const stale = state.key !== current;
  const loadMore = useCallback(() => {
    if (loading.current || stale || state.total === null || state.rows.length >= state.total) return;
    load(state.rows.length, current);
  }, [current, load, stale, state.rows.length, state.total]);

  return {
    rows: state.rows,
    total: state.total,
    extra: state.extra,
    loading: stale,
    error: stale ? null : state.error,
    loadMore,
    reload: useCallback(() => setTick((t) => t + 1), []),
  };
}
