import { createHash } from 'node:crypto';

/**
 * Below this many characters (normalised) identical texts from different authors are ordinary ("no tokens
 * @KenyaPower_Care"), so only longer texts count as copy-paste repeats across authors.
 */
export const MIN_COPY_PASTE_LENGTH = 40;

/** Lower-cased text without links, mentions, retweet prefix, punctuation or emoji, spaces collapsed. */
export function normalisePostText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^rt\s+@\w+:?/, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/@\w+/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A short stable hash of the normalised text: equal for copy-paste repeats. */
export function textFingerprint(text: string): string {
  return createHash('sha256').update(normalisePostText(text)).digest('hex').slice(0, 24);
}

export function isCopyPasteCandidate(text: string): boolean {
  return normalisePostText(text).length >= MIN_COPY_PASTE_LENGTH;
}

/** A classic retweet carries an `RT @user:` prefix even when the API does not flag it. */
export function looksLikeRetweet(text: string): boolean {
  return /^RT @\w{1,15}:/.test(text);
}
