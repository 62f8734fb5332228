import { createHash } from 'node:crypto';
import { StimaError } from '@stimawatch/core';

export const ROLES = ['oncall', 'comms', 'viewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling the write API: a token's name and role (later: a console user). */
export interface Principal {
  name: string;
  role: Role;
}

/** Bearer tokens keyed by their SHA-256, so a lookup never compares secrets character by character. */
export interface ApiTokens {
  lookup(token: string): Principal | undefined;
  readonly size: number;
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Parses `API_TOKENS` (`name:role:token[,name:role:token…]`, role one of oncall|comms|viewer|admin).
 * Rejects short tokens and unknown roles so a typo cannot open or silently close an endpoint.
 */
export function parseApiTokens(raw: string): ApiTokens {
  const byDigest = new Map<string, Principal>();
  for (const [index, entry] of raw.split(',').entries()) {
    const trimmed = entry.trim();
    if (trimmed === '') continue;
    const [name = '', role = '', ...rest] = trimmed.split(':');
    const token = rest.join(':');
    const where = `API_TOKENS entry ${index + 1}`;
    if (!/^[a-z0-9_.-]{1,40}$/i.test(name)) {
      throw new StimaError(
        'CONFIG',
        `${where} must be name:role:token with a name of letters, digits, _ . -`,
      );
    }
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new StimaError(
        'CONFIG',
        `${where} (${name}) has role "${role}"; expected one of ${ROLES.join('|')}`,
      );
    }
    if (token.length < 16) {
      throw new StimaError('CONFIG', `${where} (${name}) needs a token of 16+ characters`);
    }
    byDigest.set(digest(token), { name, role: role as Role });
  }
  return {
    lookup: (token) => byDigest.get(digest(token)),
    size: byDigest.size,
  };
}
