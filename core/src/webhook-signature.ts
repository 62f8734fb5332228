import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers of Stima Watch's outgoing webhooks (lower-case, as Node's http module reports them). */
export const WEBHOOK_HEADERS = {
  signature: 'x-stimawatch-signature',
  timestamp: 'x-stimawatch-timestamp',
  delivery: 'x-stimawatch-delivery',
} as const;

/** `sha256=<hex HMAC-SHA256 of the raw body>`, the value of the signature header. */
export function signWebhookBody(rawBody: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/** Checks a signature header against the raw body in constant time. */
export function verifyWebhookSignature(rawBody: string, header: string | undefined, secret: string): boolean {
  if (header === undefined) return false;
  const expected = Buffer.from(signWebhookBody(rawBody, secret), 'utf8');
  const actual = Buffer.from(header, 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
