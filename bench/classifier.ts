import { PassThrough, Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { classifyPost, classifyStream } from '../collector/src/social/classifier';
import { loadDevSet } from '../collector/src/social/classifier/dev-set';
import type { BenchResult } from './bench-result';

const GOAL_POSTS_PER_SECOND = 20_000;
const WARMUP_POSTS = 20_000;
const MEASURED_POSTS = 200_000;
const STREAM_POSTS = 50_000;

/** What every classifier must at least do to a post: lower-case it and cut it into words. */
function baselineNormalise(text: string): number {
  return text.toLowerCase().split(/[^a-z0-9]+/).length;
}

function postsPerSecond(texts: readonly string[], count: number, work: (text: string) => unknown): number {
  const started = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < count; i++) {
    if (work(texts[i % texts.length] as string) !== undefined) sink++;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (sink !== count) throw new Error('benchmark work returned nothing');
  return count / seconds;
}

async function streamPostsPerSecond(texts: readonly string[]): Promise<number> {
  const input = new PassThrough();
  let lines = 0;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const byte of chunk) if (byte === 10) lines++;
      done();
    },
  });
  const errors = new Writable({ write: (_chunk, _encoding, done) => done() });
  const started = process.hrtime.bigint();
  const finished = classifyStream(input, output, errors);
  for (let i = 0; i < STREAM_POSTS; i++) {
    const line = `${JSON.stringify({ id: String(i), text: texts[i % texts.length] })}\n`;
    if (!input.write(line)) await new Promise((resolve) => input.once('drain', resolve));
  }
  input.end();
  const result = await finished;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.classified !== STREAM_POSTS || lines !== STREAM_POSTS) throw new Error('stream lost lines');
  return STREAM_POSTS / seconds;
}

/** Texts each carrying a made-up word, so the word cache misses on every post (worst case). */
function withUnseenWords(texts: readonly string[], count: number): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let seed = 42;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let word = '';
    for (let k = 0; k < 9; k++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      word += letters[seed % 26];
    }
    out.push(`${texts[i % texts.length]} ${word}`);
  }
  return out;
}

/** A full garbage collection, so heap figures compare live memory rather than uncollected garbage. */
function exposeGc(): () => void {
  setFlagsFromString('--expose_gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc !== 'function') throw new Error('could not expose the garbage collector');
  return gc as () => void;
}

function megabytes(bytes: number): number {
  return bytes / (1024 * 1024);
}

/**
 * Classifier throughput on one core over the development set repeated, against a baseline that only
 * lower-cases and splits the text, plus the heap and RSS growth while classifying.
 */
export async function run(): Promise<BenchResult[]> {
  const texts = loadDevSet().map((row) => row.text);
  const classify = (text: string) => classifyPost({ text });
  postsPerSecond(texts, WARMUP_POSTS, classify);
  postsPerSecond(texts, WARMUP_POSTS, baselineNormalise);

  const gc = exposeGc();
  const unseen = withUnseenWords(texts, MEASURED_POSTS);
  gc();
  const before = process.memoryUsage();
  const throughput = postsPerSecond(texts, MEASURED_POSTS, classify);
  const coldThroughput = postsPerSecond(unseen, MEASURED_POSTS, classify);
  gc();
  const after = process.memoryUsage();
  const baseline = postsPerSecond(texts, MEASURED_POSTS, baselineNormalise);
  const stream = await streamPostsPerSecond(texts);

  return [
    {
      name: 'classify_posts_per_second',
      value: throughput,
      unit: 'posts/s',
      baseline,
      ratio: throughput / baseline,
      goal: `>= ${GOAL_POSTS_PER_SECOND} posts/s on one core`,
    },
    {
      name: 'classify_unseen_words_posts_per_second',
      value: coldThroughput,
      unit: 'posts/s',
      baseline,
      ratio: coldThroughput / baseline,
      goal: `>= ${GOAL_POSTS_PER_SECOND} posts/s with a word-cache miss on every post`,
    },
    {
      name: 'classify_stream_posts_per_second',
      value: stream,
      unit: 'posts/s',
      baseline: throughput,
      ratio: stream / throughput,
      goal: 'JSONL parse + classify + write, same order of magnitude as classifyPost',
    },
    {
      name: 'heap_used_delta',
      value: megabytes(after.heapUsed - before.heapUsed),
      unit: 'MB',
      goal: `live heap growth after ${2 * MEASURED_POSTS} posts; the word cache is capped at 50k entries`,
    },
    { name: 'rss_delta', value: megabytes(after.rss - before.rss), unit: 'MB' },
  ];
}
