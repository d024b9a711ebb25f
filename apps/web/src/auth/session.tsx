import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { gqlRequest, hasBearer, setBearer } from '../graphql/client';
import { useGql } from '../graphql/hooks';
import type { ResultOf } from '../graphql/graphql';
import { ISSUE_TOKEN, ME, SIGN_IN, SIGN_OUT } from './operations';

export type SessionUser = NonNullable<ResultOf<typeof ME>['me']['user']>;

interface Session {
  user: SessionUser | null;
  loading: boolean;
  signIn(email: string, password: string): Promise<void>;
  signInWithApiKey(apiKey: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** The API-key fallback keeps a short-lived token (never the key) for this tab only. */
const TOKEN_STORAGE = 'maillage.token';

function restoreToken(): void {
  try {
    const stored = JSON.parse(sessionStorage.getItem(TOKEN_STORAGE) ?? 'null') as {
      token: string;
      expiresAt: number;
    } | null;
    if (stored && stored.expiresAt > Date.now()) setBearer(stored.token);
    else sessionStorage.removeItem(TOKEN_STORAGE);
  } catch {
    // no storage: the token lasts for the page only
  }
}
restoreToken();

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const me = useGql(['me'], ME, {}, { staleTime: 60_000, retry: 1 });

  const refresh = useCallback(async () => {
    // Everything cached belongs to the previous caller.
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    await client.refetchQueries({ queryKey: ['me'] });
  }, [client]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      setBearer(null);
      sessionStorage.removeItem(TOKEN_STORAGE);
      await gqlRequest(SIGN_IN, { email, password });
      await refresh();
    },
    [refresh],
  );

  const signInWithApiKey = useCallback(
    async (apiKey: string) => {
      setBearer(apiKey);
      try {
        const { issueToken } = await gqlRequest(ISSUE_TOKEN, {});
        setBearer(issueToken.token);
        const expiresAt = Date.now() + (issueToken.expiresInSeconds - 30) * 1000;
        sessionStorage.setItem(TOKEN_STORAGE, JSON.stringify({ token: issueToken.token, expiresAt }));
      } catch (err) {
        setBearer(null);
        throw err;
      }
      await refresh();
    },
    [refresh],
  );

  const signOut = useCallback(async () => {
    const usedToken = hasBearer();
    sessionStorage.removeItem(TOKEN_STORAGE);
    setBearer(null);
    try {
      // The session cookie is HttpOnly: only the API can clear it.
      if (!usedToken) await gqlRequest(SIGN_OUT, {});
    } catch {
      // Sign-out not deployed on this server: nothing to clear.
    }
    await refresh();
  }, [refresh]);

  const value = useMemo<Session>(
    () => ({
      user: me.data?.me.user ?? null,
      loading: me.isPending,
      signIn,
      signInWithApiKey,
      signOut,
    }),
    [me.data, me.isPending, signIn, signInWithApiKey, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Organisers and admins run events; actor editors edit their actors. */
export const canOrganise = (user: SessionUser | null) => user?.role === 'ADMIN' || user?.role === 'ORGANISER';
export const isAdmin = (user: SessionUser | null) => user?.role === 'ADMIN';
