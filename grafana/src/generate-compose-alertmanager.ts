/**
 * Writes deploy/alertmanager/alertmanager.yml (run: `npx tsx grafana/src/generate-compose-alertmanager.ts`);
 * `--check` writes nothing and exits 1 when the committed file differs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderComposeAlertmanagerConfig } from './compose-alertmanager-config';

const target = fileURLToPath(new URL('../../deploy/alertmanager/alertmanager.yml', import.meta.url));
const text = renderComposeAlertmanagerConfig();
const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error(
      'deploy/alertmanager/alertmanager.yml is stale: run npx tsx grafana/src/generate-compose-alertmanager.ts',
    );
    process.exit(1);
  }
} else if (current !== text) {
  writeFileSync(target, text);
  console.log('wrote deploy/alertmanager/alertmanager.yml');
}
