import { MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError } from '../common/api/client';
import { notify } from '../common/feedback';
import i18n from '../common/i18n/i18n';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** Query keys this mutation changes: invalidated after success and after a 409. */
      invalidates?: QueryKey[];
    };
  }
}

/**
 * Server state: one key per resource (`['events', id]`, `['targets']`, …). A mutation names
 * the keys it changes in `meta.invalidates`. A 409 says why (what changed, or what was refused)
 * and reloads them.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        retry: (count, error) =>
          count < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
      },
    },
    queryCache: new QueryCache(),
    mutationCache: new MutationCache({
      onSettled: async (_data, error, _variables, _context, mutation) => {
        const conflict = error instanceof ApiError && error.status === 409;
        if (conflict) {
          // Only `concurrent_change` means someone else changed it; the other 409s are refusals
          // (over-allocated, already exists, closed…) whose message names the reason.
          const t = i18n.getFixedT(null, 'common');
          const key = error.code === 'concurrent_change' ? 'errors.conflict' : 'errors.generic';
          notify('warning', t(key, { message: error.message }));
        }
        if (!error || conflict) {
          await Promise.all(
            (mutation.meta?.invalidates ?? []).map((queryKey) => client.invalidateQueries({ queryKey })),
          );
        }
      },
    }),
  });
  return client;
}
