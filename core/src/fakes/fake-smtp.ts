import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { FailureScript, type FakeListenOptions, RecordedList } from './fake-http-kit';

/** An SMTP reply instead of acceptance: at RCPT TO (recipient refused) or after DATA (message refused). */
export interface FakeSmtpFailure {
  stage: 'rcpt' | 'data';
  /** 4xx is temporary, 5xx permanent, as in SMTP. */
  code: number;
  message: string;
}

export interface CapturedMail {
  /** SMTP envelope. */
  mailFrom: string | null;
  rcptTo: string[];
  /** The user that authenticated, if any. */
  user: string | null;
  subject: string | null;
  /** Header names lower-cased, values unfolded (not MIME-decoded except Subject). */
  headers: Record<string, string>;
  raw: string;
  receivedAt: string;
}

export interface FakeSmtpOptions extends FakeListenOptions {
  /** When set, AUTH is required and checked against these user → password pairs. */
  users?: Record<string, string>;
}

export interface FakeSmtp {
  /** smtp://host:port (add credentials yourself when `users` is set). */
  url: string;
  host: string;
  port: number;
  messages(): CapturedMail[];
  waitForMessages(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  failNext(count: number, failure: FakeSmtpFailure): void;
  close(): Promise<void>;
}

/** A fake SMTP server (smtp-server) on 127.0.0.1 capturing envelope and message; plain text, no STARTTLS. */
export async function startFakeSmtp(options: FakeSmtpOptions = {}): Promise<FakeSmtp> {
  const host = options.host ?? '127.0.0.1';
  const mails = new RecordedList<CapturedMail>(1000);
  const failures = new FailureScript<FakeSmtpFailure>();
  let pending: FakeSmtpFailure | undefined;
  const { users } = options;

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: users === undefined,
    logger: false,
    onAuth(auth, _session, callback) {
      if (users === undefined || users[auth.username ?? ''] === auth.password) {
        return callback(null, { user: auth.username });
      }
      callback(smtpError(535, '5.7.8 Authentication credentials invalid'));
    },
    onMailFrom(_address, _session, callback) {
      // One scripted failure per transaction, decided when it starts.
      pending = failures.take();
      callback();
    },
    onRcptTo(_address, _session, callback) {
      if (pending?.stage === 'rcpt') return callback(smtpError(pending.code, pending.message));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (pending?.stage === 'data') return callback(smtpError(pending.code, pending.message));
        const raw = Buffer.concat(chunks).toString('utf8');
        const headers = parseHeaders(raw);
        const mailFrom = session.envelope.mailFrom;
        mails.push({
          mailFrom: mailFrom === false ? null : mailFrom.address,
          rcptTo: session.envelope.rcptTo.map((a: SMTPServerAddress) => a.address),
          user: typeof session.user === 'string' ? session.user : null,
          subject: headers.subject === undefined ? null : decodeEncodedWords(headers.subject),
          headers,
          raw,
          receivedAt: new Date().toISOString(),
        });
        callback(null, 'Message queued');
      });
    },
  });
  server.on('error', () => {
    // Client-side protocol errors are reported per connection; the fake keeps serving.
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `smtp://${host}:${port}`,
    host,
    port,
    messages: () => mails.all(),
    waitForMessages: (count, timeoutMs) => mails.waitFor(count, timeoutMs),
    failNext: (count, failure) => failures.add(count, failure),
    close() {
      closing ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return closing;
    },
  };
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

function parseHeaders(raw: string): Record<string, string> {
  const end = raw.search(/\r?\n\r?\n/);
  const block = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`) as nodemailer writes them. */
function decodeEncodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_match, _charset: string, encoding: string, text: string) => {
        if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
        const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => `%${hex}`);
        try {
          return decodeURIComponent(bytes);
        } catch {
          return text;
        }
      },
    );
}
