import { describe, expect, it } from 'vitest';
import { parseApiTokens } from './api-tokens';
import { parseAlertsConfig } from './config';

const SECRET = 's'.repeat(32);

describe('parseAlertsConfig', () => {
  it('fills the documented defaults', () => {
    const config = parseAlertsConfig({ ACK_LINK_SECRET: SECRET });
    expect(config).toMatchObject({
      port: 8082,
      redisUrl: 'redis://127.0.0.1:6379',
      redisKeyPrefix: 'stimawatch',
      databaseUrl: undefined,
      dataDir: './data',
      oncallFile: 'alerts/oncall.example.yml',
      publicBaseUrl: 'http://127.0.0.1:8082',
      ackLinkTtlMs: 86_400_000,
      commsSilenceMs: 15 * 60_000,
      reopenWindowMs: 30 * 60_000,
      alertmanagerWebhookToken: undefined,
      smsInboundSecret: undefined,
    });
    expect(config.apiTokens.size).toBe(0);
  });

  it('accepts fractional minutes so tests and demos can use short timers', () => {
    expect(parseAlertsConfig({ ACK_LINK_SECRET: SECRET, COMMS_SILENCE_MINUTES: '0.02' }).commsSilenceMs).toBe(
      1200,
    );
  });

  it('names the variable at fault', () => {
    expect(() => parseAlertsConfig({})).toThrow(/ACK_LINK_SECRET is required/);
    expect(() => parseAlertsConfig({ ACK_LINK_SECRET: 'short' })).toThrow(
      /ACK_LINK_SECRET must be at least 32/,
    );
    expect(() => parseAlertsConfig({ ACK_LINK_SECRET: SECRET, ALERTS_PORT: 'http' })).toThrow(/ALERTS_PORT/);
    expect(() => parseAlertsConfig({ ACK_LINK_SECRET: SECRET, REDIS_URL: 'http://x' })).toThrow(
      /REDIS_URL must be a redis/,
    );
    expect(() => parseAlertsConfig({ ACK_LINK_SECRET: SECRET, DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL/,
    );
    expect(() => parseAlertsConfig({ ACK_LINK_SECRET: SECRET, SMS_INBOUND_SECRET: 'abc' })).toThrow(
      /SMS_INBOUND_SECRET/,
    );
    expect(() =>
      parseAlertsConfig({ ACK_LINK_SECRET: SECRET, API_TOKENS: 'ops:root:0123456789abcdef' }),
    ).toThrow(/API_TOKENS entry 1 \(ops\) has role "root"/);
  });

  it('strips a trailing slash from the public base URL', () => {
    expect(
      parseAlertsConfig({ ACK_LINK_SECRET: SECRET, PUBLIC_BASE_URL: 'https://w.example.org/' }).publicBaseUrl,
    ).toBe('https://w.example.org');
  });
});

describe('parseApiTokens', () => {
  it('maps each token to its name and role', () => {
    const tokens = parseApiTokens('ops:admin:0123456789abcdef, amina:oncall:fedcba9876543210');
    expect(tokens.lookup('0123456789abcdef')).toEqual({ name: 'ops', role: 'admin' });
    expect(tokens.lookup('fedcba9876543210')).toEqual({ name: 'amina', role: 'oncall' });
    expect(tokens.lookup('nope')).toBeUndefined();
  });

  it('refuses short tokens', () => {
    expect(() => parseApiTokens('ops:admin:short')).toThrow(/16\+ characters/);
  });
});
