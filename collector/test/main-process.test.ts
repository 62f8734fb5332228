import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { deleteRedisPrefix, exitCodeAfterSigterm, privateRedisPrefix } from '@stimawatch/core/testing';
import { describe, expect, it } from 'vitest';
import { CALLBACK_SECRET, INGEST_TOKEN } from './helpers/collector-harness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function runMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'collector/src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return { child, output: () => ({ stdout, stderr }) };
}

describe('npm run collector (main.ts)', () => {
  it('refuses to start on a bad variable, naming it', async () => {
    const { child, output } = runMain({
      INGEST_TOKENS: `vending:${INGEST_TOKEN}`,
      MPESA_CALLBACK_SECRET: 'short',
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(output().stderr).toMatch(
      /collector: cannot start: MPESA_CALLBACK_SECRET must be at least 16 characters/,
    );
  });

  it('serves, then shuts down gracefully on SIGTERM', async () => {
    const prefix = privateRedisPrefix('main');
    const { child, output } = runMain({
      COLLECTOR_PORT: '0',
      REDIS_KEY_PREFIX: prefix,
      INGEST_TOKENS: `vending:${INGEST_TOKEN}`,
      MPESA_CALLBACK_SECRET: CALLBACK_SECRET,
    });
    try {
      const deadline = Date.now() + 20_000;
      let url: string | undefined;
      while (url === undefined) {
        const match = /"url":"(http:\/\/[^"]+)".*"msg":"collector listening"/.exec(output().stdout);
        url = match?.[1];
        if (url === undefined) {
          if (Date.now() > deadline || child.exitCode !== null)
            throw new Error(`no listening line: ${output().stderr}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      expect(await exitCodeAfterSigterm(child)).toBe(0);
      expect(output().stdout).toMatch(/"msg":"stopped"/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await deleteRedisPrefix(prefix);
    }
  });
});
