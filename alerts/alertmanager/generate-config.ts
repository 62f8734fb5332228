/** CLI: `npx tsx alerts/alertmanager/generate-config.ts` rewrites the committed default alertmanager.yml. */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_WEBHOOK_URL, renderAlertmanagerConfig } from './render-config';

const target = join(dirname(fileURLToPath(import.meta.url)), 'alertmanager.yml');
writeFileSync(target, renderAlertmanagerConfig({ webhookUrl: DEFAULT_WEBHOOK_URL }));
console.log('wrote alerts/alertmanager/alertmanager.yml');
