import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt parameters: N = 2^15, r = 8, p = 1 (32 MiB, tens of milliseconds); stored with each hash. */
const DEFAULT = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const PATTERN = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{40,})$/;

function derive(
  password: string,
  salt: Buffer,
  options: { N: number; r: number; p: number },
): Promise<Buffer> {
  const params: ScryptOptions = { ...options, maxmem: 256 * options.N * options.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, params, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$key` (base64url), self-describing so the cost can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, DEFAULT);
  return `scrypt$${DEFAULT.N}$${DEFAULT.r}$${DEFAULT.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export function isPasswordHash(value: string): boolean {
  const match = PATTERN.exec(value);
  if (match === null) return false;
  const [n, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Bounded so a hand-edited file cannot make every sign-in allocate gigabytes.
  return (
    Number.isInteger(Math.log2(n)) && n >= 2 ** 10 && n <= 2 ** 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16
  );
}

/** Constant-time check of a password against a stored hash; false (never a throw) for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = PATTERN.exec(stored);
  if (match === null || !isPasswordHash(stored)) return false;
  const expected = Buffer.from(match[5] ?? '', 'base64url');
  const key = await derive(password, Buffer.from(match[4] ?? '', 'base64url'), {
    N: Number(match[1]),
    r: Number(match[2]),
    p: Number(match[3]),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
