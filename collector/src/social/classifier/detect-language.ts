import type { PostLanguage } from '@stimawatch/core';
import { PLACE_WORDS } from './detect-county';
import { NAME_PHRASES } from './lexicon-language';
import { compilePhraseMatcher } from './phrase-matcher';
import { ENGLISH_WORD_SET, SWAHILI_WORD_SET } from './vocabulary';

/** Swahili verbs: subject/negative prefix + tense marker + stem ending in a vowel ("nimelipa", "hazijaingia"). */
const SWAHILI_VERB_RE =
  /^(?:ni|u|a|tu|m|mu|wa|i|zi|ki|vi|li|ya|ha|hai|hazi|hatu|ham|hawa|hu|si|ku|mna|tuna|wana|ana|una)(?:me|na|li|ta|ja|ki|ku|nge|ngali|sha|ka)[a-z]{2,}[aeiou]$/;
/** Swahili nouns and adjectives with a nasal or class prefix ("mwananchi", "nyumba", "mtaa"). */
const SWAHILI_NOUN_RE = /^(?:mw|ny|ng|nd|mb|mt|mk|mz|vy)[a-z]{2,}[aeiou]$/;
const SWAHILI_INFINITIVE_RE = /^ku[a-z]{3,}a$/;

const NAME_MATCHER = compilePhraseMatcher(NAME_PHRASES.map((phrases) => ['name', 0, phrases] as const));

function looksSwahili(token: string): boolean {
  return (
    token.length >= 5 &&
    !PLACE_WORDS.has(token) &&
    (SWAHILI_VERB_RE.test(token) || SWAHILI_NOUN_RE.test(token) || SWAHILI_INFINITIVE_RE.test(token))
  );
}

/** Counts of English and Swahili/Sheng words in a post (domain loans, names and numbers count for neither). */
export function countLanguageWords(tokens: readonly string[]): { english: number; swahili: number } {
  let english = 0;
  let swahili = 0;
  // Names are found first; their tokens are skipped below.
  const nameSpans: number[] = [];
  NAME_MATCHER.scan(tokens, (_hits, start, end) => {
    nameSpans.push(start, end);
  });
  let span = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (span < nameSpans.length && (nameSpans[span + 1] as number) <= i) span += 2;
    if (span < nameSpans.length && i >= (nameSpans[span] as number)) continue;
    const token = tokens[i] as string;
    const isEnglish = ENGLISH_WORD_SET.has(token);
    const isSwahili = SWAHILI_WORD_SET.has(token);
    if (isEnglish && !isSwahili) {
      // "7 am" is a time, not English prose.
      if (!(token === 'am' && tokens[i - 1] === '#num')) english++;
    } else if (isSwahili && !isEnglish) {
      swahili++;
    } else if (!isEnglish && token.charCodeAt(0) !== 35 && looksSwahili(token)) {
      swahili++;
    }
  }
  return { english, swahili };
}

/** `sw` (Swahili incl. Sheng), `en`, or `mixed` when the post switches between them. */
export function detectLanguage(tokens: readonly string[]): PostLanguage {
  const { english, swahili } = countLanguageWords(tokens);
  if (swahili === 0) return 'en';
  if (english === 0) return 'sw';
  return 'mixed';
}
