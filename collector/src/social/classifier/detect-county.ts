import {
  AMBIGUOUS_PLACES,
  COUNTY_PLACES,
  NOT_PLACES,
  PLACE_CUES_AFTER,
  PLACE_CUES_BEFORE,
  splitList,
} from './county-gazetteer';
import { KENYAN_COUNTIES, type KenyanCounty } from './kenyan-counties';

interface Place {
  words: readonly string[];
  /** null for phrases that look like a place but are not one ("madaraka day"). */
  county: KenyanCounty | null;
  ambiguous: boolean;
}

/** Writes a name the way the normaliser writes text. */
function placeKey(name: string): string {
  return name.toLowerCase().replace(/['’]/g, '').replace(/-/g, ' ');
}

function buildIndex(): Map<string, Place[]> {
  const ambiguous = new Set(splitList(AMBIGUOUS_PLACES));
  const index = new Map<string, Place[]>();
  const add = (name: string, county: KenyanCounty | null): void => {
    const words = placeKey(name).split(' ');
    const first = words[0];
    if (first === undefined) return;
    const list = index.get(first) ?? [];
    list.push({ words, county, ambiguous: words.length === 1 && ambiguous.has(first) });
    index.set(first, list);
  };
  for (const county of KENYAN_COUNTIES) {
    add(county, county);
    for (const place of splitList(COUNTY_PLACES[county])) add(place, county);
  }
  for (const phrase of splitList(NOT_PLACES)) add(phrase, null);
  // Longest first, so "ngong road" (Nairobi) wins over "ngong" (Kajiado).
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

const PLACE_INDEX = buildIndex();
const CUES_BEFORE = new Set(splitList(PLACE_CUES_BEFORE));
const CUES_AFTER = new Set(splitList(PLACE_CUES_AFTER));
/** Cues that still count with one word between ("estate yetu Pipeline", "in our Umoja"). */
const FAR_CUES_BEFORE = new Set(['estate', 'area', 'in', 'at']);

/** Every word that appears in a place name (the normaliser leaves these alone). */
export const PLACE_WORDS: ReadonlySet<string> = new Set(
  [...PLACE_INDEX.values()].flatMap((places) => places.flatMap((place) => place.words)),
);

function matchesAt(tokens: readonly string[], start: number, words: readonly string[]): boolean {
  for (let k = 1; k < words.length; k++) if (tokens[start + k] !== words[k]) return false;
  return true;
}

function hasPlaceCue(tokens: readonly string[], at: number): boolean {
  if (at === tokens.length - 1) return true;
  const before1 = tokens[at - 1];
  const before2 = tokens[at - 2];
  const after = tokens[at + 1];
  return (
    (before1 !== undefined && CUES_BEFORE.has(before1)) ||
    (before2 !== undefined && FAR_CUES_BEFORE.has(before2)) ||
    (after !== undefined && CUES_AFTER.has(after))
  );
}

/**
 * The first Kenyan county named or implied by a place in the post's normalised tokens, or null.
 * Matching is on whole tokens, so "Embu" never matches inside "Embakasi".
 */
export function detectCounty(tokens: readonly string[]): KenyanCounty | null {
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as string;
    const candidates = PLACE_INDEX.get(token);
    let advance = 1;
    if (candidates !== undefined) {
      for (const place of candidates) {
        if (!matchesAt(tokens, i, place.words)) continue;
        if (place.county === null) {
          advance = place.words.length;
          break;
        }
        if (place.ambiguous && !hasPlaceCue(tokens, i)) continue;
        return place.county;
      }
    }
    i += advance;
  }
  return null;
}
