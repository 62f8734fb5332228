import { type FakeXServer, startFakeXServer } from '@stimawatch/core/fakes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eatInstant } from '../src/model/eat-time';
import { fakeXAdminSink, fakeXServerSink } from '../src/posts/fake-x-sink';
import { createPostStream, DEFAULT_OFFICIAL_ACCOUNT } from '../src/posts/post-stream';
import type { PostSink } from '../src/posts/post-types';
import { DEFAULT_OUTAGE_DURATIONS, effectsAt, NORMAL_EFFECTS } from '../src/scenario/scenario';

const START = eatInstant(2024, 6, 4, 19);
// The collector's default query names both official handles, the paybill and the keywords.
const QUERY = '@KenyaPower_Care OR @KenyaPower OR KPLC OR "Kenya Power" OR 888880 OR stima OR tokens';

let server: FakeXServer;
beforeEach(async () => {
  server = await startFakeXServer({ port: 0, defaultPublisherUsername: DEFAULT_OFFICIAL_ACCOUNT.username });
  server.addUser(DEFAULT_OFFICIAL_ACCOUNT);
});
afterEach(async () => {
  await server.close();
});

interface SearchPage {
  data?: { id: string; text: string; author_id: string; public_metrics: { impression_count: number } }[];
  includes?: { users: { id: string; username: string; public_metrics: { followers_count: number } }[] };
  meta: { result_count: number; next_token?: string };
}

/** Pages through recent search on the real wire, as the collector's X client would. */
async function searchAll(): Promise<Required<Pick<SearchPage, 'data'>> & { users: Map<string, number> }> {
  const data: NonNullable<SearchPage['data']> = [];
  const users = new Map<string, number>();
  let token: string | undefined;
  do {
    const params = new URLSearchParams({
      query: QUERY,
      max_results: '100',
      'tweet.fields': 'author_id,created_at,public_metrics,lang',
      expansions: 'author_id',
      'user.fields': 'public_metrics',
    });
    if (token) params.set('next_token', token);
    const page = (await (await fetch(`${server.url}/2/tweets/search/recent?${params}`)).json()) as SearchPage;
    data.push(...(page.data ?? []));
    for (const user of page.includes?.users ?? [])
      users.set(user.username, user.public_metrics.followers_count);
    token = page.meta.next_token;
  } while (token);
  return { data, users };
}

async function playOutage(sink: PostSink) {
  const stream = createPostStream({ sink, startMs: START, seed: 'fake-x-test' });
  const run = {
    runId: 1,
    name: 'outage' as const,
    startedAtMs: START,
    timeScale: 1,
    durations: DEFAULT_OUTAGE_DURATIONS,
  };
  const made = [];
  for (let minute = 1; minute <= 5; minute++) {
    const now = START + minute * 60_000;
    made.push(...(await stream.advanceTo(now, effectsAt(run, now))));
  }
  return made;
}

describe('simulated posts on the fake X API', () => {
  it('are searchable with their authors and follower counts when added in process', async () => {
    const made = await playOutage(fakeXServerSink(server));
    const found = await searchAll();
    const complaints = made.filter((post) => post.truth.category === 'outage_complaint');
    expect(complaints.length).toBeGreaterThan(30);
    expect(found.data.length).toBeGreaterThanOrEqual(complaints.length);
    const author = complaints[0]?.author;
    expect(author && found.users.get(author.username)).toBe(author?.followersCount);
    expect(found.data.some((post) => post.public_metrics.impression_count > 0)).toBe(true);
  });

  it('reach a fake X in another process through its admin routes', async () => {
    const made = await playOutage(fakeXAdminSink(server.url));
    const found = await searchAll();
    expect(found.data.map((post) => post.text).sort()).toEqual(
      made
        .filter((post) => found.data.some((f) => f.text === post.text))
        .map((post) => post.text)
        .sort(),
    );
    expect(found.data.length).toBeGreaterThan(30);
  });

  it('leave the official timeline silent during the outage, and carry routine replies on a normal day', async () => {
    await playOutage(fakeXServerSink(server));
    const official = server.addUser(DEFAULT_OFFICIAL_ACCOUNT);
    const timeline = async () =>
      (await (
        await fetch(`${server.url}/2/users/${official.id}/tweets?max_results=100`)
      ).json()) as SearchPage;
    expect((await timeline()).meta.result_count).toBe(0);

    const normal = createPostStream({ sink: fakeXServerSink(server), startMs: START, seed: 'normal-day' });
    for (let minute = 1; minute <= 120; minute++)
      await normal.advanceTo(START + minute * 60_000, NORMAL_EFFECTS);
    expect((await timeline()).meta.result_count).toBeGreaterThan(0);
  });
});
