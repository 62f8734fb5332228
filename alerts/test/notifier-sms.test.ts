import { createRequire } from 'node:module';
import { type FakeAfricasTalking, startFakeAfricasTalking } from '@stimawatch/core/fakes';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAfricasTalkingNotifier } from '../src/notifiers';
import { expectNotifierError, notification } from './delivery-fixtures';

let fakeAt: FakeAfricasTalking;
const config = () => ({
  username: 'stimawatch',
  apiKey: 'at-test-key',
  senderId: 'STIMAWATCH',
  baseUrl: fakeAt.url,
  timeoutMs: 1000,
});

beforeAll(async () => {
  fakeAt = await startFakeAfricasTalking({ apiKey: 'at-test-key', username: 'stimawatch' });
});
beforeEach(() => fakeAt.clear());
afterAll(async () => {
  await fakeAt.close();
});

describe("SMS through the real Africa's Talking SDK", () => {
  it('sends the form-encoded request AT expects, with the apiKey header', async () => {
    const sms = createAfricasTalkingNotifier(config());
    const page = notification();
    const result = await sms.send(page);

    const [request] = fakeAt.requests();
    expect(request?.path).toBe('/version1/messaging');
    expect(request?.headers.apikey).toBe('at-test-key');
    expect(request?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.form).toMatchObject({
      username: 'stimawatch',
      to: '+254711000001',
      from: 'STIMAWATCH',
      message: `${page.subject}\n${page.text}\nAcknowledge: ${page.ackUrl}`,
    });
    expect(result.providerMessageId).toBe(fakeAt.inbox()[0]?.messageId);
  });

  it('leaves the SDK endpoint table as it found it', async () => {
    const endpoints = createRequire(import.meta.url)('africastalking/lib/common.js') as { SMS_URL: string };
    const before = endpoints.SMS_URL;
    await createAfricasTalkingNotifier(config()).send(notification());
    expect(endpoints.SMS_URL).toBe(before);
    expect(before).not.toContain('127.0.0.1');
  });

  it('still reaches its own endpoint after a sandbox client switched the SDK globally', async () => {
    const sandbox = createAfricasTalkingNotifier({ ...config(), username: 'sandbox' });
    const production = createAfricasTalkingNotifier(config());
    await production.send(notification());
    await expect(sandbox.send(notification())).rejects.toThrow(/refused the API key or username/);
    expect(fakeAt.requests().map((r) => r.form.username)).toEqual(['stimawatch', 'sandbox']);
  });

  it('reports a refused recipient as permanent, with AT status and code', async () => {
    fakeAt.failNext(1, { kind: 'recipient', statusCode: 406, status: 'UserInBlacklist' });
    const error = await expectNotifierError(createAfricasTalkingNotifier(config()).send(notification()));
    expect(error.message).toBe("Africa's Talking did not send the SMS: UserInBlacklist (406)");
    expect(error).toMatchObject({ permanent: true, providerCode: 406, channel: 'sms' });
  });

  it('reports a gateway error per recipient as transient', async () => {
    fakeAt.failNext(1, { kind: 'recipient', statusCode: 501, status: 'GatewayError' });
    const error = await expectNotifierError(createAfricasTalkingNotifier(config()).send(notification()));
    expect(error).toMatchObject({ permanent: false, providerCode: 501 });
  });

  it('reports HTTP 5xx as transient and HTTP 401 as permanent', async () => {
    const sms = createAfricasTalkingNotifier(config());
    fakeAt.failNext(1, { kind: 'http', status: 502, body: 'Bad Gateway' });
    expect(await expectNotifierError(sms.send(notification()))).toMatchObject({
      permanent: false,
      providerCode: 502,
      message: "Africa's Talking answered HTTP 502: Bad Gateway",
    });
    const wrongKey = createAfricasTalkingNotifier({ ...config(), apiKey: 'wrong' });
    expect(await expectNotifierError(wrongKey.send(notification()))).toMatchObject({
      permanent: true,
      providerCode: 401,
      message: "Africa's Talking refused the API key or username: The supplied authentication is invalid",
    });
  });

  it('gives up waiting after the timeout, as a transient failure', async () => {
    fakeAt.failNext(1, { kind: 'timeout' });
    const sms = createAfricasTalkingNotifier({ ...config(), timeoutMs: 150 });
    expect(await expectNotifierError(sms.send(notification()))).toMatchObject({
      permanent: false,
      message: "Africa's Talking did not answer: no answer within 150 ms",
    });
  });

  it('reports a number the SDK rejects before sending as permanent, without the number', async () => {
    const error = await expectNotifierError(
      createAfricasTalkingNotifier(config()).send(notification({ to: '0711' })),
    );
    expect(error.permanent).toBe(true);
    expect(error.message).toMatch(/^Africa's Talking SDK refused the request/);
    expect(error.message).not.toContain('0711');
    expect(fakeAt.requests()).toHaveLength(0);
  });

  it('reports an unreachable server as transient', async () => {
    const gone = await startFakeAfricasTalking();
    await gone.close();
    const sms = createAfricasTalkingNotifier({ ...config(), baseUrl: gone.url });
    expect(await expectNotifierError(sms.send(notification()))).toMatchObject({ permanent: false });
  });
});
