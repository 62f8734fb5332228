import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  deleteRedisPrefix,
  exitCodeAfterSigterm,
  privateRedisPrefix,
  TEST_REDIS_URL,
} from '@stimawatch/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { buildService, type Service } from '../../scripts/build-services';
import { imageCommand } from '../../scripts/image-command';
import { REPO_ROOT } from './rule-files';

const DOCKERFILES = [
  { file: 'Dockerfile.collector', workspace: 'collector', port: 8081, portVariable: 'COLLECTOR_PORT' },
  { file: 'Dockerfile.alerts', workspace: 'alerts', port: 8082, portVariable: 'ALERTS_PORT' },
] as const;

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

function readDockerfile(file: string): Instruction[] {
  return instructions(readFileSync(join(REPO_ROOT, file), 'utf8'));
}

/** The instructions of the last stage (the image that runs). */
function finalStage(list: Instruction[]): Instruction[] {
  const lastFrom = list.map((i) => i.keyword).lastIndexOf('FROM');
  return list.slice(lastFrom);
}

/** The instructions of the stage named `name`, its FROM first. */
function stage(list: Instruction[], name: string): Instruction[] {
  const start = list.findIndex((i) => i.keyword === 'FROM' && i.args.split(/\s+AS\s+/i)[1] === name);
  if (start === -1) return [];
  const next = list.findIndex((i, index) => index > start && i.keyword === 'FROM');
  return list.slice(start, next === -1 ? undefined : next);
}

const lines = (list: Instruction[]): string[] => list.map((i) => `${i.keyword} ${i.args}`);

/** The node flags each image runs its bundle with (the collector tunes its GC for ingest, see its CMD). */
const NODE_FLAGS: Record<Service, readonly string[]> = {
  collector: ['--enable-source-maps', '--single-threaded-gc', '--no-allocation-site-pretenuring'],
  alerts: ['--enable-source-maps'],
};

describe.each(DOCKERFILES)('$file', ({ file, workspace, port, portVariable }) => {
  const list = readDockerfile(file);
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
    expect(lines(runtime)).toContain('COPY --from=prod-deps /app/node_modules ./node_modules');
  });

  it('bundles main.ts in a build stage and starts the bundle with plain node, without sources or tsx', () => {
    const build = stage(list, 'build');
    expect(build[0]?.args).toBe('dev-deps AS build');
    expect(lines(build)).toEqual(
      expect.arrayContaining([
        'COPY scripts/build-services.ts scripts/',
        'COPY core/ core/',
        `COPY ${workspace}/ ${workspace}/`,
        `RUN npm run build:services -- ${workspace}`,
      ]),
    );
    const scripts = (
      JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts['build:services']).toBe('tsx scripts/build-services.ts');

    expect(lines(runtime)).toContain(`COPY --from=build /app/${workspace}/dist ${workspace}/dist`);
    expect(lines(runtime)).not.toContain('COPY core/ core/');
    expect(lines(runtime)).not.toContain(`COPY ${workspace}/ ${workspace}/`);
    for (const copy of runtime.filter((i) => i.keyword === 'COPY').map((i) => i.args)) {
      expect(copy).not.toMatch(/--from=dev-deps|tsx|\/src\b|\.ts\b/);
    }
    const cmd = runtime.filter((i) => i.keyword === 'CMD').at(-1)?.args;
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...NODE_FLAGS[workspace], `${workspace}/dist/main.mjs`]);
    expect(imageCommand(workspace)).toEqual(JSON.parse(cmd ?? '[]'));
  });
});

describe('Dockerfile.alerts console', () => {
  it('builds the console with its vite config and serves it from DASHBOARD_DIR', () => {
    const list = readDockerfile('Dockerfile.alerts');
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

/**
 * `npm ci --omit=dev` as seen by the bundle: a `node_modules` holding only the lockfile's non-dev top-level
 * packages (links into the repository's), without the workspace links, which the bundle must not need.
 */
function linkProductionNodeModules(target: string): void {
  const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; link?: boolean }>;
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!/^node_modules\/(@[^/]+\/)?[^/]+$/.test(path) || entry.dev === true || entry.link === true) continue;
    const link = join(target, path.slice('node_modules/'.length));
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(REPO_ROOT, path), link, 'dir');
  }
}

/**
 * Lays out the runtime stage of a Dockerfile under `home` (the image's /app): production node_modules, the
 * bundle built by `buildService`, and the plain files the stage copies from the repository.
 */
async function layOutRuntimeStage(file: string, service: Service, home: string): Promise<void> {
  for (const copy of finalStage(readDockerfile(file)).filter((i) => i.keyword === 'COPY')) {
    const words = copy.args.split(/\s+/);
    const from = words[0]?.startsWith('--from=') ? words.shift()?.slice('--from='.length) : undefined;
    const [source = '', target = ''] = words;
    if (from === 'prod-deps' && source === '/app/node_modules') {
      linkProductionNodeModules(join(home, target));
    } else if (from === 'build' && source === `/app/${service}/dist`) {
      await buildService(service, join(home, target, 'main.mjs'));
    } else if (from === 'console') {
      // The console is a separate Vite build (checked above); the service starts without it.
    } else if (from === undefined) {
      const into = !source.endsWith('/') && target.endsWith('/') ? join(target, basename(source)) : target;
      cpSync(join(REPO_ROOT, source), join(home, into), { recursive: true });
    } else {
      throw new Error(`${file}: no local equivalent for COPY ${copy.args}`);
    }
  }
}

interface RuntimeSmoke {
  service: Service;
  file: string;
  env: Record<string, string>;
  listeningUrl: (log: string) => string | undefined;
  /** What the running bundle must also do beyond /healthz. */
  exercise?: (url: string) => Promise<void>;
}

/** A batch large enough to be read on the collector's parse worker, a module of its own in the image. */
async function ingestLargeBatch(url: string): Promise<void> {
  const lines = Array.from({ length: 400 }, (_, i) =>
    JSON.stringify({ attemptId: `IMG${i}`, channel: 'mpesa_c2b', stage: 'meter_lookup', outcome: 'success' }),
  );
  const response = await fetch(`${url}/v1/vend-events`, {
    method: 'POST',
    body: lines.join('\n'),
    headers: { authorization: 'Bearer vending-token-0123456789', 'content-type': 'application/x-ndjson' },
  });
  expect(response.status).toBe(202);
  expect(await response.json()).toMatchObject({ accepted: 400, rejected: [] });
}

/** How to start each image's bundle locally, and how to read its URL from its log. */
const RUNTIME_SMOKE: RuntimeSmoke[] = [
  {
    service: 'collector',
    file: 'Dockerfile.collector',
    env: {
      COLLECTOR_HOST: '127.0.0.1',
      COLLECTOR_PORT: '0',
      INGEST_TOKENS: 'vending:vending-token-0123456789',
      MPESA_CALLBACK_SECRET: 'cb-secret-0123456789',
    },
    listeningUrl: (log: string) => /"url":"(http:\/\/[^"]+)".*"msg":"collector listening"/.exec(log)?.[1],
    exercise: ingestLargeBatch,
  },
  {
    service: 'alerts',
    file: 'Dockerfile.alerts',
    env: {
      ALERTS_HOST: '127.0.0.1',
      ALERTS_PORT: '0',
      ACK_LINK_SECRET: 'ack-link-secret-0123456789abcdef0123',
    },
    listeningUrl: (log: string) => {
      const match = /"port":(\d+),"host":"([^"]+)".*"msg":"alerts service listening"/.exec(log);
      return match === null ? undefined : `http://${match[2]}:${match[1]}`;
    },
  },
];

type Child = ChildProcessByStdio<null, Readable, Readable>;

/** Resolves with the service's URL once its listening line is logged; rejects if it exits first. */
async function waitUntilListening(
  child: Child,
  listeningUrl: (log: string) => string | undefined,
  timeoutMs: number,
): Promise<string> {
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no listening line in ${timeoutMs} ms: ${stderr}`)),
      timeoutMs,
    );
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const url = listeningUrl(stdout);
      if (url === undefined) return;
      clearTimeout(timer);
      resolve(url);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening: ${stderr}${stdout}`));
    });
  });
}

describe.each(RUNTIME_SMOKE)(
  'the $service image as laid out by $file',
  ({ service, file, env, listeningUrl, exercise }) => {
    const home = mkdtempSync(join(tmpdir(), `stimawatch-${service}-image-`));
    const prefix = privateRedisPrefix(`${service}-image`);
    afterAll(async () => {
      rmSync(home, { recursive: true, force: true });
      await deleteRedisPrefix(prefix);
    });

    it('starts its bundle with the CMD and production node_modules only, serves, stops on SIGTERM', async () => {
      await layOutRuntimeStage(file, service, home);
      const cmd = JSON.parse(
        finalStage(readDockerfile(file))
          .filter((i) => i.keyword === 'CMD')
          .at(-1)?.args ?? '[]',
      ) as string[];
      expect(cmd[0]).toBe('node');
      const child = spawn(process.execPath, cmd.slice(1), {
        cwd: home,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          REDIS_URL: TEST_REDIS_URL,
          REDIS_KEY_PREFIX: prefix,
          DATA_DIR: join(home, 'data'),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let log = '';
      child.stdout.on('data', (chunk) => {
        log += chunk;
      });
      try {
        const url = await waitUntilListening(child, listeningUrl, 60_000);
        expect((await fetch(`${url}/healthz`)).status).toBe(200);
        await exercise?.(url);
        // Nothing went wrong on the way (a module missing from the image would log an error, not fail).
        expect(log).not.toMatch(/"level":(50|60)/);
        expect(await exitCodeAfterSigterm(child)).toBe(0);
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    }, 120_000);
  },
);
