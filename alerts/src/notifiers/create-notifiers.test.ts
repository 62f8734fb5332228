import { describe, expect, it } from 'vitest';
import { createNotifiers, parseNotifierConfig } from './create-notifiers';

const FULL_ENV = {
  AT_USERNAME: 'stimawatch',
  AT_API_KEY: 'atsk_123',
  AT_SENDER_ID: 'STIMAWATCH',
  AT_BASE_URL: 'http://127.0.0.1:8093/',
  SLACK_WEBHOOK_URLS: 'oncall=https://hooks.slack.com/services/T0/B0/abc',
  SMTP_URL: 'smtp://alerts:p%40ss@mail.example:2525',
  SMTP_FROM: 'alerts@stimawatch.example',
  WEBHOOK_TARGETS: 'ops=https://ops.example/hooks/stimawatch',
  WEBHOOK_SIGNING_SECRET: '0123456789abcdef0123',
};

describe('parseNotifierConfig', () => {
  it('reads every provider from its variables', () => {
    const config = parseNotifierConfig(FULL_ENV);
    expect(config.sms).toEqual({
      username: 'stimawatch',
      apiKey: 'atsk_123',
      senderId: 'STIMAWATCH',
      baseUrl: 'http://127.0.0.1:8093',
      timeoutMs: 10_000,
    });
    expect(config.slack?.webhooks).toEqual({ oncall: 'https://hooks.slack.com/services/T0/B0/abc' });
    expect(config.email?.smtp).toEqual({
      host: 'mail.example',
      port: 2525,
      secure: false,
      auth: { user: 'alerts', pass: 'p@ss' },
    });
    expect(config.webhook?.targets).toEqual({ ops: 'https://ops.example/hooks/stimawatch' });
    expect(Object.keys(createNotifiers(config)).sort()).toEqual(['email', 'slack', 'sms', 'webhook']);
  });

  it('leaves out providers none of whose variables is set', () => {
    const config = parseNotifierConfig({ SLACK_WEBHOOK_URLS: FULL_ENV.SLACK_WEBHOOK_URLS, AT_USERNAME: '' });
    expect(Object.keys(config)).toEqual(['slack']);
    expect(Object.keys(createNotifiers(config))).toEqual(['slack']);
  });

  it('names every missing or malformed variable in one error', () => {
    expect(() =>
      parseNotifierConfig({
        AT_USERNAME: 'stimawatch',
        SMTP_URL: 'mail.example',
        SMTP_FROM: 'alerts@stimawatch.example',
        WEBHOOK_TARGETS: 'ops',
      }),
    ).toThrow(
      /AT_API_KEY is required[\s\S]*SMTP_URL: expected smtp:\/\/[\s\S]*WEBHOOK_TARGETS: expected name=[\s\S]*WEBHOOK_SIGNING_SECRET is required/,
    );
  });

  it('rejects a short signing secret and a non-http AT_BASE_URL', () => {
    expect(() => parseNotifierConfig({ ...FULL_ENV, WEBHOOK_SIGNING_SECRET: 'short' })).toThrow(
      /WEBHOOK_SIGNING_SECRET: must be at least 16 characters/,
    );
    expect(() => parseNotifierConfig({ ...FULL_ENV, AT_BASE_URL: 'ftp://127.0.0.1' })).toThrow(
      /AT_BASE_URL:/,
    );
  });
});
