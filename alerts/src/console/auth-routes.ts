import { type Logger, StimaError } from '@stimawatch/core';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AlertsHttpEnv } from '../http/http-env';
import { clientAddress } from './client-address';
import { type ConsoleAuth, CSRF_HEADER, sameSecret } from './console-auth';
import type { ConsoleCookies } from './console-cookies';
import type { ConsoleUsers } from './console-users';
import type { LoginLimiter } from './login-limiter';
import { hashPassword, verifyPassword } from './password-hash';
import { newSecret, type SessionStore } from './session-store';

const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
});

const GENERIC_REFUSAL = 'Invalid username or password.';

export interface AuthRouteDeps {
  auth: ConsoleAuth;
  users: ConsoleUsers;
  sessions: SessionStore;
  limiter: LoginLimiter;
  cookies: ConsoleCookies;
  trustProxy: boolean;
  logger: Logger;
}

/**
 * `GET /auth/session` (who am I, plus a CSRF token), `POST /auth/login`, `POST /auth/logout`. Writes need the
 * CSRF token in the X-CSRF-Token header matching the cookie, and a JSON body (a cross-site form cannot send one).
 */
export function authRoutes(deps: AuthRouteDeps): Hono<AlertsHttpEnv> {
  const log = deps.logger.child({ module: 'console-login' });
  // Unknown users are checked against this hash so that a wrong username costs as long as a wrong password.
  const decoy = hashPassword(newSecret());

  const checkCsrf = (c: Context) => {
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
      throw new StimaError('UNSUPPORTED_MEDIA_TYPE', 'send application/json');
    }
    if (!sameSecret(c.req.header(CSRF_HEADER), deps.cookies.read(c, 'csrf'))) {
      throw new StimaError('FORBIDDEN', 'missing or stale CSRF token; reload the page');
    }
  };

  return new Hono<AlertsHttpEnv>()
    .use('/auth/*', async (c, next) => {
      c.header('Cache-Control', 'no-store');
      await next();
    })
    .get('/auth/session', async (c) => {
      const current = await deps.auth.signedIn(c);
      if (current !== undefined) return c.json(deps.auth.sessionInfo(current.user, current.session.csrf));
      if (deps.cookies.read(c, 'session') !== undefined) deps.cookies.clear(c, 'session');
      let csrf = deps.cookies.read(c, 'csrf');
      if (csrf === undefined || csrf.length < 40) {
        csrf = newSecret();
        deps.cookies.write(c, 'csrf', csrf);
      }
      return c.json(deps.auth.sessionInfo(undefined, csrf));
    })
    .post('/auth/login', bodyLimit({ maxSize: 8 * 1024 }), async (c) => {
      checkCsrf(c);
      const parsed = loginBody.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success) throw new StimaError('VALIDATION', 'send {"username": "…", "password": "…"}');
      const { username, password } = parsed.data;
      const ip = await deps.limiter.ipOverLimit(clientAddress(c, deps.trustProxy));
      const user = await deps.limiter.userLocked(username);
      if (ip.over || user.locked) {
        c.header(
          'Retry-After',
          String(Math.max(ip.over ? ip.retryAfterSeconds : 0, user.locked ? user.retryAfterSeconds : 0)),
        );
        log.warn({ ipLimited: ip.over, userLocked: user.locked }, 'sign-in attempts rate-limited');
        throw new StimaError('RATE_LIMITED', 'Too many sign-in attempts. Wait a few minutes and try again.');
      }
      const found = deps.users.find(username);
      const ok = await verifyPassword(password, found?.passwordHash ?? (await decoy));
      if (!ok || found === undefined) {
        await deps.limiter.recordFailure(username);
        log.info({ knownUser: found !== undefined }, 'sign-in refused');
        throw new StimaError('UNAUTHORIZED', GENERIC_REFUSAL);
      }
      await deps.limiter.recordSuccess(username);
      const previous = deps.cookies.read(c, 'session');
      if (previous !== undefined) await deps.sessions.destroy(previous);
      const { token, session } = await deps.sessions.create(found.username);
      deps.cookies.write(c, 'session', token);
      deps.cookies.write(c, 'csrf', session.csrf);
      log.info({ user: found.username, role: found.role }, 'signed in');
      return c.json(deps.auth.sessionInfo(found, session.csrf));
    })
    .post('/auth/logout', async (c) => {
      checkCsrf(c);
      const token = deps.cookies.read(c, 'session');
      if (token !== undefined) await deps.sessions.destroy(token);
      deps.cookies.clear(c, 'session');
      deps.cookies.clear(c, 'csrf');
      return c.body(null, 204);
    });
}
