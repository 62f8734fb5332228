import { spawnSync } from 'node:child_process';

/** Binaries the local stack starts, with the Debian package that ships each. */
export const DEBIAN_PACKAGES = {
  'redis-server': 'redis-server',
  prometheus: 'prometheus',
  'prometheus-alertmanager': 'prometheus-alertmanager',
} as const;
export type LocalBinary = keyof typeof DEBIAN_PACKAGES;

export function hasBinary(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Installs the missing binaries from Debian's packages when running as root on Debian; otherwise it stops
 * with the exact command to run, since a half-started stack is worse than a clear instruction.
 */
export function ensureBinaries(binaries: readonly LocalBinary[], log: (line: string) => void): void {
  const missing = binaries.filter((binary) => !hasBinary(binary));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((binary) => DEBIAN_PACKAGES[binary]))];
  const command = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !hasBinary('apt-get')) {
    throw new Error(`missing ${missing.join(', ')}; install them with:\n  sudo ${command}`);
  }
  log(`installing ${packages.join(', ')} from Debian packages…`);
  const result = spawnSync('sh', ['-c', command], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) throw new Error(`'${command}' failed with exit code ${result.status}`);
}
