import { describe, expect, it } from 'vitest';
import { attemptDelivery } from './attempt-delivery';
import type { Notification, Notifier } from './notification';
import { NotifierError } from './notifier-error';

const page: Notification = {
  key: 'inc-1-page-sms-alice',
  incidentId: 'inc-1',
  purpose: 'page',
  channel: 'sms',
  to: '+254711000001',
  recipient: 'alice',
  subject: 'PaidButNoToken',
  text: '37 customers paid without a token',
};

const failing = (error: unknown): Notifier => ({
  channel: 'sms',
  send: () => Promise.reject(error),
});
const transient = new NotifierError('AT answered HTTP 503', {
  channel: 'sms',
  provider: 'AT',
  permanent: false,
});
const permanent = new NotifierError('AT: InvalidPhoneNumber (403)', {
  channel: 'sms',
  provider: 'AT',
  permanent: true,
});

describe('attemptDelivery', () => {
  it('reports delivery with the provider message id', async () => {
    const ok: Notifier = { channel: 'sms', send: async () => ({ providerMessageId: 'ATXid_1' }) };
    expect(await attemptDelivery({ sms: ok }, page, { attempt: 2, maxAttempts: 5 })).toEqual({
      status: 'delivered',
      notification: page,
      providerMessageId: 'ATXid_1',
      attempts: 2,
    });
  });

  it('asks for a retry on a transient error while attempts remain, and gives up on the last', async () => {
    const notifiers = { sms: failing(transient) };
    expect(await attemptDelivery(notifiers, page, { attempt: 4, maxAttempts: 5 })).toEqual({
      status: 'retry',
      reason: 'AT answered HTTP 503',
      attempts: 4,
    });
    expect(await attemptDelivery(notifiers, page, { attempt: 5, maxAttempts: 5 })).toMatchObject({
      status: 'failed',
      permanent: false,
      reason: 'AT answered HTTP 503 (gave up after 5 attempts)',
    });
  });

  it('fails at once on a permanent error', async () => {
    expect(
      await attemptDelivery({ sms: failing(permanent) }, page, { attempt: 1, maxAttempts: 5 }),
    ).toMatchObject({
      status: 'failed',
      permanent: true,
      attempts: 1,
    });
  });

  it('retries unexpected exceptions, naming the channel', async () => {
    expect(
      await attemptDelivery({ sms: failing(new TypeError('x is undefined')) }, page, {
        attempt: 1,
        maxAttempts: 3,
      }),
    ).toEqual({
      status: 'retry',
      reason: 'sms notifier failed unexpectedly: x is undefined',
      attempts: 1,
    });
  });
});

describe('failure reasons', () => {
  it('mask phone numbers a provider echoes back', async () => {
    const echoing = new NotifierError('gateway refused 254711000001', {
      channel: 'sms',
      provider: 'AT',
      permanent: true,
    });
    const result = await attemptDelivery({ sms: failing(echoing) }, page, { attempt: 1, maxAttempts: 1 });
    expect(result).toMatchObject({ reason: 'gateway refused 2547 ***** 001' });
  });
});
