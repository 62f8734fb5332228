/**
 * Writes the dashboards as JSON into grafana/dashboards/ (run: `npx tsx grafana/src/generate.ts`).
 * `--check` writes nothing and exits 1 when a file differs from the generator output;
 * `--out <dir>` writes or checks another folder (tests).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDashboards } from './dashboards';

const args = process.argv.slice(2);
const check = args.includes('--check');
const outIndex = args.indexOf('--out');
const outputDir =
  outIndex >= 0 ? args[outIndex + 1] : fileURLToPath(new URL('../dashboards/', import.meta.url));
if (outputDir === undefined) {
  console.error('--out needs a folder');
  process.exit(2);
}

const stale: string[] = [];
if (!check) mkdirSync(outputDir, { recursive: true });
for (const [file, json] of renderDashboards()) {
  const path = join(outputDir, file);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === json) continue;
  if (check) {
    stale.push(file);
  } else {
    writeFileSync(path, json);
    console.log(`wrote ${path}`);
  }
}
if (stale.length > 0) {
  console.error(
    `stale dashboards in ${outputDir} (run npx tsx grafana/src/generate.ts): ${stale.join(', ')}`,
  );
  process.exit(1);
}
