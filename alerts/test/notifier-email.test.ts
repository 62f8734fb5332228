import { type FakeSmtp, startFakeSmtp } from '@stimawatch/core/fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailNotifier, parseEmailEnv } from '../src/notifiers';
import { expectNotifierError, notification } from './delivery-fixtures';

let smtp: FakeSmtp;
const notifier = (password = 's3cret') => {
  const config = parseEmailEnv({
    SMTP_URL: `smtp://alerts:${password}@${smtp.host}:${smtp.port}`,
    SMTP_FROM: 'Stima Watch <alerts@stimawatch.example>',
  });
  if (config === undefined) throw new Error('expected an e-mail config');
  return createEmailNotifier({ ...config, timeoutMs: 2000 });
};

beforeAll(async () => {
  smtp = await startFakeSmtp({ users: { alerts: 's3cret' } });
});
afterAll(async () => {
  await smtp.close();
});

describe('e-mail through nodemailer to an SMTP server', () => {
  it('authenticates and sends the envelope, subject and text', async () => {
    const page = notification({
      channel: 'email',
      to: 'oncall@kplc.example',
      subject: 'Paid but no token: 37 customers',
    });
    const result = await notifier().send(page);

    const [mail] = await smtp.waitForMessages(1);
    expect(mail).toMatchObject({
      mailFrom: 'alerts@stimawatch.example',
      rcptTo: ['oncall@kplc.example'],
      user: 'alerts',
      subject: 'Paid but no token: 37 customers',
    });
    expect(mail?.headers['x-stimawatch-incident']).toBe('inc-1');
    expect(mail?.raw).toContain('Acknowledge: https://stimawatch.example/ack/inc-1?sig=abc');
    expect(result.providerMessageId).toBe(mail?.headers['message-id']);
  });

  it('treats a 5xx reply as permanent and a 4xx reply as transient', async () => {
    const mail = notification({ channel: 'email', to: 'oncall@kplc.example' });
    smtp.failNext(1, {
      stage: 'rcpt',
      code: 550,
      message: '5.1.1 <oncall@kplc.example>: Mailbox unavailable',
    });
    smtp.failNext(1, { stage: 'data', code: 451, message: '4.3.0 Try again later' });
    const error = await expectNotifierError(notifier().send(mail));
    expect(error).toMatchObject({ permanent: true, providerCode: 550, channel: 'email' });
    expect(error.message).toContain('5.1.1 <[address]>: Mailbox unavailable');
    expect(error.message).not.toContain('kplc');
    expect(await expectNotifierError(notifier().send(mail))).toMatchObject({
      permanent: false,
      providerCode: 451,
    });
  });

  it('treats refused credentials as permanent', async () => {
    const error = await expectNotifierError(
      notifier('wrong').send(notification({ channel: 'email', to: 'a@b.example' })),
    );
    expect(error).toMatchObject({ permanent: true, providerCode: 535 });
    expect(error.message).toMatch(/^SMTP server refused the login/);
  });

  it('treats an unreachable server as transient', async () => {
    const gone = await startFakeSmtp();
    await gone.close();
    const config = parseEmailEnv({ SMTP_URL: gone.url, SMTP_FROM: 'alerts@stimawatch.example' });
    if (config === undefined) throw new Error('expected an e-mail config');
    const error = await expectNotifierError(
      createEmailNotifier(config).send(notification({ channel: 'email', to: 'a@b.example' })),
    );
    expect(error).toMatchObject({ permanent: false });
    expect(error.message).toMatch(/^SMTP server is unreachable/);
  });
});
