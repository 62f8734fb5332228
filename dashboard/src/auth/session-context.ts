import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/api-client';
import type { ConsolePermissions, ConsoleUser, SessionInfo } from '../api/wire-types';

export interface SignedIn {
  user: ConsoleUser;
  permissions: ConsolePermissions;
  settings: SessionInfo['settings'];
}

export interface SessionState {
  status: 'loading' | 'signed-out' | 'signed-in';
  signedIn: SignedIn | null;
  /** Why the console is back at the login form (the session expired), if it was signed in before. */
  notice: string | null;
  api: ApiClient;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user's view; only rendered inside the signed-in part of the app. */
export function useSignedIn(): SignedIn & { api: ApiClient } {
  const session = useSession();
  if (session.signedIn === null) throw new Error('useSignedIn while signed out');
  return { ...session.signedIn, api: session.api };
}
