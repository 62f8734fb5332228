import type { VendEventInput } from '@stimawatch/core';
import type { DarajaRoute } from '../model/planned-step';

/** What one request to the collector came to; the generator retries `retryable` failures with backoff. */
export type DeliveryResult =
  | { ok: true; status: number }
  | { ok: false; retryable: boolean; status?: number; reason: string };

/** The collector as a client sees it (DESIGN section 4 HTTP contract). */
export interface CollectorClient {
  sendDaraja(route: DarajaRoute, body: unknown): Promise<DeliveryResult>;
  /** One NDJSON batch to `POST /v1/vend-events`. */
  sendVendEvents(events: readonly VendEventInput[]): Promise<DeliveryResult>;
}

export interface CollectorClientOptions {
  baseUrl: string;
  ingestToken: string;
  callbackSecret: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Statuses worth retrying: the collector is down, overloaded, or has not loaded our token yet. */
function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429 || status === 401 || status === 403;
}

export function createCollectorClient(options: CollectorClientOptions): CollectorClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const secret = encodeURIComponent(options.callbackSecret);

  async function post(url: string, headers: Record<string, string>, body: string): Promise<DeliveryResult> {
    try {
      const response = await doFetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Drain the body so the connection can be reused; its content is not needed.
      await response.arrayBuffer();
      if (response.ok) return { ok: true, status: response.status };
      return {
        ok: false,
        retryable: isRetryableStatus(response.status),
        status: response.status,
        reason: `HTTP ${response.status}`,
      };
    } catch (error) {
      return { ok: false, retryable: true, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    sendDaraja: (route, body) =>
      post(
        `${base}/v1/mpesa/${secret}/${route}`,
        { 'content-type': 'application/json' },
        JSON.stringify(body),
      ),
    sendVendEvents: (events) =>
      post(
        `${base}/v1/vend-events`,
        { 'content-type': 'application/x-ndjson', authorization: `Bearer ${options.ingestToken}` },
        `${events.map((event) => JSON.stringify(event)).join('\n')}\n`,
      ),
  };
}
