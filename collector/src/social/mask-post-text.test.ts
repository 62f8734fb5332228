import { describe, expect, it } from 'vitest';
import { maskPostText } from './mask-post-text';

describe('maskPostText', () => {
  it('masks phone numbers however they are spaced, and meter numbers', () => {
    expect(maskPostText('call +254 722 000 111, 0722-000-111 or 0722000111')).toBe(
      'call 2547 ***** 111, 0722 ***** 111 or 0722 ***** 111',
    );
    expect(maskPostText('meter 14212345678 and 0123 456 7890')).toBe('meter *******5678 and *******7890');
  });

  it('leaves handles, paybills, amounts and times alone', () => {
    const text = '@KenyaPower_Care paid KES 1,000 to paybill 888880 at 07:45, account 42';
    expect(maskPostText(text)).toBe(text);
  });
});
