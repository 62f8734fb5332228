import { verifyWebhookSignature, WEBHOOK_HEADERS } from '../webhook-signature';
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

export type FakeWebhookFailure = { kind: 'http'; status: number; body?: string } | { kind: 'timeout' };

export interface FakeWebhookRequest {
  method: string;
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The body exactly as received (signatures are computed over these bytes). */
  rawBody: string;
  receivedAt: string;
}

export interface FakeWebhookReceiver {
  url: string;
  /** Accepted requests, oldest first. */
  requests(): FakeWebhookRequest[];
  waitForRequests(count: number, timeoutMs?: number): Promise<FakeWebhookRequest[]>;
  failNext(count: number, failure: FakeWebhookFailure): void;
  /** Whether the request's X-StimaWatch-Signature is the HMAC of its raw body under `secret`. */
  verifySignature(request: FakeWebhookRequest, secret: string): boolean;
  close(): Promise<void>;
}

/** A generic webhook receiver: records every POST with its headers and raw body, answers 200 JSON. */
export async function startFakeWebhookReceiver(
  options: FakeListenOptions = {},
): Promise<FakeWebhookReceiver> {
  const requests = new RecordedList<FakeWebhookRequest>(1000);
  const failures = new FailureScript<FakeWebhookFailure>();

  const server = await startFakeHttpServer(async (request, response) => {
    if (request.method !== 'POST') return sendText(response, 405, 'method not allowed');
    const rawBody = await readRawBody(request);
    const failure = failures.take();
    if (failure?.kind === 'timeout') return;
    if (failure?.kind === 'http')
      return sendText(response, failure.status, failure.body ?? `status ${failure.status}`);
    requests.push({
      method: request.method,
      path: request.url ?? '/',
      headers: headerRecord(request),
      rawBody,
      receivedAt: new Date().toISOString(),
    });
    sendJson(response, 200, { received: true });
  }, options);

  return {
    url: server.url,
    requests: () => requests.all(),
    waitForRequests: (count, timeoutMs) => requests.waitFor(count, timeoutMs),
    failNext: (count, failure) => failures.add(count, failure),
    verifySignature: (request, secret) =>
      verifyWebhookSignature(request.rawBody, request.headers[WEBHOOK_HEADERS.signature], secret),
    close: () => server.close(),
  };
}
