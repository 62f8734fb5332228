import { createTransport } from 'nodemailer';
import type { Notifier } from '../../delivery/notification';
import { NotifierError } from '../../delivery/notifier-error';
import { plainText } from '../message-text';
import type { EmailConfig } from './email-config';

const PROVIDER = 'SMTP';
/** nodemailer error codes meaning "could not talk to the server", worth retrying. */
const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EPROTOCOL']);

/** E-mail over SMTP through nodemailer (the only file that imports it); one connection per message. */
export function createEmailNotifier(config: EmailConfig): Notifier {
  const transport = createTransport({
    ...config.smtp,
    connectionTimeout: config.timeoutMs,
    greetingTimeout: config.timeoutMs,
    socketTimeout: config.timeoutMs,
  });
  return {
    channel: 'email',
    async send(notification) {
      let info: { messageId?: string; rejected?: unknown[] };
      try {
        info = await transport.sendMail({
          from: config.from,
          to: notification.to,
          subject: notification.subject === '' ? notification.text.slice(0, 80) : notification.subject,
          text: plainText(notification, { includeSubject: false }),
          headers: { 'X-StimaWatch-Incident': notification.incidentId, 'X-StimaWatch-Key': notification.key },
        });
      } catch (error) {
        throw normaliseSmtpError(error);
      }
      if (info.rejected !== undefined && info.rejected.length > 0) {
        throw new NotifierError(`${PROVIDER} server refused the recipient`, {
          channel: 'email',
          provider: PROVIDER,
          permanent: true,
          providerCode: 'rejected',
        });
      }
      return info.messageId === undefined ? {} : { providerMessageId: info.messageId };
    },
  };
}

interface NodemailerError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
}

/** SMTP replies often quote the address ("<a@b>: Recipient address rejected"); addresses stay out of reasons. */
function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>"']+@[^\s<>"']+/g, '[address]');
}

function normaliseSmtpError(error: unknown): NotifierError {
  const err = (error instanceof Error ? error : new Error(String(error))) as NodemailerError;
  const said = withoutAddresses(err.response ?? err.message);
  const details = { channel: 'email' as const, provider: PROVIDER };
  if (err.code === 'EAUTH') {
    return new NotifierError(
      `${PROVIDER} server refused the login: ${said}`,
      { ...details, permanent: true, providerCode: err.responseCode ?? 'EAUTH' },
      error,
    );
  }
  if (err.responseCode !== undefined) {
    // SMTP's own rule: 4xx replies are temporary, 5xx permanent.
    return new NotifierError(
      `${PROVIDER} server refused the message: ${said}`,
      { ...details, permanent: err.responseCode >= 500, providerCode: err.responseCode },
      error,
    );
  }
  const transient = err.code === undefined || CONNECTION_CODES.has(err.code);
  return new NotifierError(
    `${PROVIDER} server ${transient ? 'is unreachable' : 'send failed'}: ${withoutAddresses(err.message)}`,
    { ...details, permanent: !transient, ...(err.code === undefined ? {} : { providerCode: err.code }) },
    error,
  );
}
