import { describe, expect, it } from 'vitest';
import { createAckLinks, signAckToken, verifyAckToken } from './ack-link';

const SECRET = 'k'.repeat(32);
const now = new Date('2026-05-04T19:00:00Z');
const grant = {
  incidentId: '0b5f6c1e-8a2d-4f4e-9c1a-2f3e4d5c6b7a',
  recipient: 'amina',
  expiresAt: new Date('2026-05-05T19:00:00Z'),
};

describe('acknowledgement links', () => {
  it('verify what they were signed for until they expire', () => {
    const token = signAckToken(grant, SECRET);
    expect(verifyAckToken(token, SECRET, now)).toEqual({ ok: true, ...grant });
    expect(verifyAckToken(token, SECRET, new Date('2026-05-05T18:59:59Z')).ok).toBe(true);
  });

  it('report expiry from the expiry second on, with what the link was for', () => {
    const check = verifyAckToken(signAckToken(grant, SECRET), SECRET, grant.expiresAt);
    expect(check).toEqual({ ok: false, reason: 'expired', ...grant });
  });

  it('refuse a token signed with another key', () => {
    expect(verifyAckToken(signAckToken(grant, 'x'.repeat(32)), SECRET, now)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuse any change to the signed part (other incident, other person, later expiry)', () => {
    const [, mac] = signAckToken(grant, SECRET).split('.');
    for (const forged of [
      { ...grant, incidentId: 'another-incident' },
      { ...grant, recipient: 'brian' },
      { ...grant, expiresAt: new Date('2027-01-01T00:00:00Z') },
    ]) {
      const [body] = signAckToken(forged, SECRET).split('.');
      expect(verifyAckToken(`${body}.${mac}`, SECRET, now)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('refuse garbage without throwing', () => {
    for (const token of ['', 'abc', 'a.b.c', '.', '%%%.%%%']) {
      expect(verifyAckToken(token, SECRET, now)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('build URLs under the public base URL that expire after the TTL', () => {
    const links = createAckLinks({
      secret: SECRET,
      ttlMs: 3_600_000,
      publicBaseUrl: 'https://watch.example.org',
      clock: () => now,
    });
    const url = links.urlFor(grant.incidentId, 'amina');
    expect(url.startsWith('https://watch.example.org/v1/ack/')).toBe(true);
    const token = url.split('/').at(-1) ?? '';
    expect(links.verify(token)).toMatchObject({
      ok: true,
      recipient: 'amina',
      expiresAt: new Date('2026-05-04T20:00:00Z'),
    });
  });
});
