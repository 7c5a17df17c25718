// The renderer's one cache of answers from the core (TanStack Query). Keys start with the
// domain they read, the namespace of the channel ('deals', 'matrix', 'settings' …), so a write
// can refresh exactly the domains it changes (domains.ts).
import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Only writes change the data, and every write invalidates its domains at once; the stale
      // time only bounds how long a change made by another process (the CLI) can go unseen when a
      // screen is reopened. Heavy reads at 1M deals are not repeated on every visit.
      staleTime: 5 * 60_000,
      // An error from the core is an answer (invalid argument, missing workspace), not a flake.
      retry: false,
      // Electron windows gain and lose focus all the time; a refetch of every matrix on focus
      // would cost more than it saves.
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    },
  },
});
