import { spawn, spawnSync } from 'node:child_process';

export interface ToolResult {
  /** Exit status; null when the process was killed or could not start. */
  status: number | null;
  /** stdout and stderr together, as a person would read them in a terminal. */
  output: string;
}

/** Runs promtool or amtool to completion (they finish in seconds); never throws on a non-zero exit. */
export function runTool(command: string, args: readonly string[], cwd?: string): ToolResult {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  const spawnError = result.error === undefined ? '' : `\n${String(result.error)}`;
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${spawnError}` };
}

/** Like `runTool`, without blocking the event loop, so several can run side by side. */
export function runToolAsync(command: string, args: readonly string[], cwd?: string): Promise<ToolResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.on('error', (error) => resolve({ status: null, output: `${output}\n${String(error)}` }));
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** Runs async tool invocations at most `concurrency` at a time, keeping their order in the result. */
export async function runAll<T>(tasks: readonly (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      const task = tasks[index];
      if (task !== undefined) results[index] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return results;
}
