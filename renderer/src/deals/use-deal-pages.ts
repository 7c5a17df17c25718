// Pages of the deals table, fetched as the virtualised rows need them. Each 100-row page is its
// own TanStack query (['deals', 'page', view, n]): the scrollbar can jump anywhere in a million
// deals, so pages are loaded where the viewport is, not one after another from the top (what
// useInfiniteQuery does). Pages that leave the viewport are dropped after a minute; a page whose
// rows scroll away before they arrive is cancelled in the core; a write to deals invalidates
// them with the rest of the 'deals' domain.
import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { DealFilter, DealListRow, DealSort } from '#shared/domain/deals.ts';
import { call } from '../api/client.ts';

export const PAGE_SIZE = 100;
/** How long a page out of view stays cached (ms): scrolling back within it costs nothing. */
const KEEP_MS = 60_000;

export interface DealPages {
  /** The row at an index, or undefined while its page loads. */
  row: (index: number) => DealListRow | undefined;
  /** Ask for the pages covering these indexes. */
  want: (first: number, last: number) => void;
  /** Changes when a page arrives. */
  version: number;
  error: Error | null;
}

export function useDealPages(filter: DealFilter, sort: DealSort): DealPages {
  const [range, setRange] = useState<readonly [number, number]>([0, 0]);
  const want = useCallback((first: number, last: number) => {
    const next = [Math.floor(first / PAGE_SIZE), Math.floor(last / PAGE_SIZE)] as const;
    setRange((r) => (r[0] === next[0] && r[1] === next[1] ? r : next));
  }, []);

  const numbers = useMemo(() => {
    const list: number[] = [];
    for (let p = range[0]; p <= range[1]; p++) list.push(p);
    return list;
  }, [range]);

  const results = useQueries({
    queries: numbers.map((p) => ({
      queryKey: ['deals', 'page', { filter, sort }, p],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        call((api) => api.deals.list({ filter, sort, offset: p * PAGE_SIZE, limit: PAGE_SIZE }), { signal }),
      gcTime: KEEP_MS,
    })),
  });

  const pages = new Map<number, DealListRow[]>();
  let version = 0;
  let error: Error | null = null;
  results.forEach((r, i) => {
    if (r.data) pages.set(numbers[i]!, r.data.rows);
    version += r.dataUpdatedAt;
    error ??= r.error;
  });
  const row = (index: number) => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  return { row, want, version, error };
}
