import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setUnauthorizedListener } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { changeLocale, storedLocale } from '../i18n/i18n.ts';

export type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; me: Me };

interface SessionApi {
  session: SessionState;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Reads /me again after something changed what the session shows: the user's roles (a cooperation they created makes them its office), a new password ending the temporary one. */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    setUnauthorizedListener(() => setSession({ status: 'anonymous' }));
    let current = true;
    api.me().then(
      (me) => current && setSession({ status: 'signed-in', me }),
      (error: unknown) => {
        if (!current) return;
        // Anything but "not logged in" is still shown on the login page rather than as a blank screen.
        if (!(error instanceof ApiError) || error.code !== 'auth.required') console.error(error);
        setSession({ status: 'anonymous' });
      },
    );
    return () => {
      current = false;
      setUnauthorizedListener(null);
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const result = await api.login(username, password);
    const me = await api.me();
    // The account's language applies unless this browser was told otherwise.
    if (!storedLocale()) await changeLocale(result.user.locale, false);
    setSession({ status: 'signed-in', me });
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setSession({ status: 'anonymous' });
    }
  }, []);

  const refresh = useCallback(async () => {
    const me = await api.me();
    setSession({ status: 'signed-in', me });
  }, []);

  const value = useMemo(() => ({ session, login, logout, refresh }), [session, login, logout, refresh]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionApi {
  const value = use(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user; only for pages rendered behind the session guard. */
export function useMe(): Me {
  const { session } = useSession();
  if (session.status !== 'signed-in') throw new Error('useMe must be used behind the session guard');
  return session.me;
}
