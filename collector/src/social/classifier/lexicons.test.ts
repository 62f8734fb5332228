import { describe, expect, it } from 'vitest';
import { PLACE_WORDS } from './detect-county';
import { SENTIMENT_MATCHER, TOPIC_MATCHER } from './lexicon-matchers';
import { normalizePost } from './normalize-text';
import { ENGLISH_WORD_SET, SWAHILI_WORD_SET } from './vocabulary';

describe('lexicons', () => {
  it('write every word the way the normaliser writes it, so every phrase can match', () => {
    const words = [
      ...TOPIC_MATCHER.words,
      ...SENTIMENT_MATCHER.words,
      ...ENGLISH_WORD_SET,
      ...SWAHILI_WORD_SET,
      ...PLACE_WORDS,
    ].filter((word) => !word.startsWith('#'));
    const unreachable = words.filter((word) => {
      const tokens = normalizePost(word).tokens;
      return tokens.length !== 1 || tokens[0] !== word;
    });
    expect(unreachable).toEqual([]);
  });
});
