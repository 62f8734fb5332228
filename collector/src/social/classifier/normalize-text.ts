import { countEmojiCues, type EmojiCounts } from './emoji-cues';
import { OFFICIAL_HANDLES } from './lexicon-official';
import { replaceMpesaReceipts } from './mpesa-receipt';
import { SPELLING_FIXES } from './spelling-fixes';
import { VOCABULARY } from './vocabulary';

/** Surface cues read from the raw text before it is reduced to tokens. */
export interface TextCues extends EmojiCounts {
  /** Ends with a care-desk agent's initials ("… ^JK"). */
  officialSignature: boolean;
  /** Laid out as an interruption notice ("AREA: … DATE: … TIME: …"). */
  noticeLayout: boolean;
  question: boolean;
  exclamations: number;
}

export interface NormalizedPost {
  /** Lower-case word tokens with spelling repaired; numbers become `#num` (or `#long` from ten digits). */
  tokens: string[];
  cues: TextCues;
}

const SIGNATURE_RE = /\^\s?[A-Za-z]{2,3}\.?\s*$/;
const NOTICE_FIELD_RE = /\b(?:area|date|time|tarehe|saa|eneo)\s*:/gi;
const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+|\bpic\.twitter\.com\/\S+/gi;
const MENTION_RE = /@(\w{1,30})/g;
const HASHTAG_RE = /#([A-Za-z]\w*)/g;
const CAMEL_LOWER_UPPER_RE = /([a-z])([A-Z])/g;
const CAMEL_ACRONYM_RE = /([A-Z]+)([A-Z][a-z])/g;
const NON_ASCII_RE = /[\u0080-\uffff]/;
const COMBINING_MARKS_RE = /[\u0300-\u036f]/g;
const APOSTROPHE_RE = /['’‘`]/g;
const MPESA_RE = /\bm[- ]pesa\b/g;
const TOKEN_RE = /[a-z]+|\d+(?:[.,:]\d+)*/g;
const TRIPLE_LETTER_RE = /([a-z])\1\1+/g;
const HAS_TRIPLE_RE = /([a-z])\1\1/;
const DOUBLE_LETTER_RE = /([a-z])\1/g;
const HAS_DOUBLE_RE = /([a-z])\1/;

const CACHE_LIMIT = 50_000;
const canonicalCache = new Map<string, readonly string[]>();

function repairWord(word: string): readonly string[] {
  let w = HAS_TRIPLE_RE.test(word) ? word.replace(TRIPLE_LETTER_RE, '$1$1') : word;
  let fixed = SPELLING_FIXES.get(w);
  if (fixed === undefined && !VOCABULARY.has(w) && HAS_DOUBLE_RE.test(w)) {
    const single = w.replace(DOUBLE_LETTER_RE, '$1');
    if (VOCABULARY.has(single)) w = single;
    else fixed = SPELLING_FIXES.get(single);
  }
  return fixed === undefined ? [w] : fixed.split(' ');
}

/** The lexicon spelling of one lower-case word, memoised because posts reuse a small vocabulary. */
function canonicalWord(word: string): readonly string[] {
  const cached = canonicalCache.get(word);
  if (cached !== undefined) return cached;
  const repaired = repairWord(word);
  // Bounded so a stream of random strings cannot grow the cache without limit.
  if (canonicalCache.size >= CACHE_LIMIT) canonicalCache.clear();
  canonicalCache.set(word, repaired);
  return repaired;
}

function splitHashtag(_match: string, tag: string): string {
  return ` ${tag.replace(CAMEL_ACRONYM_RE, '$1 $2').replace(CAMEL_LOWER_UPPER_RE, '$1 $2')} `;
}

function replaceMention(_match: string, handle: string): string {
  return OFFICIAL_HANDLES.has(handle.toLowerCase()) ? ' kplc ' : ' ';
}

function countChar(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) count++;
  return count;
}

/** Reduces a post to tokens plus surface cues, in one pass of a few precompiled regexes. */
export function normalizePost(raw: string): NormalizedPost {
  const cues: TextCues = {
    officialSignature: SIGNATURE_RE.test(raw),
    noticeLayout: false,
    question: raw.includes('?'),
    exclamations: countChar(raw, '!'),
    sarcasm: 0,
    negative: 0,
    positive: 0,
  };
  let text = replaceMpesaReceipts(cues.officialSignature ? raw.replace(SIGNATURE_RE, ' ') : raw);
  if (text.includes('http') || text.includes('www.') || text.includes('pic.'))
    text = text.replace(URL_RE, ' ');
  if (text.includes('@')) text = text.replace(MENTION_RE, replaceMention);
  if (text.includes('#')) text = text.replace(HASHTAG_RE, splitHashtag);
  if (text.includes(':')) cues.noticeLayout = (text.match(NOTICE_FIELD_RE)?.length ?? 0) >= 2;
  if (NON_ASCII_RE.test(text)) {
    countEmojiCues(text, cues);
    text = text.normalize('NFD').replace(COMBINING_MARKS_RE, '');
  }
  text = text.toLowerCase().replace(APOSTROPHE_RE, '');
  if (text.includes('pesa')) text = text.replace(MPESA_RE, 'mpesa');
  const tokens: string[] = [];
  for (const match of text.matchAll(TOKEN_RE)) {
    const word = match[0];
    const code = word.charCodeAt(0);
    if (code >= 48 && code <= 57) {
      tokens.push(word.length >= 10 ? '#long' : '#num');
      continue;
    }
    for (const part of canonicalWord(word)) tokens.push(part);
  }
  return { tokens, cues };
}
