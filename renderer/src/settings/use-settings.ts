// The workspace's settings, fetched once and shared by every screen (the definition of closed,
// the low-n thresholds, the currency). settings:update invalidates them with everything else
// (api/domains.ts); a workspace switch resets them.
import { useQuery as useTanstackQuery } from '@tanstack/react-query';
import type { Settings } from '#shared/domain/settings.ts';
import { call } from '../api/client.ts';
import type { Query } from '../api/use-query.ts';

export const SETTINGS_KEY = ['settings'] as const;

export function useSettings(): Query<Settings> {
  const query = useTanstackQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => call((api) => api.settings.get(), { signal }),
    staleTime: Infinity,
  });
  return {
    data: query.data,
    error: query.error ?? undefined,
    loading: query.isFetching,
    reload: query.refetch as () => void,
  };
}
