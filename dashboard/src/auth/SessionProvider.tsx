import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, createApiClient } from '../api/api-client';
import type { SessionInfo } from '../api/wire-types';
import { SessionContext, type SessionState, type SignedIn } from './session-context';

const EXPIRED = 'Your session has ended. Sign in again.';

function toSignedIn(info: SessionInfo): SignedIn | null {
  return info.user === null
    ? null
    : { user: info.user, permissions: info.permissions, settings: info.settings };
}

/** Loads the session, offers login and logout, and drops back to the login form on any 401. */
export function SessionProvider({ children, fetchImpl }: { children: ReactNode; fetchImpl?: typeof fetch }) {
  const [status, setStatus] = useState<SessionState['status']>('loading');
  const [signedIn, setSignedIn] = useState<SignedIn | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const csrf = useRef('');
  const wasSignedIn = useRef(false);

  const api = useMemo(
    () =>
      createApiClient({
        csrfToken: () => csrf.current,
        onUnauthorized: () => {
          if (wasSignedIn.current) setNotice(EXPIRED);
          wasSignedIn.current = false;
          setSignedIn(null);
          setStatus('signed-out');
        },
        ...(fetchImpl !== undefined && { fetch: fetchImpl }),
      }),
    [fetchImpl],
  );

  const apply = useCallback((info: SessionInfo) => {
    csrf.current = info.csrfToken;
    const next = toSignedIn(info);
    wasSignedIn.current = next !== null;
    setSignedIn(next);
    setStatus(next === null ? 'signed-out' : 'signed-in');
  }, []);

  // One request even when StrictMode runs the effect twice: two concurrent first visits would each be given a
  // different CSRF cookie, and the one kept might not be the one the page holds.
  const firstLoad = useRef<Promise<SessionInfo> | null>(null);
  useEffect(() => {
    firstLoad.current ??= api.get<SessionInfo>('/auth/session');
    firstLoad.current.then(apply, () => setStatus('signed-out'));
  }, [api, apply]);

  const login = useCallback(
    async (username: string, password: string) => {
      if (csrf.current === '') apply(await api.get<SessionInfo>('/auth/session'));
      try {
        const info = await api.post<SessionInfo>('/auth/login', { username, password });
        setNotice(null);
        apply(info);
      } catch (error) {
        // A rejected login is a 401 too; it must not be reported as an expired session.
        if (error instanceof ApiError && error.status === 401) setNotice(null);
        throw error;
      }
    },
    [api, apply],
  );

  const logout = useCallback(async () => {
    await api.post('/auth/logout');
    apply(await api.get<SessionInfo>('/auth/session'));
  }, [api, apply]);

  const value = useMemo<SessionState>(
    () => ({ status, signedIn, notice, api, login, logout }),
    [status, signedIn, notice, api, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
