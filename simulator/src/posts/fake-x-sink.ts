import { StimaError } from '@stimawatch/core';
import type { FakeXServer } from '@stimawatch/core/fakes';
import type { PostSink, SimulatedPost } from './post-types';

/** The fields the fake X server stores for a post (its `addPost` input). */
function postInput(post: SimulatedPost) {
  return {
    text: post.text,
    authorUsername: post.author.username,
    createdAt: post.createdAtMs,
    lang: post.xLang,
    impressionCount: post.impressionCount,
    likeCount: post.likeCount,
    retweetCount: post.retweetCount,
    replyCount: post.replyCount,
  };
}

function userInput(post: SimulatedPost) {
  const { username, name, followersCount } = post.author;
  return { username, name, followersCount };
}

/** Adds posts to a fake X server running in this process; authors are registered on first sight. */
export function fakeXServerSink(server: Pick<FakeXServer, 'addUser' | 'addPost'>): PostSink {
  const known = new Set<string>();
  return {
    addPost(post) {
      if (!known.has(post.author.username)) {
        server.addUser(userInput(post));
        known.add(post.author.username);
      }
      server.addPost(postInput(post));
    },
  };
}

/** Adds posts to a fake X server in another process through its admin routes (`/__fake/users`, `/__fake/posts`). */
export function fakeXAdminSink(baseUrl: string, doFetch: typeof fetch = fetch): PostSink {
  const base = baseUrl.replace(/\/+$/, '');
  const known = new Set<string>();
  const send = async (path: string, body: unknown) => {
    const response = await doFetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
    await response.arrayBuffer();
    if (!response.ok) throw new StimaError('UNAVAILABLE', `fake X admin ${path} answered ${response.status}`);
  };
  return {
    async addPost(post) {
      if (!known.has(post.author.username)) {
        await send('/__fake/users', userInput(post));
        known.add(post.author.username);
      }
      await send('/__fake/posts', postInput(post));
    },
  };
}
