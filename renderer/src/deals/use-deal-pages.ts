// Pages of the deals table, fetched as the virtualised rows need them and kept while the view
// (filters and sort) stays the same. The table never holds more than the pages around the
// viewport, whatever the number of deals.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DealFilter, DealListRow, DealSort } from '#shared/domain/deals.ts';
import { call } from '../api/client.ts';

export const PAGE_SIZE = 100;
/** Pages kept in memory; far-away ones are dropped and fetched again when needed. */
const KEEP_PAGES = 40;

export interface DealPages {
  /** The row at an index, or undefined while its page loads. */
  row: (index: number) => DealListRow | undefined;
  /** Ask for the pages covering these indexes. */
  want: (first: number, last: number) => void;
  version: number;
  error: Error | null;
  /** Forget everything (after an edit, delete or import). */
  reset: () => void;
}

export function useDealPages(filter: DealFilter, sort: DealSort): DealPages {
  const key = JSON.stringify([filter, sort]);
  const pages = useRef(new Map<number, DealListRow[]>());
  const loading = useRef(new Set<number>());
  const currentKey = useRef(key);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<Error | null>(null);

  const reset = useCallback(() => {
    pages.current = new Map();
    loading.current = new Set();
    setVersion((v) => v + 1);
  }, []);

  useEffect(() => {
    if (currentKey.current !== key) {
      currentKey.current = key;
      reset();
    }
  }, [key, reset]);

  const want = useCallback(
    (first: number, last: number) => {
      const firstPage = Math.floor(first / PAGE_SIZE);
      const lastPage = Math.floor(last / PAGE_SIZE);
      for (let p = firstPage; p <= lastPage; p++) {
        if (pages.current.has(p) || loading.current.has(p)) continue;
        loading.current.add(p);
        const forKey = currentKey.current;
        const map = pages.current;
        call((api) => api.deals.list({ filter, sort, offset: p * PAGE_SIZE, limit: PAGE_SIZE })).then(
          (page) => {
            if (forKey !== currentKey.current || map !== pages.current) return;
            map.set(p, page.rows);
            loading.current.delete(p);
            if (map.size > KEEP_PAGES) {
              for (const k of [...map.keys()]
                .sort((a, b) => Math.abs(b - p) - Math.abs(a - p))
                .slice(0, map.size - KEEP_PAGES)) {
                map.delete(k);
              }
            }
            setError(null);
            setVersion((v) => v + 1);
          },
          (e: Error) => {
            loading.current.delete(p);
            setError(e);
          },
        );
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- filter and sort are captured by key
    [key],
  );

  const row = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);
  return { row, want, version, error, reset };
}
