import type { PostCategory, PostLanguage, PostTopic } from '@stimawatch/core';

/** An X account of the simulated public. */
export interface SimulatedAuthor {
  username: string;
  name: string;
  followersCount: number;
}

/** What a simulated post is about (finer than the classifier's categories; used for ground truth and tests). */
export type PostKind =
  | 'payment_refused'
  | 'no_token'
  | 'recovering'
  | 'single_token_delay'
  | 'local_blackout'
  | 'other_complaint'
  | 'praise'
  | 'question'
  | 'unrelated_mention'
  | 'stima_plaza'
  | 'okoa_stima'
  | 'blackout_other'
  | 'job_advert'
  | 'official_reply';

/** A post as the simulator makes it; the sink turns it into whatever the X fake stores. */
export interface SimulatedPost {
  text: string;
  author: SimulatedAuthor;
  createdAtMs: number;
  /** X's `lang` field: X does not detect Swahili or Sheng reliably, so those come as `und`. */
  xLang: 'en' | 'und';
  impressionCount: number;
  likeCount: number;
  retweetCount: number;
  replyCount: number;
  /** Ground truth, never sent to X: what a perfect classifier would answer. */
  truth: { kind: PostKind; category: PostCategory; topic: PostTopic | null; lang: PostLanguage };
}

/** Where posts go: the fake X server (in process or over its admin API), or a test array. */
export interface PostSink {
  addPost(post: SimulatedPost): void | Promise<void>;
}
