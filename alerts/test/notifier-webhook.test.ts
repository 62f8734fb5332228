import { WEBHOOK_HEADERS } from '@stimawatch/core';
import { type FakeWebhookReceiver, startFakeWebhookReceiver } from '@stimawatch/core/fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookNotifier } from '../src/notifiers';
import { expectNotifierError, notification } from './delivery-fixtures';

const SECRET = 'a-signing-secret-of-32-characters';
let receiver: FakeWebhookReceiver;
const notifier = (timeoutMs = 1000) =>
  createWebhookNotifier(
    { targets: { ops: `${receiver.url}/hooks/stimawatch` }, signingSecret: SECRET, timeoutMs },
    { now: () => new Date('2026-05-04T19:05:00Z') },
  );

beforeAll(async () => {
  receiver = await startFakeWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});

describe('signed generic webhook', () => {
  it('posts JSON signed with an HMAC of the raw body, with timestamp and delivery headers', async () => {
    const page = notification({ channel: 'webhook', to: 'ops' });
    await notifier().send(page);

    const [request] = await receiver.waitForRequests(1);
    if (request === undefined) throw new Error('no request');
    expect(request.path).toBe('/hooks/stimawatch');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers[WEBHOOK_HEADERS.signature]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(receiver.verifySignature(request, SECRET)).toBe(true);
    expect(receiver.verifySignature(request, 'another-secret-of-enough-length')).toBe(false);
    expect(
      receiver.verifySignature({ ...request, rawBody: request.rawBody.replace('alice', 'mallory') }, SECRET),
    ).toBe(false);
    expect(request.headers[WEBHOOK_HEADERS.timestamp]).toBe(
      String(Date.parse('2026-05-04T19:05:00Z') / 1000),
    );
    expect(request.headers[WEBHOOK_HEADERS.delivery]).toBe(page.key);
    expect(JSON.parse(request.rawBody)).toEqual({
      version: '1',
      key: page.key,
      incidentId: 'inc-1',
      purpose: 'page',
      target: 'ops',
      recipient: 'alice',
      subject: page.subject,
      text: page.text,
      ackUrl: page.ackUrl,
      sentAt: '2026-05-04T19:05:00.000Z',
    });
  });

  it('treats 4xx as permanent and 5xx, 429 and timeouts as transient', async () => {
    const page = notification({ channel: 'webhook', to: 'ops' });
    receiver.failNext(1, { kind: 'http', status: 410, body: 'gone' });
    receiver.failNext(1, { kind: 'http', status: 503, body: 'maintenance' });
    receiver.failNext(1, { kind: 'http', status: 429 });
    receiver.failNext(1, { kind: 'timeout' });
    const webhook = notifier(150);
    expect(await expectNotifierError(webhook.send(page))).toMatchObject({
      permanent: true,
      providerCode: 410,
      message: 'webhook ops answered HTTP 410: gone',
    });
    expect(await expectNotifierError(webhook.send(page))).toMatchObject({
      permanent: false,
      providerCode: 503,
    });
    expect(await expectNotifierError(webhook.send(page))).toMatchObject({
      permanent: false,
      providerCode: 429,
    });
    expect(await expectNotifierError(webhook.send(page))).toMatchObject({
      permanent: false,
      message: 'webhook ops is unreachable: timed out',
    });
  });

  it('fails permanently for a target name that is not configured', async () => {
    const error = await expectNotifierError(
      notifier().send(notification({ channel: 'webhook', to: 'nobody' })),
    );
    expect(error).toMatchObject({
      permanent: true,
      message: 'webhook nobody is not configured (WEBHOOK_TARGETS)',
    });
  });
});
