import { describe, expect, it } from 'vitest';
import { eatInstant } from '../model/eat-time';
import {
  DEFAULT_OUTAGE_DURATIONS,
  effectsAt,
  NORMAL_EFFECTS,
  type ScenarioEffects,
} from '../scenario/scenario';
import { createPostStream } from './post-stream';
import type { SimulatedPost } from './post-types';

const DAY_START = eatInstant(2024, 6, 4, 0);

async function collect(
  startMs: number,
  minutes: number,
  effects: (ms: number) => ScenarioEffects,
  seed: string | number = 'posts-test',
): Promise<SimulatedPost[]> {
  const posts: SimulatedPost[] = [];
  const stream = createPostStream({ sink: { addPost: (post) => void posts.push(post) }, startMs, seed });
  for (let minute = 1; minute <= minutes; minute++) {
    const now = startMs + minute * 60_000;
    await stream.advanceTo(now, effects(now));
  }
  return posts;
}

describe('createPostStream', () => {
  it('chatters through a normal day with a daily rhythm, hard negatives and official replies', async () => {
    const posts = await collect(DAY_START, 24 * 60, () => NORMAL_EFFECTS);
    expect(posts.length).toBeGreaterThan(1_200);
    expect(posts.length).toBeLessThan(2_300);
    const hour = (p: SimulatedPost) => Math.floor((p.createdAtMs - DAY_START) / 3_600_000);
    const night = posts.filter((p) => hour(p) >= 2 && hour(p) < 5).length;
    const evening = posts.filter((p) => hour(p) >= 18 && hour(p) < 21).length;
    expect(evening).toBeGreaterThan(night * 5);
    const kinds = new Set(posts.map((p) => p.truth.kind));
    for (const kind of [
      'stima_plaza',
      'okoa_stima',
      'blackout_other',
      'job_advert',
      'question',
      'official_reply',
    ]) {
      expect(kinds.has(kind as SimulatedPost['truth']['kind']), kind).toBe(true);
    }
    const official = posts.filter((p) => p.truth.category === 'official');
    expect(official.every((p) => p.author.username === 'KenyaPower_Care')).toBe(true);
    const surgeKinds = posts.filter((p) => ['no_token', 'payment_refused'].includes(p.truth.kind));
    expect(surgeKinds).toEqual([]);
  });

  it('surges with complaints from many distinct authors in three languages during an outage, official silent', async () => {
    const run = { runId: 1, name: 'outage' as const, startedAtMs: DAY_START + 19 * 3_600_000, timeScale: 1 };
    const outage = { ...run, durations: DEFAULT_OUTAGE_DURATIONS };
    const posts = await collect(run.startedAtMs, 7, (ms) => effectsAt(outage, ms));
    const complaints = posts.filter((p) => ['no_token', 'payment_refused'].includes(p.truth.kind));
    expect(complaints.length).toBeGreaterThan(80);
    expect(new Set(complaints.map((p) => p.author.username)).size).toBeGreaterThan(complaints.length * 0.75);
    expect(new Set(complaints.map((p) => p.truth.lang))).toEqual(new Set(['en', 'sw', 'mixed']));
    expect(posts.filter((p) => p.truth.category === 'official')).toEqual([]);
    const texts = complaints.map((p) => p.text).join('\n');
    expect(texts).toMatch(/Confirmed\. Ksh[\d,]+\.00 sent to KPLC PREPAID for account \d{11} on/);
    expect(texts).toMatch(/hazikuji|hakuna stima|inakataa kulipa KPLC/i);
    expect(texts).not.toMatch(/\{\w+\}/);
  });

  it('gives authors handles and follower counts, and posts impressions that grow with followers', async () => {
    const posts = await collect(DAY_START + 18 * 3_600_000, 120, () => NORMAL_EFFECTS);
    for (const post of posts) {
      expect(post.author.username).toMatch(/^[A-Za-z0-9_]{1,15}$/);
      expect(post.author.followersCount).toBeGreaterThanOrEqual(0);
      expect(post.impressionCount).toBeGreaterThan(0);
    }
    const big = posts.filter((p) => p.author.followersCount > 5_000);
    const small = posts.filter((p) => p.author.followersCount < 100);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    expect(median(big.map((p) => p.impressionCount))).toBeGreaterThan(
      median(small.map((p) => p.impressionCount)),
    );
  });

  it('is reproducible from its seed', async () => {
    const a = await collect(DAY_START + 8 * 3_600_000, 30, () => NORMAL_EFFECTS, 11);
    const b = await collect(DAY_START + 8 * 3_600_000, 30, () => NORMAL_EFFECTS, 11);
    expect(a.map((p) => p.text)).toEqual(b.map((p) => p.text));
  });
});
