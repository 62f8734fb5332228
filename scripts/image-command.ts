import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Service } from './build-services';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The command a service's image runs (the last `CMD` of `Dockerfile.<service>`, exec form), so tools that
 * start the bundle locally (the benchmark) start it with the same node flags. Paths in it are relative to
 * the image's /app, which is the repository root locally.
 */
export function imageCommand(service: Service): string[] {
  const dockerfile = readFileSync(join(ROOT, `Dockerfile.${service}`), 'utf8');
  const cmd = dockerfile
    .split('\n')
    .filter((line) => line.startsWith('CMD '))
    .at(-1);
  if (cmd === undefined) throw new Error(`Dockerfile.${service} has no CMD`);
  const command = JSON.parse(cmd.slice('CMD '.length)) as unknown;
  if (!Array.isArray(command) || !command.every((word) => typeof word === 'string')) {
    throw new Error(`Dockerfile.${service}: CMD is not in exec form: ${cmd}`);
  }
  return command;
}
