import { type Logger, StimaError, secretsEqual } from '@stimawatch/core';
import type { Context, MiddlewareHandler } from 'hono';
import type { Principal } from '../api-tokens';
import type { AlertsHttpEnv } from '../http/http-env';
import type { ConsoleCookies } from './console-cookies';
import { permissionsOf } from './console-permissions';
import type { ConsoleUser, ConsoleUsers } from './console-users';
import type { ConsoleSession, SessionStore } from './session-store';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

export function sameSecret(given: string | undefined, expected: string | undefined): boolean {
  if (given === undefined || expected === undefined || given.length === 0) return false;
  return secretsEqual(given, expected);
}

export interface SignedInContext {
  user: ConsoleUser;
  session: ConsoleSession;
}

export interface ConsoleAuth {
  /**
   * On `/v1/*`: a request with a valid session cookie (and, for writes, the session's CSRF token in both the
   * header and the cookie) acts as the session's user; `requireRole` then authorises it exactly like a bearer
   * token. A request with an Authorization header is left to `requireRole`. A forged or stale write gets no
   * principal, so a protected route answers 401 while token-authenticated routes (ack links) still work.
   */
  authenticate: MiddlewareHandler<AlertsHttpEnv>;
  /** The signed-in user of this request, re-read from the users file (a removed user is signed out). */
  signedIn(c: Context): Promise<SignedInContext | undefined>;
  principalOf(user: ConsoleUser): Principal;
  sessionInfo(user: ConsoleUser | undefined, csrf: string): Record<string, unknown>;
}

export function createConsoleAuth(deps: {
  users: ConsoleUsers;
  sessions: SessionStore;
  cookies: ConsoleCookies;
  settings: { commsSilenceMinutes: number; xPosting: boolean };
  logger: Logger;
}): ConsoleAuth {
  const log = deps.logger.child({ module: 'console-auth' });
  const noPermissions = { acknowledge: false, resolve: false, publishStatement: false };

  async function signedIn(c: Context): Promise<SignedInContext | undefined> {
    const token = deps.cookies.read(c, 'session');
    if (token === undefined) return undefined;
    const session = await deps.sessions.touch(token);
    const user = session === undefined ? undefined : deps.users.find(session.username);
    if (session === undefined || user === undefined) return undefined;
    return { user, session };
  }

  const principalOf = (user: ConsoleUser): Principal => ({ name: user.username, role: user.role });

  return {
    signedIn,
    principalOf,
    sessionInfo(user, csrf) {
      return {
        user: user === undefined ? null : { username: user.username, name: user.name, role: user.role },
        csrfToken: csrf,
        permissions: user === undefined ? noPermissions : permissionsOf(user.role),
        settings: deps.settings,
      };
    },
    async authenticate(c, next) {
      if (c.req.header('authorization') === undefined) {
        const current = await signedIn(c);
        if (current !== undefined) {
          const write = !SAFE_METHODS.has(c.req.method);
          const header = c.req.header(CSRF_HEADER);
          const csrfOk =
            sameSecret(header, current.session.csrf) &&
            sameSecret(deps.cookies.read(c, 'csrf'), current.session.csrf);
          if (!write || csrfOk) c.set('principal', principalOf(current.user));
          else
            log.warn(
              { path: c.req.path, user: current.user.username },
              'write without a valid CSRF token refused',
            );
        }
      }
      await next();
    },
  };
}

export function requireSignedIn(found: SignedInContext | undefined): SignedInContext {
  if (found === undefined) throw new StimaError('UNAUTHORIZED', 'your session has ended; sign in again');
  return found;
}
