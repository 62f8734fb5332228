import { hash, timingSafeEqual } from 'node:crypto';

/** SHA-256 in one call (no Hash object): this runs on every authenticated request. */
function digest(value: string): Buffer {
  return hash('sha256', value, 'buffer');
}

/** Compares two secrets in time independent of where they differ (and of their lengths). */
export function secretsEqual(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * Maps a presented bearer token to its source name by comparing it with every configured token in
 * constant time (no early exit), so response timing says nothing about a token's prefix.
 */
export function createTokenLookup(
  tokens: ReadonlyMap<string, string>,
): (presented: string) => string | undefined {
  const entries = [...tokens].map(([token, source]) => ({ digest: digest(token), source }));
  return (presented) => {
    const presentedDigest = digest(presented);
    let found: string | undefined;
    for (const entry of entries) {
      if (timingSafeEqual(presentedDigest, entry.digest)) found = entry.source;
    }
    return found;
  };
}

/** The token of an `Authorization: Bearer <token>` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
