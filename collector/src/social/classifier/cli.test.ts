import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the classifier CLI with `npx tsx`, feeds stdin and waits for the process to close. */
function runCli(input: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', CLI], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('classifier CLI (npm run -s classify)', () => {
  it('streams JSONL labels in input order and reports bad lines on stderr with exit code 0', async () => {
    const posts = Array.from({ length: 300 }, (_, i) =>
      JSON.stringify({
        id: `p${i}`,
        text: i % 2 === 0 ? 'No power in Kayole since 6am' : 'Kindly DM your meter number ^JK',
      }),
    );
    posts.splice(5, 0, '{"id": broken');
    const { code, stdout, stderr } = await runCli(`${posts.join('\n')}\n`);
    expect(code).toBe(0);
    expect(stderr).toContain('line 6: not JSON');
    const labels = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(labels).toHaveLength(300);
    expect(labels.map((label) => label.id)).toEqual(Array.from({ length: 300 }, (_, i) => `p${i}`));
    expect(labels[0]).toEqual({
      id: 'p0',
      category: 'outage_complaint',
      topic: 'power_outage',
      lang: 'en',
      county: 'Nairobi',
      sentiment: 'negative',
      sentiment_score: expect.any(Number),
    });
    expect(labels[1]).toMatchObject({ category: 'official', topic: null });
  });

  it('exits with 1 when no line is valid', async () => {
    const { code, stdout, stderr } = await runCli('garbage\n{"text":"no id"}\n');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('line 1');
    expect(stderr).toContain('line 2');
  });
});
