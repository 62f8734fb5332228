import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an acknowledgement link proves: this recipient may acknowledge this incident until `expiresAt`. */
export interface AckGrant {
  incidentId: string;
  recipient: string;
  expiresAt: Date;
}

export type AckTokenCheck =
  | ({ ok: true } & AckGrant)
  | { ok: false; reason: 'invalid' }
  | ({ ok: false; reason: 'expired' } & AckGrant);

function mac(body: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

/**
 * `<base64url(incidentId.recipient.expirySeconds)>.<base64url(HMAC-SHA256)>`: short enough for an SMS, and
 * nothing in it can be changed without the key.
 */
export function signAckToken(grant: AckGrant, secret: string): string {
  const body = `${grant.incidentId}.${grant.recipient}.${Math.floor(grant.expiresAt.getTime() / 1000)}`;
  return `${Buffer.from(body).toString('base64url')}.${mac(body, secret).toString('base64url')}`;
}

/** Checks the signature in constant time first, then the expiry. */
export function verifyAckToken(token: string, secret: string, now: Date): AckTokenCheck {
  const [encodedBody, encodedMac, extra] = token.split('.');
  if (encodedBody === undefined || encodedMac === undefined || extra !== undefined)
    return { ok: false, reason: 'invalid' };
  const body = Buffer.from(encodedBody, 'base64url').toString('utf8');
  const expected = mac(body, secret);
  const given = Buffer.from(encodedMac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid' };
  const match = /^([A-Za-z0-9_-]+)\.([a-z0-9_-]+)\.(\d{1,12})$/.exec(body);
  if (match === null) return { ok: false, reason: 'invalid' };
  const grant: AckGrant = {
    incidentId: match[1] as string,
    recipient: match[2] as string,
    expiresAt: new Date(Number(match[3]) * 1000),
  };
  return now.getTime() < grant.expiresAt.getTime()
    ? { ok: true, ...grant }
    : { ok: false, reason: 'expired', ...grant };
}

export interface AckLinks {
  /** The one-click link put into a page for `recipient` (a person or team id from the on-call file). */
  urlFor(incidentId: string, recipient: string): string;
  verify(token: string): AckTokenCheck;
}

export function createAckLinks(options: {
  secret: string;
  ttlMs: number;
  publicBaseUrl: string;
  clock: () => Date;
}): AckLinks {
  return {
    urlFor(incidentId, recipient) {
      const expiresAt = new Date(options.clock().getTime() + options.ttlMs);
      return `${options.publicBaseUrl}/v1/ack/${signAckToken({ incidentId, recipient, expiresAt }, options.secret)}`;
    },
    verify: (token) => verifyAckToken(token, options.secret, options.clock()),
  };
}
