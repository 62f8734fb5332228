import type { PostCategory, PostTopic } from '@stimawatch/core';
import type { TextCues } from './normalize-text';
import type { TopicFeatures } from './topic-feature';

export interface CategoryDecision {
  category: PostCategory;
  topic: PostTopic | null;
}

/** Scores at or above which a post is read as that kind of complaint. */
export const OUTAGE_THRESHOLD = 3;
export const OTHER_THRESHOLD = 2.5;
/** Complaint evidence from which praise in the same post is read as irony. */
const IRONY_EVIDENCE = 2.5;

/** How strongly the text reads like the utility's own care desk or notices. */
export function officialScore(features: TopicFeatures, cues: TextCues): number {
  return features.official + (cues.officialSignature ? 4 : 0) + (cues.noticeLayout ? 4 : 0);
}

function isOfficialText(features: TopicFeatures, cues: TextCues): boolean {
  const official = officialScore(features, cues);
  // A customer quoting "kindly DM your meter number" speaks of themselves and complains; the desk does not.
  const customerVoice =
    features.personal +
    features.complaint +
    features.paid +
    Math.max(tokenPurchaseScore(features), powerOutageScore(features)) * 0.5;
  return official >= 6 || (official >= 3 && customerVoice < 1.5) || official >= 3 + customerVoice;
}

/**
 * Evidence that turns an outage or complaint reading into something else (ads, news, questions, praise).
 * Noise counts less when the author scolds the utility directly ("power cut during the match, KPLC why?").
 */
function dampening(features: TopicFeatures, praise: number): number {
  const scolding = features.kplc > 0 && features.complaint > 0;
  const noise = scolding ? features.noise * 0.3 : features.noise;
  return noise + features.planned + features.restored * 0.8 + features.question * 0.7 + praise * 0.4;
}

function complaintBoost(features: TopicFeatures, blame: number): number {
  const boost =
    features.complaint * 0.5 +
    (features.kplc > 0 ? 0.5 : 0) +
    Math.min(blame, 3) * 0.4 +
    (features.duration > 0 ? 0.5 : 0);
  return Math.min(boost, 2.5);
}

/** Token purchase evidence: direct phrases, or a token subject together with failure / payment / waiting. */
export function tokenPurchaseScore(features: TopicFeatures): number {
  const combined =
    features.tokenSubject > 0
      ? Math.min(
          Math.min(features.fail, 3) +
            Math.min(features.paid, 1.5) * 0.7 +
            Math.min(features.absence, 1.5) * 0.6 +
            Math.min(features.duration, 2) * 0.5,
          3.5,
        )
      : features.paid > 0 && features.fail > 0
        ? 1.5
        : 0;
  return features.tokenFail + combined;
}

/** Power outage evidence: direct phrases, or a supply subject together with absence / failure / duration. */
export function powerOutageScore(features: TopicFeatures): number {
  const combined =
    features.powerSubject > 0
      ? Math.min(features.absence * 1.3 + features.fail * 0.5 + features.duration * 0.4, 3)
      : 0;
  return features.powerOut + combined;
}

/** Other-complaint evidence: direct problems, or a subject (bill, office, meter) with failure or blame. */
export function otherComplaintScore(features: TopicFeatures, blame: number): number {
  const combined =
    features.otherSubject > 0
      ? Math.min(
          features.fail +
            features.paid * 0.5 +
            features.complaint * 0.8 +
            features.duration * 0.6 +
            features.absence * 0.5 +
            blame * 0.7,
          3,
        )
      : 0;
  // Scolding the utility with no outage in sight is still a complaint ("KPLC you are useless").
  const general = features.kplc > 0 ? Math.min(blame * 0.6 + features.complaint * 0.5, 2) : 0;
  return features.other + combined + general;
}

/**
 * Rule-based decision over the summed lexicon evidence. From the sentiment lexicon, `praise` is sincere
 * praise (thanks without irony), which makes a complaint less likely, and `blame` strong negative words,
 * sarcasm and angry emojis, which make it more likely.
 */
export function decideCategory(
  features: TopicFeatures,
  cues: TextCues,
  context: { officialAuthor: boolean; praise: number; blame: number },
): CategoryDecision {
  const { officialAuthor } = context;
  if (officialAuthor || isOfficialText(features, cues)) return { category: 'official', topic: null };
  const tokenScore = tokenPurchaseScore(features);
  const powerScore = powerOutageScore(features);
  const otherScore = otherComplaintScore(features, context.blame);
  // Thanks next to strong evidence of a failure is irony ("asante kwa kunila pesa bila kunipa token").
  const ironic = Math.max(tokenScore, powerScore, otherScore) >= IRONY_EVIDENCE;
  const praise = ironic ? 0 : context.praise;
  const blame = ironic ? context.blame + context.praise : context.blame;
  const boost = complaintBoost(features, blame);
  const damp = dampening(features, praise);
  const outage = Math.max(tokenScore, powerScore) + boost - damp;
  if (outage >= OUTAGE_THRESHOLD) {
    return {
      category: 'outage_complaint',
      topic: tokenScore >= powerScore ? 'token_purchase' : 'power_outage',
    };
  }
  const other = otherScore + boost - damp;
  if (other >= OTHER_THRESHOLD) return { category: 'other_complaint', topic: null };
  return { category: 'not_complaint', topic: null };
}
