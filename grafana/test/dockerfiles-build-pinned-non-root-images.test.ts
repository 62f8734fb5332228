import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './rule-files';

const run = promisify(execFile);
const DOCKERFILES = [
  { file: 'Dockerfile.collector', workspace: 'collector', port: 8081, portVariable: 'COLLECTOR_PORT' },
  { file: 'Dockerfile.alerts', workspace: 'alerts', port: 8082, portVariable: 'ALERTS_PORT' },
];
const TSX_HOME = '/opt/tsx/node_modules';

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions with line continuations joined and comments dropped. */
function instructions(text: string): Instruction[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const space = line.indexOf(' ');
      return { keyword: line.slice(0, space).toUpperCase(), args: line.slice(space + 1).trim() };
    });
}

/** The instructions of the last stage (the image that runs). */
function finalStage(list: Instruction[]): Instruction[] {
  const lastFrom = list.map((i) => i.keyword).lastIndexOf('FROM');
  return list.slice(lastFrom);
}

/** Packages tsx needs at run time on Linux, from the lockfile: dependencies and optionalDependencies, recursively. */
function tsxClosure(): string[] {
  const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dependencies?: object; optionalDependencies?: object; os?: string[] }>;
  };
  const seen = new Set<string>();
  const visit = (name: string): void => {
    const entry = lock.packages[`node_modules/${name}`];
    if (entry === undefined || seen.has(name)) return;
    if (entry.os && !entry.os.includes('linux')) return;
    seen.add(name);
    for (const dependency of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies }))
      visit(dependency);
  };
  visit('tsx');
  return [...seen];
}

describe.each(DOCKERFILES)('$file', ({ file, workspace, port, portVariable }) => {
  const list = instructions(readFileSync(join(REPO_ROOT, file), 'utf8'));
  const runtime = finalStage(list);
  const stageNames = new Set(
    list.filter((i) => i.keyword === 'FROM').map((i) => i.args.split(/\s+AS\s+/i)[1]),
  );

  it('builds every stage from an exactly pinned base image or an earlier stage', () => {
    const bases = list.filter((i) => i.keyword === 'FROM').map((i) => i.args.split(/\s+/)[0] ?? '');
    expect(bases.length).toBeGreaterThanOrEqual(3);
    for (const base of bases) {
      if (stageNames.has(base)) continue;
      expect(base).toMatch(/^[a-z0-9./-]+(:\d+\.\d+\.\d+[a-z0-9.-]*)?(@sha256:[a-f0-9]{64})?$/);
      expect(base).toMatch(/:\d+\.\d+\.\d+|@sha256:/);
    }
    expect(runtime[0]?.args).toMatch(/^node:20\.\d+\.\d+-bookworm-slim /);
  });

  it('runs as the non-root node user with a HEALTHCHECK on /healthz', () => {
    const users = runtime.filter((i) => i.keyword === 'USER').map((i) => i.args);
    expect(users.at(-1)).toBe('node');
    const healthchecks = runtime.filter((i) => i.keyword === 'HEALTHCHECK');
    expect(healthchecks).toHaveLength(1);
    const command = healthchecks[0]?.args ?? '';
    expect(command).toMatch(/CMD \["node", "-e", /);
    expect(command).toContain(`/healthz`);
    expect(command).toContain(`process.env.${portVariable} || ${port}`);
    expect(runtime).toContainEqual({ keyword: 'EXPOSE', args: String(port) });
  });

  it('installs production dependencies only, from every workspace manifest and the lockfile', () => {
    const runs = list.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs).toContain('npm ci --omit=dev');
    expect(runtime.filter((i) => i.keyword === 'RUN').some((i) => /npm (ci|install)/.test(i.args))).toBe(
      false,
    );
    const copies = list.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    const root = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      workspaces: string[];
    };
    expect(copies).toContain('package.json package-lock.json ./');
    for (const ws of root.workspaces) expect(copies).toContain(`${ws}/package.json ${ws}/`);
    expect(runtime.map((i) => `${i.keyword} ${i.args}`)).toContain(`COPY ${workspace}/ ${workspace}/`);
  });

  it('copies the whole tsx closure from the lockfile and starts main.ts through it', () => {
    const copied = runtime
      .filter((i) => i.keyword === 'COPY' && i.args.startsWith('--from=dev-deps '))
      .map((i) => i.args.split(/\s+/)[2] ?? '')
      .filter((target) => target.startsWith(`${TSX_HOME}/`))
      .map((target) => target.slice(TSX_HOME.length + 1));
    for (const name of tsxClosure()) {
      expect(
        copied.some((dir) => name === dir || name.startsWith(`${dir}/`)),
        name,
      ).toBe(true);
    }
    const cmd = runtime.filter((i) => i.keyword === 'CMD').at(-1)?.args;
    expect(cmd).toBe(`["node", "--import", "${TSX_HOME}/tsx/dist/loader.mjs", "${workspace}/src/main.ts"]`);
  });
});

describe('Dockerfile.alerts console', () => {
  it('builds the console with its vite config and serves it from DASHBOARD_DIR', () => {
    const list = instructions(readFileSync(join(REPO_ROOT, 'Dockerfile.alerts'), 'utf8'));
    const runtime = finalStage(list);
    expect(list).toContainEqual({ keyword: 'RUN', args: 'npx vite build --config dashboard/vite.config.ts' });
    expect(readFileSync(join(REPO_ROOT, 'dashboard/vite.config.ts'), 'utf8')).toMatch(/outDir: 'dist'/);
    expect(runtime).toContainEqual({
      keyword: 'COPY',
      args: '--from=console /app/dashboard/dist dashboard/dist',
    });
    const env = runtime.find((i) => i.keyword === 'ENV')?.args ?? '';
    expect(env).toContain('DASHBOARD_DIR=/app/dashboard/dist');
  });
});

describe('the tsx runtime the images copy', () => {
  const home = mkdtempSync(join(tmpdir(), 'stimawatch-tsx-runtime-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('starts TypeScript that imports a workspace package, with nothing but the copied packages', async () => {
    const text = readFileSync(join(REPO_ROOT, 'Dockerfile.collector'), 'utf8');
    const copies = finalStage(instructions(text))
      .filter((i) => i.keyword === 'COPY' && i.args.startsWith('--from=dev-deps '))
      .map((i) => i.args.split(/\s+/));
    expect(copies.length).toBeGreaterThan(0);
    for (const [, source = '', target = ''] of copies) {
      cpSync(join(REPO_ROOT, source.replace(/^\/app\//, '')), join(home, target), { recursive: true });
    }
    const loader = join(home, TSX_HOME, 'tsx/dist/loader.mjs');
    const fixture = join(REPO_ROOT, 'grafana/test/fixtures/tsx-runtime-smoke.ts');
    const { stdout } = await run(process.execPath, ['--import', loader, fixture], { cwd: REPO_ROOT });
    expect(JSON.parse(stdout)).toEqual({ ok: true, name: 'stimawatch_vend_stage_total' });
  });
});
