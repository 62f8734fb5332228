import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { classifyStream } from './classify-stream';

async function run(input: string) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  stdin.end(input);
  const result = await classifyStream(stdin, stdout, stderr);
  return { result, out: out.join(''), err: err.join('') };
}

describe('classifyStream', () => {
  it('writes one contract-shaped line per post, in input order', async () => {
    const { result, out } = await run(
      '{"id":"a","text":"Hakuna stima Kayole tangu asubuhi"}\n{"id":7,"text":"How do I buy tokens?"}\n',
    );
    expect(result).toEqual({ classified: 2, rejected: 0 });
    const lines = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.id)).toEqual(['a', 7]);
    expect(Object.keys(lines[0])).toEqual([
      'id',
      'category',
      'topic',
      'lang',
      'county',
      'sentiment',
      'sentiment_score',
    ]);
    expect(lines[0]).toMatchObject({
      category: 'outage_complaint',
      topic: 'power_outage',
      county: 'Nairobi',
    });
  });

  it('reports bad lines with their number and carries on', async () => {
    const { result, out, err } = await run('not json\n\n{"id":"x"}\n{"id":"ok","text":"hi"}\r\n');
    expect(result).toEqual({ classified: 1, rejected: 2 });
    expect(err).toContain('line 1: not JSON');
    expect(err).toContain('line 3: text:');
    expect(JSON.parse(out).id).toBe('ok');
  });

  it('uses the optional author fields', async () => {
    const { out } = await run('{"id":"r","text":"Noted.","authorHandle":"@KenyaPower_Care"}\n');
    expect(JSON.parse(out).category).toBe('official');
  });
});
