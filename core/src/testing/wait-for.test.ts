import { describe, expect, it } from 'vitest';
import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('keeps polling past undefined and false, and resolves with the first other value', async () => {
    const answers = [undefined, false, 0, 'later'] as const;
    let calls = 0;
    const value = await waitFor('the third answer', () => answers[calls++]);
    expect(value).toBe(0);
    expect(calls).toBe(3);
  });

  it('awaits an async probe', async () => {
    let calls = 0;
    expect(await waitFor('an async answer', async () => (++calls === 2 ? { ready: true } : false))).toEqual({
      ready: true,
    });
  });

  it('rejects naming what it waited for once the deadline has passed', async () => {
    await expect(waitFor('the kettle to boil', () => false, 50)).rejects.toThrow(
      'timed out after 50 ms waiting for the kettle to boil',
    );
  });
});
