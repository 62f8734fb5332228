import { StimaError } from '@stimawatch/core';
import { describe, expect, it } from 'vitest';
import { defaultSearchQuery, parseSocialConfig } from './social-config';

describe('parseSocialConfig', () => {
  it('keeps X off without a bearer token and applies the defaults', () => {
    const config = parseSocialConfig({});
    expect(config.x).toBeUndefined();
    expect(config).toMatchObject({
      officialHandles: ['KenyaPower_Care', 'KenyaPower'],
      retentionDays: 30,
      baselineWeeks: 4,
      dedupeWindowMs: 3_600_000,
      reportRateLimitPerMinute: 5,
      trustProxy: false,
    });
  });

  it('builds the X source with the default query and the monthly read budget', () => {
    const config = parseSocialConfig({
      X_BEARER_TOKEN: 'AAAA',
      X_OFFICIAL_HANDLES: '@KenyaPower_Care',
      X_API_BASE_URL: '',
    });
    expect(config.x).toMatchObject({
      monthlyReadBudget: 10_000,
      pollIntervalMs: 60_000,
      maxResults: 100,
      baseUrl: undefined,
      officialHandles: ['KenyaPower_Care'],
    });
    expect(config.x?.searchQuery).toBe(defaultSearchQuery(['KenyaPower_Care'], '888880'));
    expect(config.x?.searchQuery).toContain('888880');
    expect(config.x?.searchQuery).toMatch(/-is:retweet$/);
  });

  it('names the variable that is wrong', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ X_MONTHLY_READ_BUDGET: 'lots' }, /^X_MONTHLY_READ_BUDGET /],
      [{ X_OFFICIAL_HANDLES: 'Kenya Power' }, /^X_OFFICIAL_HANDLES /],
      [{ SOCIAL_HASH_SALT: 'short' }, /^SOCIAL_HASH_SALT must be at least 16/],
      [{ X_BACKOFF_BASE_SECONDS: '600', X_BACKOFF_MAX_SECONDS: '60' }, /^X_BACKOFF_MAX_SECONDS /],
      [{ X_API_BASE_URL: 'ftp://x' }, /^X_API_BASE_URL /],
    ];
    for (const [env, message] of cases) {
      expect(() => parseSocialConfig(env)).toThrow(StimaError);
      expect(() => parseSocialConfig(env)).toThrow(message);
    }
  });
});
