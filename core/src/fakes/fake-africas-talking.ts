import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  FailureScript,
  type FakeListenOptions,
  headerRecord,
  RecordedList,
  readRawBody,
  sendJson,
  sendText,
  startFakeHttpServer,
} from './fake-http-kit';

/** What the fake answers instead of success, for the next N requests. */
export type FakeAtFailure =
  /** An HTTP error, as AT sends them (e.g. 401 "The supplied authentication is invalid", 500). */
  | { kind: 'http'; status: number; body?: string }
  /** HTTP 201 but the recipient refused, e.g. statusCode 403 InvalidPhoneNumber, 405 InsufficientBalance. */
  | { kind: 'recipient'; statusCode: number; status: string }
  /** Accept the connection and never answer. */
  | { kind: 'timeout' };

/** One request as it arrived on the wire: form fields and headers. */
export interface FakeAtRequest {
  path: string;
  headers: Record<string, string>;
  form: Record<string, string>;
  receivedAt: string;
}

/** One SMS accepted into the local inbox. */
export interface SmsInboxEntry {
  messageId: string;
  to: string;
  from: string | null;
  message: string;
  receivedAt: string;
}

export interface FakeAfricasTalkingOptions extends FakeListenOptions {
  /** When set, requests with another `apiKey` header get 401 like the real API. */
  apiKey?: string;
  /** When set, requests for another `username` get 401. */
  username?: string;
  /** Messages (and requests) kept; the oldest are dropped beyond it (default 1000). */
  keep?: number;
}

export interface FakeAfricasTalking {
  /** Origin to use as AT_BASE_URL (the SDK path /version1/messaging is served under it). */
  url: string;
  /** Accepted messages, newest first (as GET /inbox returns them). */
  inbox(): SmsInboxEntry[];
  /** Every messaging request, oldest first, whatever the answer. */
  requests(): FakeAtRequest[];
  /** Resolves once `count` messages are in the inbox. */
  waitForMessages(count: number, timeoutMs?: number): Promise<SmsInboxEntry[]>;
  failNext(count: number, failure: FakeAtFailure): void;
  clear(): void;
  close(): Promise<void>;
}

const MESSAGING_PATH = '/version1/messaging';
const E164 = /^\+[1-9]\d{7,14}$/;
const COST = 'KES 0.8000';

/**
 * A fake Africa's Talking SMS API speaking its wire format: a form-encoded POST /version1/messaging with an
 * `apiKey` header, answered 201 with `SMSMessageData.Recipients[]`. Doubles as the local SMS inbox
 * (GET /inbox) for `npm start`.
 */
export async function startFakeAfricasTalking(
  options: FakeAfricasTalkingOptions = {},
): Promise<FakeAfricasTalking> {
  const inbox = new RecordedList<SmsInboxEntry>(options.keep ?? 1000);
  const requests = new RecordedList<FakeAtRequest>(options.keep ?? 1000);
  const failures = new FailureScript<FakeAtFailure>();

  const handleMessaging = async (request: IncomingMessage, response: ServerResponse) => {
    const form = Object.fromEntries(new URLSearchParams(await readRawBody(request)));
    const headers = headerRecord(request);
    requests.push({ path: MESSAGING_PATH, headers, form, receivedAt: new Date().toISOString() });
    const apiKey = headers.apikey;
    if (apiKey === undefined || (options.apiKey !== undefined && apiKey !== options.apiKey)) {
      return sendText(response, 401, 'The supplied authentication is invalid');
    }
    if (options.username !== undefined && form.username !== options.username) {
      return sendText(response, 401, 'The supplied authentication is invalid');
    }
    const missing = ['username', 'to', 'message'].find((field) => !form[field]);
    if (missing !== undefined)
      return sendText(response, 400, `Request is missing required form field '${missing}'`);

    const failure = failures.take();
    if (failure?.kind === 'timeout') return; // hold the connection open; close() drops it
    if (failure?.kind === 'http')
      return sendText(response, failure.status, failure.body ?? httpReason(failure.status));

    const numbers = (form.to ?? '').split(',').map((n) => n.trim());
    const recipients = numbers.map((number) => {
      if (failure?.kind === 'recipient') {
        return {
          statusCode: failure.statusCode,
          number,
          status: failure.status,
          cost: '0',
          messageId: 'None',
        };
      }
      if (!E164.test(number)) {
        return { statusCode: 403, number, status: 'InvalidPhoneNumber', cost: '0', messageId: 'None' };
      }
      const messageId = `ATXid_${randomBytes(12).toString('hex')}`;
      inbox.push({
        messageId,
        to: number,
        from: form.from ?? null,
        message: form.message ?? '',
        receivedAt: new Date().toISOString(),
      });
      return { statusCode: 101, number, status: 'Success', cost: COST, messageId };
    });
    const sent = recipients.filter((r) => r.statusCode === 101).length;
    sendJson(response, 201, {
      SMSMessageData: {
        Message: `Sent to ${sent}/${recipients.length} Total Cost: KES ${(sent * 0.8).toFixed(4)}`,
        Recipients: recipients,
      },
    });
  };

  const server = await startFakeHttpServer(async (request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'POST' && path === MESSAGING_PATH) return handleMessaging(request, response);
    if (request.method === 'GET' && path === '/inbox')
      return sendJson(response, 200, { messages: newestFirst() });
    if (request.method === 'DELETE' && path === '/inbox') {
      inbox.clear();
      return sendJson(response, 200, { messages: [] });
    }
    if (request.method === 'GET' && path === '/healthz') return sendText(response, 200, 'ok');
    sendText(response, 404, 'Not Found');
  }, options);

  const newestFirst = () => inbox.all().reverse();
  return {
    url: server.url,
    inbox: newestFirst,
    requests: () => requests.all(),
    async waitForMessages(count, timeoutMs) {
      await inbox.waitFor(count, timeoutMs);
      return newestFirst();
    },
    failNext: (count, failure) => failures.add(count, failure),
    clear() {
      inbox.clear();
      requests.clear();
      failures.clear();
    },
    close: () => server.close(),
  };
}

function httpReason(status: number): string {
  if (status === 401) return 'The supplied authentication is invalid';
  if (status >= 500) return 'Internal Server Error';
  return 'Bad Request';
}
