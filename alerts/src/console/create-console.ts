import { type Logger, throttledErrorLog } from '@stimawatch/core';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { Redis } from 'ioredis';
import type { ApiTokens } from '../api-tokens';
import { handleError } from '../http/error-handler';
import type { AlertsHttpEnv } from '../http/http-env';
import { authRoutes } from './auth-routes';
import { collectorProxyRoutes } from './collector-proxy';
import { type ConsoleAuth, createConsoleAuth } from './console-auth';
import type { ConsoleConfig } from './console-config';
import { consoleCookies } from './console-cookies';
import { pageHeaders, statusPageRoutes } from './console-pages';
import { type ConsoleUsers, loadConsoleUsers } from './console-users';
import { createLiveHub, type LiveHub } from './live-hub';
import { createLoginLimiter } from './login-limiter';
import { createSessionStore } from './session-store';
import { statementBroadcast } from './statement-broadcast';
import { createXPoster, type XPoster } from './x-poster';

export interface ConsoleDeps {
  config: ConsoleConfig;
  /** The alerts service's own settings the console shares. */
  service: {
    redisUrl: string;
    redisKeyPrefix: string;
    publicBaseUrl: string;
    commsSilenceMs: number;
    dashboardDir: string;
    apiTokens: ApiTokens;
  };
  logger: Logger;
  /** Defaults: loaded from `config.usersFile`, an X poster from `config.x`, the global fetch. */
  users?: ConsoleUsers;
  xPoster?: XPoster;
  fetch?: typeof fetch;
  clock?: () => number;
}

export interface Console {
  auth: ConsoleAuth;
  hub: LiveHub;
  /** The alerts app with the console in front: sign-in, the collector proxy, X posting, the status page. */
  mount(app: Hono<AlertsHttpEnv>): Hono<AlertsHttpEnv>;
  /** Ends live streams and closes the console's Redis connection. */
  close(): Promise<void>;
}

/** Builds the console's server side; see alerts/src/console/README.md for the routes and variables. */
export function createConsole(deps: ConsoleDeps): Console {
  const { config, service } = deps;
  const logger = deps.logger.child({ module: 'console' });
  const users = deps.users ?? loadConsoleUsers(config.usersFile, config.usersFileRequired);
  if (users.size === 0)
    logger.warn({ file: config.usersFile }, 'no console users: console sign-in is disabled');
  const redis = new Redis(service.redisUrl, {
    maxRetriesPerRequest: 2,
    commandTimeout: 5000,
    lazyConnect: true,
  });
  redis.on('error', throttledErrorLog(logger, 'console Redis connection error'));
  const keyPrefix = `${service.redisKeyPrefix}:console:`;
  const secure = service.publicBaseUrl.startsWith('https://');
  const cookies = consoleCookies(secure, Math.floor(config.sessionMaxMs / 1000));
  const sessions = createSessionStore({
    redis,
    keyPrefix,
    idleMs: config.sessionIdleMs,
    maxMs: config.sessionMaxMs,
    ...(deps.clock !== undefined && { clock: deps.clock }),
  });
  const limiter = createLoginLimiter({
    redis,
    keyPrefix,
    maxPerIp: config.loginMaxPerIp,
    maxFailuresPerUser: config.loginMaxFailuresPerUser,
    windowMs: config.loginWindowMs,
  });
  const poster = deps.xPoster ?? (config.x === undefined ? undefined : createXPoster(config.x));
  const auth = createConsoleAuth({
    users,
    sessions,
    cookies,
    settings: { commsSilenceMinutes: service.commsSilenceMs / 60_000, xPosting: poster !== undefined },
    logger,
  });
  const hub = createLiveHub({
    url: `${config.collectorUrl}/v1/live`,
    logger,
    ...(deps.fetch !== undefined && { fetch: deps.fetch }),
  });
  const shutdown = new AbortController();

  return {
    auth,
    hub,
    mount(app) {
      const root = new Hono<AlertsHttpEnv>();
      root.onError(handleError(deps.logger));
      root.use('*', compress());
      root.use('*', pageHeaders);
      root.use('/v1/*', auth.authenticate);
      root.use('/v1/statements', statementBroadcast({ poster, logger }));
      root.route(
        '/',
        authRoutes({ auth, users, sessions, limiter, cookies, trustProxy: config.trustProxy, logger }),
      );
      root.route(
        '/',
        collectorProxyRoutes({
          collectorUrl: config.collectorUrl,
          feedToken: config.collectorFeedToken,
          hub,
          apiTokens: service.apiTokens,
          logger,
          shutdownSignal: shutdown.signal,
          ...(deps.fetch !== undefined && { fetch: deps.fetch }),
        }),
      );
      root.route('/', statusPageRoutes(service.dashboardDir));
      root.route('/', app);
      return root;
    },
    async close() {
      shutdown.abort();
      hub.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
