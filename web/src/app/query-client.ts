import { MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError } from '../common/api/client';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** Query keys this mutation changes: invalidated after success and after a 409 or 412. */
      invalidates?: QueryKey[];
    };
  }
}

/**
 * Server state: one key per resource (`['events', id]`, `['targets']`, …). A mutation names
 * the keys it changes in `meta.invalidates`, reloaded after a success and after a 409 or 412. Errors
 * are shown once, by the page that asked (with `errorText`).
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
        // The caller says what went wrong (errorText words a concurrent change); a 409 or a 412
        // means what the page shows is out of date, so it is reloaded as after a success.
        const conflict = error instanceof ApiError && (error.status === 409 || error.status === 412);
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
