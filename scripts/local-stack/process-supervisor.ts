import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ManagedProcess {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

const COLOURS = [36, 33, 35, 32, 34, 31, 90];

/**
 * Starts child processes with their output prefixed by name; when one exits unexpectedly or the user presses
 * Ctrl-C, stops them all (SIGTERM, then SIGKILL after a grace period) so nothing is left running.
 */
export class ProcessSupervisor {
  private readonly children: { name: string; child: ChildProcess }[] = [];
  private stopping = false;

  constructor(private readonly onExit: (code: number) => void) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void this.stopAll(0));
  }

  start(spec: ManagedProcess): ChildProcess {
    const colour = COLOURS[this.children.length % COLOURS.length];
    const prefix = `\x1b[${colour}m${spec.name.padEnd(12)}\x1b[0m|`;
    const child = spawn(spec.command, spec.args, {
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: stopping it also stops what it started (tsx runs the service in a child).
      detached: true,
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${prefix} ${line}\n`));
    }
    child.on('exit', (code, signal) => {
      if (this.stopping) return;
      process.stdout.write(`${prefix} exited (${signal ?? code}); stopping the stack\n`);
      void this.stopAll(1);
    });
    this.children.push({ name: spec.name, child });
    return child;
  }

  /** Stops the processes newest first, so the simulator drains into a collector that is still up. */
  async stopAll(code: number): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    for (const { child } of [...this.children].reverse()) await stopGroup(child);
    this.onExit(code);
  }
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    const group = -child.pid;
    const force = setTimeout(() => signalGroup(group, 'SIGKILL'), 8000);
    child.once('exit', () => {
      clearTimeout(force);
      // Whatever the leader left behind in its group goes with it.
      signalGroup(group, 'SIGKILL');
      resolve();
    });
    signalGroup(group, 'SIGTERM');
  });
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(group, signal);
  } catch {
    // The group is already gone: nothing left to stop.
  }
}
