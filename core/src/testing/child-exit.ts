import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** Asks a child process to stop with SIGTERM; resolves with its exit code (null when a signal ended it). */
export async function exitCodeAfterSigterm(child: ChildProcess): Promise<number | null> {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  return code;
}
