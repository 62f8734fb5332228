import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { exitCodeAfterSigterm } from './child-exit';

describe('exitCodeAfterSigterm', () => {
  it('answers the exit code the process chose on SIGTERM, or null when the signal ended it', async () => {
    const handles = spawn(process.execPath, [
      '-e',
      "process.on('SIGTERM', () => process.exit(3)); console.log('up'); setInterval(() => {}, 1000);",
    ]);
    await once(handles.stdout, 'data');
    expect(await exitCodeAfterSigterm(handles)).toBe(3);

    const ignores = spawn(process.execPath, ['-e', "console.log('up'); setInterval(() => {}, 1000);"]);
    await once(ignores.stdout, 'data');
    expect(await exitCodeAfterSigterm(ignores)).toBeNull();
    expect(ignores.signalCode).toBe('SIGTERM');
  });
});
