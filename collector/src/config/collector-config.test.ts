import { describe, expect, it } from 'vitest';
import { parseCollectorConfig } from './collector-config';

const required = {
  INGEST_TOKENS: 'vending:0123456789abcdef0123,gateway:fedcba9876543210fedc',
  MPESA_CALLBACK_SECRET: 'cb-secret-0123456789',
};

describe('parseCollectorConfig', () => {
  it('applies the documented defaults', () => {
    const config = parseCollectorConfig(required);
    expect(config).toMatchObject({
      port: 8081,
      host: '127.0.0.1',
      redisUrl: 'redis://127.0.0.1:6379',
      redisKeyPrefix: 'stimawatch',
      paymentTokenWaitSeconds: 300,
      attemptTtlSeconds: 86_400,
      maxBodyBytes: 5 * 1024 * 1024,
      maxBatchEvents: 10_000,
      probeTargets: [],
      logLevel: 'info',
    });
    expect(config.ingestTokens.get('0123456789abcdef0123')).toBe('vending');
    expect(config.ingestTokens.get('fedcba9876543210fedc')).toBe('gateway');
  });

  it.each([
    [{ INGEST_TOKENS: undefined }, /^INGEST_TOKENS /],
    [{ INGEST_TOKENS: 'vending:short' }, /^INGEST_TOKENS is invalid/],
    [{ MPESA_CALLBACK_SECRET: 'short' }, /^MPESA_CALLBACK_SECRET must be at least 16/],
    [{ MPESA_CALLBACK_SECRET: undefined }, /^MPESA_CALLBACK_SECRET /],
    [{ COLLECTOR_PORT: 'eighty' }, /^COLLECTOR_PORT /],
    [{ COLLECTOR_PORT: '70000' }, /^COLLECTOR_PORT /],
    [{ REDIS_URL: 'http://localhost' }, /^REDIS_URL /],
    [{ PAYMENT_TOKEN_WAIT_SECONDS: '0' }, /^PAYMENT_TOKEN_WAIT_SECONDS /],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL /],
    [{ PROBE_TARGETS: '[{' }, /^PROBE_TARGETS is not valid JSON/],
    [{ PROBE_TARGETS: '[{"name":"bad name","url":"http://x"}]' }, /^PROBE_TARGETS is invalid at 0.name/],
  ])('refuses %o naming the variable', (override, message) => {
    expect(() => parseCollectorConfig({ ...required, ...override })).toThrow(message);
  });

  it('reads probe targets inline or from a file, with defaults filled', () => {
    const target = { name: 'sandbox-vend', url: 'http://127.0.0.1:9/vend', method: 'POST', body: '{}' };
    const inline = parseCollectorConfig({ ...required, PROBE_TARGETS: JSON.stringify([target]) });
    expect(inline.probeTargets[0]).toMatchObject({
      ...target,
      expectStatus: 200,
      intervalSeconds: 60,
      timeoutMs: 10_000,
    });
    const fromFile = parseCollectorConfig({ ...required, PROBE_TARGETS_FILE: '/etc/probes.json' }, (path) => {
      expect(path).toBe('/etc/probes.json');
      return JSON.stringify([target]);
    });
    expect(fromFile.probeTargets).toEqual(inline.probeTargets);
    expect(() =>
      parseCollectorConfig({ ...required, PROBE_TARGETS_FILE: '/missing' }, () => {
        throw new Error('ENOENT');
      }),
    ).toThrow(/^PROBE_TARGETS_FILE cannot be read: ENOENT/);
  });

  it('treats empty variables as unset', () => {
    expect(parseCollectorConfig({ ...required, COLLECTOR_PORT: '' }).port).toBe(8081);
  });
});
