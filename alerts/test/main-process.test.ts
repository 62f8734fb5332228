import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createPrivatePostgres,
  deleteRedisPrefix,
  exitCodeAfterSigterm,
  type PrivatePostgres,
  privateRedisPrefix,
  waitFor,
} from '@stimawatch/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookPayload } from './support/alertmanager-fixtures';
import { dropWhenIdle } from './support/postgres-teardown';

const ROOT = join(import.meta.dirname, '..', '..');
let privatePostgres: PrivatePostgres;
const prefix = privateRedisPrefix('alerts-main');
beforeAll(async () => {
  privatePostgres = await createPrivatePostgres();
});
afterAll(async () => {
  await deleteRedisPrefix(prefix);
  await dropWhenIdle(privatePostgres);
});

interface Started {
  child: ChildProcess;
  stdout: string[];
  stderr: () => string;
}

/** `npm run alerts` as the composition root runs it: tsx, configured only by environment variables. */
function startMain(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'alerts/src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  let stderr = '';
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    stdout.push(...lines);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return { child, stdout, stderr: () => stderr };
}

const baseEnv = () => ({
  ACK_LINK_SECRET: 'main-process-ack-secret-0123456789abcdef',
  ALERTS_PORT: '0',
  DATABASE_URL: privatePostgres.url,
  REDIS_KEY_PREFIX: prefix,
  LOG_LEVEL: 'info',
});

describe('alerts main process', () => {
  it('starts from the environment, serves, and shuts down cleanly on SIGTERM', async () => {
    const main = startMain(baseEnv());
    try {
      const listening = await waitFor(
        'the service to listen',
        () =>
          main.stdout
            .map((line) => JSON.parse(line) as Record<string, unknown>)
            .find((l) => l.msg === 'alerts service listening'),
        30_000,
      );
      const url = `http://127.0.0.1:${listening.port}`;
      expect(listening).toMatchObject({ database: 'postgres' });
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const webhook = await fetch(`${url}/v1/alertmanager`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          webhookPayload([{ fingerprint: 'main-1' }], { labels: { service: 'platform' } }),
        ),
      });
      expect(webhook.status).toBe(200);
      expect(await (await fetch(`${url}/metrics`)).text()).toMatch(
        /stimawatch_incidents_open\{severity="page"\} 1/,
      );
      expect(await exitCodeAfterSigterm(main.child)).toBe(0);
      expect(main.stdout.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
    } finally {
      if (main.child.exitCode === null) main.child.kill('SIGKILL');
    }
  });

  it('refuses to start with a broken on-call file, naming file, line and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-'));
    const file = join(dir, 'oncall.yml');
    writeFileSync(
      file,
      'people:\n  amina: { name: Amina }\nrotations:\n  primary:\n    members: [amina, zed]\n',
    );
    const main = startMain({ ...baseEnv(), ONCALL_FILE: file });
    const [code] = await once(main.child, 'exit');
    expect(code).toBe(1);
    expect(main.stderr()).toContain(`${file}:4:3: rotations.primary.handoff: is required`);
  });
});
