import type { PostCategory, PostTopic } from '@stimawatch/core';
import { dailyIntensity } from '../model/daily-curve';
import { createRandom, type Random } from '../random/seeded-random';
import type { ComplaintTopic, ScenarioEffects } from '../scenario/scenario';
import { createAuthorPool } from './author-pool';
import { NORMAL_MIX, NORMAL_TEMPLATES, OFFICIAL_REPLIES } from './normal-templates';
import { OUTAGE_TEMPLATES, type PostTemplate } from './outage-templates';
import { createTemplateFiller } from './post-text';
import type { PostKind, PostSink, SimulatedAuthor, SimulatedPost } from './post-types';

/**
 * Everyday posts mentioning the utility at real scale, averaged over a day. Assumption: a national utility with
 * ~1 M followers is mentioned a couple of thousand times a day (≈1.2 a minute), following the same daily rhythm
 * as purchases.
 */
export const NORMAL_POSTS_PER_MINUTE = 1.2;

export interface PostStreamOptions {
  sink: PostSink;
  startMs: number;
  seed?: number | string;
  /** Multiplies every post rate (1 = real scale; independent of SIM_SCALE so a surge stays visible). */
  postScale?: number;
  officialAccount?: SimulatedAuthor;
}

export interface PostStream {
  /** Generates the posts of (last call, now] under the scenario's effects and hands them to the sink. */
  advanceTo(nowMs: number, effects: ScenarioEffects): Promise<SimulatedPost[]>;
}

const TRUTH: Record<PostKind, { category: PostCategory; topic: PostTopic | null }> = {
  payment_refused: { category: 'outage_complaint', topic: 'token_purchase' },
  no_token: { category: 'outage_complaint', topic: 'token_purchase' },
  recovering: { category: 'outage_complaint', topic: 'token_purchase' },
  single_token_delay: { category: 'outage_complaint', topic: 'token_purchase' },
  local_blackout: { category: 'outage_complaint', topic: 'power_outage' },
  other_complaint: { category: 'other_complaint', topic: null },
  praise: { category: 'not_complaint', topic: null },
  question: { category: 'not_complaint', topic: null },
  unrelated_mention: { category: 'not_complaint', topic: null },
  stima_plaza: { category: 'not_complaint', topic: null },
  okoa_stima: { category: 'not_complaint', topic: null },
  blackout_other: { category: 'not_complaint', topic: null },
  job_advert: { category: 'not_complaint', topic: null },
  official_reply: { category: 'official', topic: null },
};

export const DEFAULT_OFFICIAL_ACCOUNT: SimulatedAuthor = {
  username: 'KenyaPower_Care',
  name: 'Kenya Power Care',
  followersCount: 1_200_000,
};

/** Impressions grow with followers; one post in fifty travels far (screenshots, retweets by big accounts). */
function engagement(random: Random, followers: number) {
  const viral = random.chance(0.02) ? random.uniform(10, 40) : 1;
  const impressionCount = Math.round((followers * random.uniform(0.03, 0.25) + random.int(20, 200)) * viral);
  const likeCount = Math.round(impressionCount * random.uniform(0.005, 0.03));
  return {
    impressionCount,
    likeCount,
    retweetCount: Math.round(likeCount * random.uniform(0.05, 0.3)),
    replyCount: Math.round(likeCount * random.uniform(0.02, 0.15)),
  };
}

export function createPostStream(options: PostStreamOptions): PostStream {
  const random = createRandom(options.seed ?? 'stima-watch-posts');
  const authors = createAuthorPool(random.fork('authors'));
  const fill = createTemplateFiller(random.fork('text'));
  const official = options.officialAccount ?? DEFAULT_OFFICIAL_ACCOUNT;
  const postScale = options.postScale ?? 1;
  /** Accounts that have complained in this outage; some post again. */
  let complainers: SimulatedAuthor[] = [];
  let lastMs = options.startMs;

  function build(
    kind: PostKind,
    template: PostTemplate,
    author: SimulatedAuthor,
    at: number,
    extra?: Record<string, string>,
  ): SimulatedPost {
    return {
      text: fill(template.text, at, extra),
      author,
      createdAtMs: at,
      xLang: template.lang === 'en' ? 'en' : 'und',
      ...engagement(random, author.followersCount),
      truth: { kind, ...TRUTH[kind], lang: template.lang },
    };
  }

  function everyday(at: number, effects: ScenarioEffects): SimulatedPost | undefined {
    const kind = random.weighted(NORMAL_MIX as Record<PostKind, number>);
    if (kind === 'official_reply') {
      if (effects.officialSilent) return undefined;
      const template = { lang: 'en' as const, text: random.pick(OFFICIAL_REPLIES) };
      return build(kind, template, official, at, { reply: authors.regular().username });
    }
    const templates = NORMAL_TEMPLATES[kind];
    if (!templates) return undefined;
    return build(kind, random.pick(templates), authors.regular(), at);
  }

  function complaint(at: number, effects: ScenarioEffects): SimulatedPost {
    const topic = random.weighted(effects.complaintTopics as Record<ComplaintTopic, number>);
    const again = complainers.length > 0 && random.chance(0.15);
    const author = again ? random.pick(complainers) : authors.fresh();
    if (!again) complainers.push(author);
    return build(topic, random.pick(OUTAGE_TEMPLATES[topic]), author, at);
  }

  return {
    async advanceTo(nowMs, effects) {
      const from = Math.max(lastMs, nowMs - 60_000);
      lastMs = nowMs;
      if (nowMs <= from) return [];
      const minutes = (nowMs - from) / 60_000;
      const at = () => from + random.next() * (nowMs - from);
      const posts: SimulatedPost[] = [];
      const everydayCount = random.poisson(
        NORMAL_POSTS_PER_MINUTE * dailyIntensity(nowMs) * postScale * minutes,
      );
      for (let i = 0; i < everydayCount; i++) {
        const post = everyday(at(), effects);
        if (post) posts.push(post);
      }
      if (effects.complaintsPerMinute > 0) {
        const count = random.poisson(effects.complaintsPerMinute * postScale * minutes);
        for (let i = 0; i < count; i++) posts.push(complaint(at(), effects));
      } else {
        complainers = [];
      }
      posts.sort((a, b) => a.createdAtMs - b.createdAtMs);
      for (const post of posts) await options.sink.addPost(post);
      return posts;
    },
  };
}
