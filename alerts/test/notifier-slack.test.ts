import { type FakeSlack, SLACK_ERRORS, startFakeSlack } from '@stimawatch/core/fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackNotifier } from '../src/notifiers';
import { expectNotifierError, notification } from './delivery-fixtures';

let fakeSlack: FakeSlack;
const notifier = (timeoutMs = 1000) =>
  createSlackNotifier({ webhooks: { oncall: fakeSlack.webhookUrl('oncall') }, timeoutMs });

beforeAll(async () => {
  fakeSlack = await startFakeSlack();
});
afterAll(async () => {
  await fakeSlack.close();
});

describe('Slack through the real @slack/webhook client', () => {
  it('posts JSON with fallback text and blocks to the named webhook', async () => {
    const page = notification({ channel: 'slack', to: 'oncall', text: 'Failures > 5% & rising' });
    await notifier().send(page);

    const [message] = await fakeSlack.waitForMessages(1);
    expect(message?.path).toBe(new URL(fakeSlack.webhookUrl('oncall')).pathname);
    expect(message?.headers['content-type']).toBe('application/json');
    expect(message?.body.text).toBe(
      ':rotating_light: Page: VendFailureBurnRate\nFailures &gt; 5% &amp; rising',
    );
    expect(JSON.stringify(message?.body.blocks)).toContain(`<${page.ackUrl}|Acknowledge>`);
  });

  it('reports Slack 4xx codes as permanent with the code in the message', async () => {
    fakeSlack.failNext(1, SLACK_ERRORS.noService);
    const error = await expectNotifierError(
      notifier().send(notification({ channel: 'slack', to: 'oncall' })),
    );
    expect(error).toMatchObject({ permanent: true, providerCode: 404, channel: 'slack' });
    expect(error.message).toBe('Slack refused the message: no_service (HTTP 404)');

    fakeSlack.failNext(1, SLACK_ERRORS.invalidPayload);
    expect(
      (await expectNotifierError(notifier().send(notification({ channel: 'slack', to: 'oncall' })))).message,
    ).toContain('invalid_payload');
  });

  it('reports Slack 5xx, rate limits and timeouts as transient', async () => {
    fakeSlack.failNext(1, SLACK_ERRORS.rollupError);
    fakeSlack.failNext(1, SLACK_ERRORS.rateLimited);
    fakeSlack.failNext(1, { kind: 'timeout' });
    const slack = notifier(150);
    const page = notification({ channel: 'slack', to: 'oncall' });
    expect(await expectNotifierError(slack.send(page))).toMatchObject({
      permanent: false,
      providerCode: 500,
    });
    expect(await expectNotifierError(slack.send(page))).toMatchObject({
      permanent: false,
      providerCode: 429,
    });
    expect(await expectNotifierError(slack.send(page))).toMatchObject({
      permanent: false,
      message: 'Slack is unreachable: timed out',
    });
  });

  it('fails permanently for a webhook name that is not configured', async () => {
    const error = await expectNotifierError(notifier().send(notification({ channel: 'slack', to: 'comms' })));
    expect(error).toMatchObject({ permanent: true });
    expect(error.message).toBe('Slack webhook "comms" is not configured (SLACK_WEBHOOK_URLS)');
  });
});
