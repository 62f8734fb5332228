import {
  FailureScript,
  type FakeListenOptions,
  headerRecord,
  RecordedList,
  readRawBody,
  sendText,
  startFakeHttpServer,
} from './fake-http-kit';

/** Slack's incoming-webhook errors are an HTTP status plus a short code as plain text. */
export type FakeSlackFailure = { kind: 'http'; status: number; body: string } | { kind: 'timeout' };

export interface FakeSlackMessage {
  path: string;
  headers: Record<string, string>;
  body: { text?: string; blocks?: unknown[]; [key: string]: unknown };
  receivedAt: string;
}

export interface FakeSlack {
  url: string;
  /** A webhook URL on this fake, shaped like Slack's (`/services/T…/B…/secret`). */
  webhookUrl(name?: string): string;
  /** Accepted messages, oldest first. */
  messages(): FakeSlackMessage[];
  waitForMessages(count: number, timeoutMs?: number): Promise<FakeSlackMessage[]>;
  failNext(count: number, failure: FakeSlackFailure): void;
  close(): Promise<void>;
}

/** Slack's documented incoming-webhook failures, ready to pass to `failNext`. */
export const SLACK_ERRORS = {
  invalidPayload: { kind: 'http', status: 400, body: 'invalid_payload' },
  noService: { kind: 'http', status: 404, body: 'no_service' },
  channelNotFound: { kind: 'http', status: 404, body: 'channel_not_found' },
  channelIsArchived: { kind: 'http', status: 410, body: 'channel_is_archived' },
  actionProhibited: { kind: 'http', status: 403, body: 'action_prohibited' },
  rollupError: { kind: 'http', status: 500, body: 'rollup_error' },
  rateLimited: { kind: 'http', status: 429, body: 'rate_limited' },
} as const satisfies Record<string, FakeSlackFailure>;

/** A fake Slack incoming-webhook endpoint: JSON POST under /services/…, answered 200 "ok" like Slack. */
export async function startFakeSlack(options: FakeListenOptions = {}): Promise<FakeSlack> {
  const messages = new RecordedList<FakeSlackMessage>(1000);
  const failures = new FailureScript<FakeSlackFailure>();

  const server = await startFakeHttpServer(async (request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (request.method !== 'POST' || !path.startsWith('/services/')) {
      return sendText(response, 404, 'no_service', 'text/html');
    }
    const raw = await readRawBody(request);
    let body: FakeSlackMessage['body'];
    try {
      body = JSON.parse(raw) as FakeSlackMessage['body'];
    } catch {
      return sendText(response, 400, 'invalid_payload', 'text/html');
    }
    if (typeof body !== 'object' || body === null)
      return sendText(response, 400, 'invalid_payload', 'text/html');
    if (typeof body.text !== 'string' && !Array.isArray(body.blocks)) {
      return sendText(response, 400, 'no_text', 'text/html');
    }
    const failure = failures.take();
    if (failure?.kind === 'timeout') return;
    if (failure?.kind === 'http') return sendText(response, failure.status, failure.body, 'text/html');
    messages.push({ path, headers: headerRecord(request), body, receivedAt: new Date().toISOString() });
    sendText(response, 200, 'ok', 'text/html');
  }, options);

  return {
    url: server.url,
    webhookUrl: (name = 'oncall') => `${server.url}/services/T0STIMA/B0${name.toUpperCase()}/fake-secret`,
    messages: () => messages.all(),
    waitForMessages: (count, timeoutMs) => messages.waitFor(count, timeoutMs),
    failNext: (count, failure) => failures.add(count, failure),
    close: () => server.close(),
  };
}
