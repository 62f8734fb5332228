import { PLACE_WORDS } from './detect-county';
import { ENGLISH_WORDS, SWAHILI_WORDS } from './lexicon-language';
import { SENTIMENT_MATCHER, TOPIC_MATCHER } from './lexicon-matchers';
import { SPELLING_FIXES } from './spelling-fixes';

/** Splits space-separated word lines into a set. */
export function wordSet(lines: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) for (const word of line.split(' ')) if (word !== '') words.add(word);
  return words;
}

export const ENGLISH_WORD_SET: ReadonlySet<string> = wordSet(ENGLISH_WORDS);
export const SWAHILI_WORD_SET: ReadonlySet<string> = wordSet(SWAHILI_WORDS);

/**
 * Every word some lexicon or the gazetteer knows. The normaliser only tries to repair a word (cutting doubled
 * letters, "stimaa" → "stima") when it is not already known, so real double letters ("saa", "wasee") survive.
 */
export const VOCABULARY: ReadonlySet<string> = new Set([
  ...TOPIC_MATCHER.words,
  ...SENTIMENT_MATCHER.words,
  ...ENGLISH_WORD_SET,
  ...SWAHILI_WORD_SET,
  ...PLACE_WORDS,
  ...[...SPELLING_FIXES.values()].flatMap((value) => value.split(' ')),
]);
