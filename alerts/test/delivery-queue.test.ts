import { METRICS } from '@stimawatch/core';
import { type FakeAfricasTalking, startFakeAfricasTalking } from '@stimawatch/core/fakes';
import { deleteRedisPrefix, privateRedisPrefix, TEST_REDIS_URL, waitFor } from '@stimawatch/core/testing';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDelivery, type Delivery, type DeliveryOptions, type Notifier } from '../src/delivery';
import { createAfricasTalkingNotifier } from '../src/notifiers';
import { notification, outcomeRecorder, testLogger } from './delivery-fixtures';

let fakeAt: FakeAfricasTalking;
let sms: Notifier;
const open: Array<{ delivery: Delivery; prefix: string }> = [];

beforeAll(async () => {
  fakeAt = await startFakeAfricasTalking({ apiKey: 'test-key', username: 'stimawatch' });
  sms = createAfricasTalkingNotifier({
    username: 'stimawatch',
    apiKey: 'test-key',
    baseUrl: fakeAt.url,
    timeoutMs: 2000,
  });
});

afterEach(async () => {
  for (const { delivery, prefix } of open.splice(0)) {
    await delivery.close();
    await deleteRedisPrefix(prefix);
  }
  fakeAt.clear();
});

afterAll(async () => {
  await fakeAt.close();
});

function startDelivery(overrides: Partial<DeliveryOptions> = {}) {
  const recorder = outcomeRecorder();
  const registry = new Registry();
  const prefix = privateRedisPrefix('delivery');
  const delivery = createDelivery({
    connection: TEST_REDIS_URL,
    prefix,
    notifiers: { sms },
    registry,
    logger: testLogger,
    onOutcome: recorder.onOutcome,
    attempts: 4,
    backoffMs: 10,
    ...overrides,
  });
  open.push({ delivery, prefix });
  return { delivery, recorder, registry };
}

async function counted(registry: Registry, channel: string, outcome: string): Promise<number> {
  const metric = registry.getSingleMetric(METRICS.notificationsTotal);
  const values = (await metric?.get())?.values ?? [];
  return values.find((v) => v.labels.channel === channel && v.labels.outcome === outcome)?.value ?? 0;
}

describe('notification delivery queue', () => {
  it('sends one SMS for a key however often it is enqueued', async () => {
    const { delivery, recorder } = startDelivery({ concurrency: 1 });
    const page = notification();
    await Promise.all([delivery.enqueue(page), delivery.enqueue(page)]);
    await recorder.waitForKey(page.key);
    await delivery.enqueue(page);
    // FIFO with one worker slot: once the later sentinel is done, any duplicate would have run before it.
    const sentinel = notification({ to: '+254711000002' });
    await delivery.enqueue(sentinel);
    await recorder.waitForKey(sentinel.key);

    expect(fakeAt.inbox().filter((m) => m.to === page.to)).toHaveLength(1);
    expect(recorder.forKey(page.key)).toEqual([
      expect.objectContaining({ status: 'delivered', attempts: 1 }),
    ]);
  });

  it('retries provider 5xx answers with backoff, then delivers', async () => {
    const { delivery, recorder, registry } = startDelivery();
    fakeAt.failNext(2, { kind: 'http', status: 500 });
    const page = notification();
    await delivery.enqueue(page);
    const outcome = await recorder.waitForKey(page.key);

    expect(outcome).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(outcome.status === 'delivered' && outcome.providerMessageId).toMatch(/^ATXid_/);
    expect(fakeAt.requests()).toHaveLength(3);
    expect(fakeAt.inbox()).toHaveLength(1);
    expect(await counted(registry, 'sms', 'retried')).toBe(2);
    expect(await counted(registry, 'sms', 'delivered')).toBe(1);
    expect(await counted(registry, 'sms', 'failed')).toBe(0);
  });

  it('does not retry a refused SMS and reports it as a permanent failure', async () => {
    const { delivery, recorder, registry } = startDelivery();
    fakeAt.failNext(1, { kind: 'recipient', statusCode: 403, status: 'InvalidPhoneNumber' });
    const page = notification();
    await delivery.enqueue(page);
    const outcome = await recorder.waitForKey(page.key);

    expect(outcome).toEqual({
      status: 'failed',
      notification: page,
      permanent: true,
      attempts: 1,
      reason: "Africa's Talking did not send the SMS: InvalidPhoneNumber (403)",
    });
    expect(fakeAt.requests()).toHaveLength(1);
    expect(await counted(registry, 'sms', 'failed')).toBe(1);
    expect(await counted(registry, 'sms', 'retried')).toBe(0);
  });

  it('treats an HTTP 4xx from the provider as permanent', async () => {
    const { delivery, recorder } = startDelivery();
    fakeAt.failNext(1, { kind: 'http', status: 401 });
    const page = notification();
    await delivery.enqueue(page);
    const outcome = await recorder.waitForKey(page.key);

    expect(outcome).toMatchObject({ status: 'failed', permanent: true, attempts: 1 });
    expect(outcome.status === 'failed' && outcome.reason).toContain('refused the API key');
    expect(fakeAt.requests()).toHaveLength(1);
  });

  it('dead-letters a notification once its attempts are exhausted', async () => {
    const { delivery, recorder, registry } = startDelivery({ attempts: 3 });
    fakeAt.failNext(3, { kind: 'http', status: 503 });
    const page = notification();
    await delivery.enqueue(page);
    const outcome = await recorder.waitForKey(page.key);

    expect(outcome).toMatchObject({ status: 'failed', permanent: false, attempts: 3 });
    expect(outcome.status === 'failed' && outcome.reason).toMatch(/HTTP 503.*gave up after 3 attempts/);
    expect(fakeAt.requests()).toHaveLength(3);
    expect(await delivery.deadLetterCount()).toBe(1);
    expect(await delivery.deadLetters()).toEqual([
      expect.objectContaining({ notification: page, permanent: false, attempts: 3 }),
    ]);
    expect(await counted(registry, 'sms', 'retried')).toBe(2);
    expect(await counted(registry, 'sms', 'failed')).toBe(1);
  });

  it('retries a timed-out request', async () => {
    const timeoutSms = createAfricasTalkingNotifier({
      username: 'stimawatch',
      apiKey: 'test-key',
      baseUrl: fakeAt.url,
      timeoutMs: 200,
    });
    const { delivery, recorder } = startDelivery({ notifiers: { sms: timeoutSms } });
    fakeAt.failNext(1, { kind: 'timeout' });
    const page = notification();
    await delivery.enqueue(page);

    expect(await recorder.waitForKey(page.key)).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(fakeAt.inbox()).toHaveLength(1);
  });

  it('re-reports a failed outcome report without sending again', async () => {
    let sends = 0;
    const counting: Notifier = {
      channel: 'slack',
      async send() {
        sends += 1;
        return { providerMessageId: `m-${sends}` };
      },
    };
    const reports: string[] = [];
    const { delivery } = startDelivery({
      notifiers: { slack: counting },
      async onOutcome(outcome) {
        reports.push(outcome.status);
        if (reports.length === 1) throw new Error('database briefly unavailable');
      },
    });
    await delivery.enqueue(notification({ channel: 'slack', to: 'oncall' }));

    await waitFor('second report', () => reports.length === 2, 10_000);
    expect(reports).toEqual(['delivered', 'delivered']);
    expect(sends).toBe(1);
  });

  it('fails a notification for an unconfigured channel permanently', async () => {
    const { delivery, recorder } = startDelivery();
    const mail = notification({ channel: 'email', to: 'oncall@example.org' });
    await delivery.enqueue(mail);

    expect(await recorder.waitForKey(mail.key)).toMatchObject({
      status: 'failed',
      permanent: true,
      reason: 'no email notifier is configured',
    });
  });

  it('rejects a key BullMQ cannot use, and bad options, when called', async () => {
    const { delivery } = startDelivery();
    await expect(delivery.enqueue(notification({ key: 'inc:1' }))).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(delivery.enqueue(notification({ key: '12345' }))).rejects.toThrow(/not all digits/);
    expect(() =>
      createDelivery({
        connection: 'http://127.0.0.1:6379',
        prefix: 'x',
        notifiers: {},
        registry: new Registry(),
        logger: testLogger,
        onOutcome: async () => undefined,
      }),
    ).toThrow(/connection must be a redis/);
  });
});
