import { describe, expect, it } from 'vitest';
import { hashPassword, isPasswordHash, verifyPassword } from './password-hash';

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt per hash', async () => {
    const [a, b] = await Promise.all([
      hashPassword('correct horse battery'),
      hashPassword('correct horse battery'),
    ]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
  });

  it('refuses malformed or absurdly expensive hashes without throwing', async () => {
    const good = await hashPassword('pw-0123456789');
    const [, , , , salt, key] = good.split('$');
    expect(isPasswordHash(good)).toBe(true);
    expect(isPasswordHash(`scrypt$1073741824$8$1$${salt}$${key}`)).toBe(false);
    expect(isPasswordHash('plain-text-password')).toBe(false);
    expect(await verifyPassword('pw-0123456789', 'plain-text-password')).toBe(false);
  });
});
