/** CLI: `npx tsx alerts/prometheus/generate-rules.ts` rewrites the committed rule files and generated tests. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedFiles } from './generated-files';

const here = dirname(fileURLToPath(import.meta.url));
for (const [path, text] of Object.entries(generatedFiles())) {
  const target = join(here, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${join('alerts/prometheus', path)}`);
}
