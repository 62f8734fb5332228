import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit';

describe('groupCommit', () => {
  it('writes requests that arrive during a write together in the next batch, answering each its own result', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const write = groupCommit(async (inputs: number[]) => {
      batches.push(inputs);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return inputs.map((n) => n * 10);
    });
    const first = write(1);
    const rest = [write(2), write(3), write(4)];
    release();
    expect(await first).toBe(10);
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('fails every request of a failed batch, and keeps serving later ones', async () => {
    let fail = true;
    const write = groupCommit(async (inputs: string[]) => {
      if (fail) throw new Error('database down');
      return inputs;
    });
    await expect(write('a')).rejects.toThrow('database down');
    fail = false;
    expect(await write('b')).toBe('b');
  });

  it('caps the batch size', async () => {
    const sizes: number[] = [];
    const write = groupCommit(async (inputs: number[]) => {
      sizes.push(inputs.length);
      return inputs;
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => write(n)));
    expect(sizes).toEqual([1, 2, 2]);
  });
});
