import { METRICS } from '@stimawatch/core';
import {
  startFakeAfricasTalking,
  startFakeSlack,
  startFakeSmtp,
  startFakeWebhookReceiver,
} from '@stimawatch/core/fakes';
import { deleteRedisPrefix, privateRedisPrefix, TEST_REDIS_URL } from '@stimawatch/core/testing';
import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import { createDelivery } from '../src/delivery';
import { createNotifiers, parseNotifierConfig } from '../src/notifiers';
import { notification, outcomeRecorder, testLogger } from './delivery-fixtures';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('delivery over every channel, configured from the environment', () => {
  it('delivers a page by SMS, Slack, e-mail and webhook to local fakes', async () => {
    const [at, slack, smtp, receiver] = await Promise.all([
      startFakeAfricasTalking({ apiKey: 'at-key' }),
      startFakeSlack(),
      startFakeSmtp(),
      startFakeWebhookReceiver(),
    ]);
    cleanups.push(at.close, slack.close, smtp.close, receiver.close);
    const notifiers = createNotifiers(
      parseNotifierConfig({
        AT_USERNAME: 'stimawatch',
        AT_API_KEY: 'at-key',
        AT_BASE_URL: at.url,
        SLACK_WEBHOOK_URLS: `oncall=${slack.webhookUrl('oncall')}`,
        SMTP_URL: smtp.url,
        SMTP_FROM: 'alerts@stimawatch.example',
        WEBHOOK_TARGETS: `ops=${receiver.url}/hooks`,
        WEBHOOK_SIGNING_SECRET: 'webhook-secret-0123456789',
      }),
    );
    const recorder = outcomeRecorder();
    const registry = new Registry();
    const prefix = privateRedisPrefix('channels');
    const delivery = createDelivery({
      connection: TEST_REDIS_URL,
      prefix,
      notifiers,
      registry,
      logger: testLogger,
      onOutcome: recorder.onOutcome,
      backoffMs: 10,
    });
    cleanups.push(async () => {
      await delivery.close();
      await deleteRedisPrefix(prefix);
    });

    const pages = [
      notification({ channel: 'sms', to: '+254722000003' }),
      notification({ channel: 'slack', to: 'oncall' }),
      notification({ channel: 'email', to: 'oncall@kplc.example' }),
      notification({ channel: 'webhook', to: 'ops' }),
    ];
    await Promise.all(pages.map((page) => delivery.enqueue(page)));
    const outcomes = await Promise.all(pages.map((page) => recorder.waitForKey(page.key)));

    expect(outcomes.map((o) => o.status)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
    expect(at.inbox()).toEqual([expect.objectContaining({ to: '+254722000003' })]);
    expect(slack.messages()).toHaveLength(1);
    expect(smtp.messages()[0]?.rcptTo).toEqual(['oncall@kplc.example']);
    const [hook] = receiver.requests();
    expect(hook !== undefined && receiver.verifySignature(hook, 'webhook-secret-0123456789')).toBe(true);
    const counts = (await registry.getSingleMetric(METRICS.notificationsTotal)?.get())?.values ?? [];
    expect(counts.map((v) => [v.labels.channel, v.labels.outcome, v.value]).sort()).toEqual([
      ['email', 'delivered', 1],
      ['slack', 'delivered', 1],
      ['sms', 'delivered', 1],
      ['webhook', 'delivered', 1],
    ]);
  });
});
