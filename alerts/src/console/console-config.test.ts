import { describe, expect, it } from 'vitest';
import { parseConsoleConfig } from './console-config';

describe('parseConsoleConfig', () => {
  it('applies the documented defaults', () => {
    expect(parseConsoleConfig({}, '/var/lib/stimawatch')).toEqual({
      usersFile: '/var/lib/stimawatch/console-users.yml',
      usersFileRequired: false,
      collectorUrl: 'http://127.0.0.1:8081',
      collectorFeedToken: undefined,
      sessionIdleMs: 3_600_000,
      sessionMaxMs: 12 * 3_600_000,
      loginMaxPerIp: 30,
      loginMaxFailuresPerUser: 5,
      loginWindowMs: 15 * 60_000,
      trustProxy: false,
      x: undefined,
    });
  });

  it('reads X user-context credentials: OAuth 1.0a with all four, or an OAuth 2.0 user token alone', () => {
    const oauth1 = parseConsoleConfig(
      {
        X_API_KEY: 'k',
        X_API_SECRET: 's',
        X_USER_ACCESS_TOKEN: 't',
        X_USER_ACCESS_SECRET: 'ts',
        X_API_BASE_URL: 'http://127.0.0.1:1',
      },
      '.',
    );
    expect(oauth1.x).toEqual({
      auth: { kind: 'oauth1', appKey: 'k', appSecret: 's', accessToken: 't', accessSecret: 'ts' },
      baseUrl: 'http://127.0.0.1:1',
      timeoutMs: 10_000,
    });
    expect(parseConsoleConfig({ X_USER_ACCESS_TOKEN: 't' }, '.').x?.auth).toEqual({
      kind: 'oauth2-user',
      accessToken: 't',
    });
  });

  it.each([
    [{ COLLECTOR_URL: 'ftp://x' }, /COLLECTOR_URL must be an http\(s\) URL/],
    [{ COLLECTOR_FEED_TOKEN: 'short' }, /COLLECTOR_FEED_TOKEN must be at least 16/],
    [{ CONSOLE_SESSION_IDLE_MINUTES: '0' }, /CONSOLE_SESSION_IDLE_MINUTES/],
    [{ X_USER_ACCESS_TOKEN: 't', X_USER_ACCESS_SECRET: 's' }, /needs X_API_KEY, X_API_SECRET/],
    [{ X_USER_ACCESS_SECRET: 's' }, /X_USER_ACCESS_SECRET is set without X_USER_ACCESS_TOKEN/],
  ])('refuses %o naming the variable', (env, message) => {
    expect(() => parseConsoleConfig(env, '.')).toThrow(message);
  });
});
