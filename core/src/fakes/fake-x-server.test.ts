import { afterEach, describe, expect, it } from 'vitest';
import { type FakeXServer, startFakeXServer } from './fake-x-server';

let fake: FakeXServer;
afterEach(async () => {
  await fake.close();
});

async function get(path: string, token = 'app') {
  const response = await fetch(`${fake.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: response.status,
    headers: response.headers,
    // biome-ignore lint/suspicious/noExplicitAny: X wire JSON, asserted field by field below
    body: (await response.json()) as Record<string, any>,
  };
}

describe('fake X API v2', () => {
  it('answers recent search newest first with fields, expansions, meta and next_token pages', async () => {
    fake = await startFakeXServer();
    fake.addUser({ username: 'wanjiku', followersCount: 321 });
    const posts = Array.from({ length: 12 }, (_, i) =>
      fake.addPost({ text: `KPLC tokens ${i}`, authorUsername: 'wanjiku' }),
    );
    fake.addPost({ text: 'RT @wanjiku: KPLC tokens 1', authorUsername: 'otieno', retweetOf: posts[1]?.id });
    fake.addPost({ text: 'unrelated', authorUsername: 'otieno' });
    const fields =
      'tweet.fields=created_at,author_id,public_metrics&expansions=author_id&user.fields=public_metrics';
    const first = await get(
      `/2/tweets/search/recent?query=${encodeURIComponent('(KPLC OR stima) -is:retweet')}&max_results=10&${fields}`,
    );
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(10);
    expect(first.body.data[0]).toMatchObject({
      id: posts[11]?.id,
      text: 'KPLC tokens 11',
      author_id: posts[0]?.authorId,
    });
    expect(first.body.data[0].public_metrics).toMatchObject({ impression_count: 0 });
    expect(first.body.includes.users).toEqual([
      {
        id: posts[0]?.authorId,
        name: 'wanjiku',
        username: 'wanjiku',
        public_metrics: expect.objectContaining({ followers_count: 321 }),
      },
    ]);
    expect(first.body.meta).toMatchObject({
      newest_id: posts[11]?.id,
      oldest_id: posts[2]?.id,
      result_count: 10,
    });
    const second = await get(
      `/2/tweets/search/recent?query=KPLC%20-is%3Aretweet&next_token=${first.body.meta.next_token}`,
    );
    expect(second.body.data.map((post: { id: string }) => post.id)).toEqual([posts[1]?.id, posts[0]?.id]);
    expect(second.body.meta.next_token).toBeUndefined();
    const since = await get(`/2/tweets/search/recent?query=KPLC&since_id=${posts[11]?.id}`);
    expect(since.body.meta.result_count).toBe(1);
    expect(since.body.data[0].text).toBe('RT @wanjiku: KPLC tokens 1');
    expect(BigInt(since.body.meta.newest_id)).toBeGreaterThan(BigInt(posts[11]?.id ?? '0'));
    const bad = await get('/2/tweets/search/recent?query=KPLC&max_results=5');
    expect(bad.status).toBe(400);
    expect(bad.body.title).toBe('Invalid Request');
  });

  it('sends rate-limit headers and answers 429 when the window is used up', async () => {
    fake = await startFakeXServer({ rateLimitPerWindow: 2, windowSeconds: 60 });
    const first = await get('/2/tweets/search/recent?query=KPLC');
    expect(first.body).toEqual({ meta: { result_count: 0 } });
    expect(first.headers.get('x-rate-limit-limit')).toBe('2');
    expect(first.headers.get('x-rate-limit-remaining')).toBe('1');
    const reset = Number(first.headers.get('x-rate-limit-reset'));
    expect(reset).toBeGreaterThan(Date.now() / 1000);
    await get('/2/tweets/search/recent?query=KPLC');
    const limited = await get('/2/tweets/search/recent?query=KPLC');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(Number(limited.headers.get('x-rate-limit-reset'))).toBe(reset);
    expect(fake.requests.map((request) => request.status)).toEqual([200, 200, 429]);
  });

  it('injects faults for the next N requests with X-shaped bodies', async () => {
    fake = await startFakeXServer({ bearerToken: 'app' });
    fake.addPost({ text: 'KPLC', authorUsername: 'amina' });
    expect((await get('/2/tweets/search/recent?query=KPLC', 'wrong')).body).toEqual({
      title: 'Unauthorized',
      type: 'about:blank',
      status: 401,
      detail: 'Unauthorized',
    });
    fake.setFault('forbidden', { times: 1 });
    const forbidden = await get('/2/tweets/search/recent?query=KPLC');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.reason).toBe('client-not-enrolled');
    fake.setFault('partial_error', { times: 1 });
    const partial = await get('/2/tweets/search/recent?query=KPLC&expansions=author_id');
    expect(partial.body.data).toHaveLength(1);
    expect(partial.body.includes.users).toEqual([]);
    expect(partial.body.errors[0].title).toBe('Not Found Error');
    fake.setFault('malformed', { times: 1 });
    const malformed = await fetch(`${fake.url}/2/tweets/search/recent?query=KPLC`, {
      headers: { authorization: 'Bearer app' },
    });
    await expect(malformed.json()).rejects.toThrow();
    expect((await get('/2/tweets/search/recent?query=KPLC')).status).toBe(200);
  });

  it('looks users up, serves their timeline and publishes with a user token', async () => {
    fake = await startFakeXServer();
    const care = fake.addUser({ username: 'KenyaPower_Care', accessToken: 'care-token' });
    fake.addPost({ text: '@amina please DM us', authorUsername: 'KenyaPower_Care', replyTo: '1' });
    expect((await get('/2/users/by/username/kenyapower_care')).body).toEqual({
      data: { id: care.id, name: 'KenyaPower_Care', username: 'KenyaPower_Care' },
    });
    expect((await get('/2/users/by/username/nobody')).body.errors[0].title).toBe('Not Found Error');
    const refused = await fetch(`${fake.url}/2/tweets`, {
      method: 'POST',
      headers: { authorization: 'Bearer app-only', 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Restored' }),
    });
    expect(refused.status).toBe(403);
    const published = await fetch(`${fake.url}/2/tweets`, {
      method: 'POST',
      headers: { authorization: 'Bearer care-token', 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Token vending is restored.' }),
    });
    expect(published.status).toBe(201);
    const { data } = (await published.json()) as { data: { id: string; text: string } };
    expect(fake.publishedPosts.map((post) => post.id)).toEqual([data.id]);
    const timeline = await get(`/2/users/${care.id}/tweets?exclude=replies,retweets&max_results=5`);
    expect(timeline.body.data.map((post: { text: string }) => post.text)).toEqual([
      'Token vending is restored.',
    ]);
  });
});
