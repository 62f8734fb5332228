import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DASHBOARD = resolve(import.meta.dirname, '../..');

let building: Promise<void> | undefined;

/** Builds `dashboard/dist` with Vite (programmatically) unless both pages are already there. */
export function buildDashboardIfMissing(): Promise<void> {
  if (existsSync(join(DASHBOARD, 'dist/index.html')) && existsSync(join(DASHBOARD, 'dist/status.html'))) {
    return Promise.resolve();
  }
  building ??= (async () => {
    const { build } = await import('vite');
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        configFile: join(DASHBOARD, 'vite.config.ts'),
        root: DASHBOARD,
        mode: 'production',
        logLevel: 'warn',
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  })();
  return building;
}
