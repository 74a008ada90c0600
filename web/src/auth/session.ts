import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, ok, setCsrfToken, type Schemas } from '../common/api/client';

export type User = Schemas['UserView'];
export type Role = User['role'];
export interface Session {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

/** The one query key of the signed-in session. */
export const SESSION_KEY = ['session'] as const;

async function readSession(): Promise<Session | null> {
  try {
    const session = await ok(api.GET('/api/v1/auth/session'));
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The current session (null when signed out). */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: readSession, staleTime: 60_000, retry: false });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { email: string; password: string }) =>
      ok(api.POST('/api/v1/auth/sign-in', { body })),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.clear();
      client.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await ok(api.POST('/api/v1/auth/sign-out'));
    },
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(SESSION_KEY, null);
    },
  });
}

/** The signed-in user (inside the signed-in layout, where the session is loaded). */
export function useCurrentUser(): User {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside a signed-in page');
  return data.user;
}
