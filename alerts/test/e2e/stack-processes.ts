import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');

export interface StackProcess {
  name: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts a child process, keeping the tail of its output for failure messages. */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): StackProcess {
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    name,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(force);
    },
  };
}

/** A service of this repository, run as `npm run collector` / `npm run alerts` run it (tsx, env only). */
export function startService(name: string, entry: string, env: Record<string, string>): StackProcess {
  return startProcess(name, process.execPath, ['--import', 'tsx', entry], env);
}

/** Polls until `probe` returns a value (not undefined), or fails naming what it waited for. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  processes: readonly StackProcess[] = [],
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    for (const process of processes) {
      if (process.child.exitCode !== null) {
        throw new Error(`${process.name} exited while waiting for ${what}:\n${process.output()}`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (${String(lastError)})` : ''}`,
  );
}

export async function waitForHealthy(url: string, process: StackProcess, timeoutMs = 60_000): Promise<void> {
  await eventually(
    `${process.name} at ${url}`,
    async () => ((await fetch(url)).ok ? true : undefined),
    timeoutMs,
    [process],
  );
}
