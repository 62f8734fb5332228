import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Logger, throttledErrorLog } from './logger';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('throttledErrorLog', () => {
  it('logs the first error at once, drops repeats within the interval, and logs again after it', () => {
    const warn = vi.fn();
    const onError = throttledErrorLog({ warn } as unknown as Logger, 'Redis connection error', 10_000);
    const clock = vi.spyOn(Date, 'now');

    clock.mockReturnValue(1_000);
    onError(new Error('ECONNREFUSED'));
    clock.mockReturnValue(9_000);
    onError(new Error('ECONNREFUSED again'));
    clock.mockReturnValue(11_000);
    onError(new Error('ETIMEDOUT'));

    expect(warn.mock.calls).toEqual([
      [{ err: 'ECONNREFUSED' }, 'Redis connection error'],
      [{ err: 'ETIMEDOUT' }, 'Redis connection error'],
    ]);
  });
});
