import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, setCsrfToken, typed, unwrap } from '../api/http';
import type { Role, Session } from '../api/types';

const SESSION_KEY = ['session'] as const;

/** The live session, or null when signed out; a reload gets the CSRF token back from GET /v1/session. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<Session | null> => {
      try {
        const session = (await unwrap(typed.GET('/v1/session'))) as Session;
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (key: string) =>
      (await unwrap(typed.POST('/v1/session', { body: { key } }))) as Session,
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
    mutationFn: () => unwrap(typed.DELETE('/v1/session')),
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(SESSION_KEY, null);
    },
  });
}

/** What the key's role lets the console offer. */
export interface Abilities {
  role: Role;
  edit: boolean;
  admin: boolean;
}

export function abilitiesOf(role: Role): Abilities {
  return { role, edit: role === 'admin' || role === 'marketer', admin: role === 'admin' };
}

export function useAbilities(): Abilities {
  const { data } = useSession();
  return abilitiesOf(data?.role ?? 'analyst');
}
