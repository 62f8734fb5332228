import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './rule-files';

/** The services' configuration parsers: `config.ts` and `*-config.ts` files under their src folders. */
function configParsers(): string[] {
  const files: string[] = [];
  for (const root of ['collector/src', 'alerts/src']) {
    const entries = readdirSync(join(REPO_ROOT, root), { recursive: true, encoding: 'utf8' });
    for (const entry of entries) {
      if (/(^|[/-])config\.ts$/.test(entry) && !entry.endsWith('.test.ts')) files.push(join(root, entry));
    }
  }
  return files;
}

/** Variable names a parser reads: zod object keys (`NAME: z…`) and quoted names (`'NAME'`) in variable maps. */
function variablesRead(source: string): string[] {
  const keys = [...source.matchAll(/^\s*([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+):/gm)].map((m) => m[1] ?? '');
  const quoted = [...source.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)].map((m) => m[1] ?? '');
  return [...new Set([...keys, ...quoted])];
}

describe('docs/operations/configuration.md', () => {
  const reference = readFileSync(join(REPO_ROOT, 'docs/operations/configuration.md'), 'utf8');

  it('lists every variable the collector and alerts configuration parsers read', () => {
    const parsers = configParsers();
    expect(parsers).toEqual(
      expect.arrayContaining(['collector/src/config/collector-config.ts', 'alerts/src/config.ts']),
    );
    const missing: string[] = [];
    let count = 0;
    for (const file of parsers) {
      for (const name of variablesRead(readFileSync(join(REPO_ROOT, file), 'utf8'))) {
        count += 1;
        if (!reference.includes(`\`${name}\``)) missing.push(`${file}: ${name}`);
      }
    }
    expect(count).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  it('finds variables both as schema keys and as quoted names', () => {
    const source =
      "const s = z.object({\n  FOO_PORT: z.coerce.number(),\n});\nconst V = { a: 'BAR_URL' };\nconst MAX = 1;";
    expect(variablesRead(source)).toEqual(['FOO_PORT', 'BAR_URL']);
  });
});
