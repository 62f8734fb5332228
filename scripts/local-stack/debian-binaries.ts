import { spawnSync } from 'node:child_process';

/** Binaries the local stack starts, with the Debian package that ships each. */
export const DEBIAN_PACKAGES = {
  'redis-server': 'redis-server',
  prometheus: 'prometheus',
  'prometheus-alertmanager': 'prometheus-alertmanager',
} as const;
export type LocalBinary = keyof typeof DEBIAN_PACKAGES;

/**
 * Installs the packages of missing binaries through `scripts/ensure-debian-packages.sh` (the one place that
 * knows how, shared with `npm test`): apt-get as root, otherwise the exact command to run, since a half-started
 * stack is worse than a clear instruction.
 */
export function ensureBinaries(binaries: readonly LocalBinary[]): void {
  const pairs = binaries.map((binary) => `${binary}=${DEBIAN_PACKAGES[binary]}`);
  const result = spawnSync('bash', ['scripts/ensure-debian-packages.sh', ...pairs], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('missing Debian packages (see the command above)');
}
