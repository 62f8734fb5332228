import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDashboards } from '../src/dashboards';
import { REPO_ROOT } from './rule-files';

const run = promisify(execFile);
const DASHBOARDS_DIR = join(REPO_ROOT, 'grafana/dashboards');
const GENERATE = join(REPO_ROOT, 'grafana/src/generate.ts');
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');

describe('committed dashboards', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'stimawatch-dashboards-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('equal the generator output, file for file (regenerate with npx tsx grafana/src/generate.ts)', () => {
    const rendered = renderDashboards();
    const committed = readdirSync(DASHBOARDS_DIR).filter((name) => name.endsWith('.json'));
    expect(committed.sort()).toEqual([...rendered.keys()].sort());
    for (const [file, json] of rendered) {
      expect(readFileSync(join(DASHBOARDS_DIR, file), 'utf8'), `${file} is stale`).toBe(json);
    }
  });

  it('generate.ts --check passes on fresh output and fails once a file is edited by hand', async () => {
    await run(TSX, [GENERATE, '--out', scratch], { cwd: REPO_ROOT });
    await expect(
      run(TSX, [GENERATE, '--check', '--out', scratch], { cwd: REPO_ROOT }),
    ).resolves.toBeDefined();

    const file = join(scratch, 'social-listening.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Social listening', 'Social listening (edited)'));
    const failed = await run(TSX, [GENERATE, '--check', '--out', scratch], { cwd: REPO_ROOT }).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('social-listening.json');
  });
});
