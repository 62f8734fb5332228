import type { IncomingMention } from '../mention';
import type { XPost } from './x-api';

/** An X post as a mention: the public handle is kept, the numeric author id is the counting identity. */
export function xPostToMention(post: XPost, isOfficialAccount = false): IncomingMention {
  return {
    source: 'x',
    channel: 'x',
    externalId: post.id,
    authorId: post.authorId,
    authorHandle: post.authorUsername ?? null,
    text: post.text,
    createdAtMs: post.createdAtMs,
    ...(post.impressions === undefined ? {} : { impressions: post.impressions }),
    ...(post.authorFollowers === undefined ? {} : { followers: post.authorFollowers }),
    isRetweet: post.isRetweet,
    isOfficialAccount,
  };
}
