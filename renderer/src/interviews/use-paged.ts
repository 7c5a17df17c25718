// Rows loaded page by page for a virtualised list (TanStack's useInfiniteQuery): the first page
// when the request changes, the next one when the user scrolls near the end. A request that
// changes aborts the earlier one in the core; the rows shown stay until the new ones arrive. A
// write to the list's domain (interviews, quotes) invalidates it like any other query.
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { Api } from '#shared/contract/index.ts';
import type { Result } from '#shared/contract/result.ts';
import { call } from '../api/client.ts';
import { queryKeyOf } from '../api/use-query.ts';

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
  const [domain] = queryKeyOf((api) => fetch(api, 0, pageSize), []);
  const query = useInfiniteQuery({
    queryKey: [domain, 'paged', key, pageSize],
    queryFn: ({ pageParam, signal }) => call((api) => fetch(api, pageParam, pageSize), { signal }),
    initialPageParam: 0,
    getNextPageParam: (last, _all, offset) =>
      offset + last.rows.length < last.total && last.rows.length > 0 ? offset + last.rows.length : undefined,
    placeholderData: keepPreviousData,
  });
  const { data, hasNextPage, isFetchingNextPage, fetchNextPage, refetch } = query;
  const rows = useMemo(() => data?.pages.flatMap((p) => p.rows) ?? [], [data]);
  const last = data?.pages.at(-1) ?? null;
  const loading = query.isPending || query.isPlaceholderData;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage && !loading) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, loading, fetchNextPage]);
  return {
    rows,
    total: last?.total ?? null,
    extra: last,
    loading,
    error: loading ? null : query.error,
    loadMore,
    reload: useCallback(() => void refetch(), [refetch]),
  };
}
