import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Builds the console (`dashboard/dist`) when it is missing, so the alerts service can serve it at `/`. */
export function ensureConsoleBuilt(log: (line: string) => void): void {
  if (existsSync(resolve('dashboard/dist/index.html'))) return;
  log('building the console (vite build)…');
  const result = spawnSync(
    resolve('node_modules/.bin/vite'),
    ['build', '--config', 'dashboard/vite.config.ts'],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error(`vite build failed with exit code ${result.status}`);
}
