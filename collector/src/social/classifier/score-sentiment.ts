import type { Sentiment } from '@stimawatch/core';
import { SENTIMENT_MATCHER } from './lexicon-matchers';
import type { TextCues } from './normalize-text';

export interface SentimentReading {
  sentiment: Sentiment;
  /** In [-1, 1]. */
  score: number;
}

/** Scores whose magnitude is below this are neutral. */
const NEUTRAL_BAND = 0.35;
/** The smallest negative score a complaint gets. */
const COMPLAINT_CEILING = -0.35;

/** Sums of sentiment evidence in a post, before context (complaint, official, sarcasm) is applied. */
export interface SentimentTally {
  positive: number;
  negative: number;
  strongPositive: number;
  strongNegative: number;
  sarcasm: number;
}

export function tallySentiment(tokens: readonly string[]): SentimentTally {
  const sums: SentimentTally = { positive: 0, negative: 0, strongPositive: 0, strongNegative: 0, sarcasm: 0 };
  let negatorEnd = -10;
  SENTIMENT_MATCHER.scan(tokens, (hits, start, end) => {
    let negates = false;
    for (const hit of hits) {
      if (hit.feature === 'negator') negates = true;
      else if (hit.feature === 'sarcasm') sums.sarcasm += hit.weight;
      else if (hit.feature === 'positive') {
        // "not good", "sio poa": praise right after a negator counts, halved, as blame.
        if (start - negatorEnd <= 1) sums.negative += hit.weight / 2;
        else {
          sums.positive += hit.weight;
          if (hit.weight >= 2) sums.strongPositive += hit.weight;
        }
      } else if (hit.feature === 'negative') {
        sums.negative += hit.weight;
        if (hit.weight >= 2) sums.strongNegative += hit.weight;
      }
    }
    if (negates) negatorEnd = end;
  });
  return sums;
}

function label(score: number): Sentiment {
  if (score >= NEUTRAL_BAND) return 'positive';
  if (score <= -NEUTRAL_BAND) return 'negative';
  return 'neutral';
}

function squash(raw: number): number {
  return Math.round((raw / (Math.abs(raw) + 2)) * 1000) / 1000;
}

/** Praise that is not ironic: strong positive words with no sarcasm phrase or eye-roll emoji. */
export function sincerePraise(sums: SentimentTally, cues: TextCues): number {
  return sums.sarcasm > 0 || cues.sarcasm > 0 ? 0 : sums.strongPositive + cues.positive;
}

/** Strong negative words, irony and angry or eye-roll emojis. */
export function blame(sums: SentimentTally, cues: TextCues): number {
  return sums.strongNegative + sums.sarcasm + cues.negative + cues.sarcasm * 2;
}

/**
 * Lexicon sentiment with sarcasm handling: in a complaint, or next to an eye-roll emoji or an ironic phrase
 * ("as usual", "kama kawaida"), praise ("thank you KPLC for the darkness", "world class") counts as blame.
 * Complaints are negative by definition; the utility's own posts count only strong words.
 */
export function scoreSentiment(
  sums: SentimentTally,
  cues: TextCues,
  context: { complaint: boolean; official: boolean },
): SentimentReading {
  // The utility's own "kama kawaida" (as normal) is not irony.
  const sarcasm = context.official ? 0 : sums.sarcasm + cues.sarcasm * 2;
  let positive = context.official ? sums.strongPositive : sums.positive + cues.positive * 1.5;
  let negative = context.official ? sums.strongNegative : sums.negative + cues.negative * 1.5;
  if (context.complaint || (sarcasm > 0 && negative > 0)) {
    negative += positive;
    positive = 0;
  }
  negative += sarcasm;
  if (context.complaint) negative += 1.5;
  const score = squash(positive - negative);
  if (context.complaint) {
    const capped = Math.min(score, COMPLAINT_CEILING);
    return { sentiment: 'negative', score: capped };
  }
  return { sentiment: label(score), score };
}
