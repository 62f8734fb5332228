import { describe, expect, it } from 'vitest';
import { bearerToken, createTokenLookup, secretsEqual } from './secret-compare';

describe('secret comparison', () => {
  it('compares secrets of any length', () => {
    expect(secretsEqual('cb-secret-0123456789', 'cb-secret-0123456789')).toBe(true);
    expect(secretsEqual('cb-secret-012345678', 'cb-secret-0123456789')).toBe(false);
    expect(secretsEqual('', 'cb-secret-0123456789')).toBe(false);
  });

  it('maps a bearer token to its source', () => {
    const lookup = createTokenLookup(new Map([['0123456789abcdef', 'vending']]));
    expect(lookup('0123456789abcdef')).toBe('vending');
    expect(lookup('0123456789abcdeX')).toBeUndefined();
  });

  it('reads only well-formed Bearer headers', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
