/**
 * A group of phrases sharing one feature and weight: `[feature, weight, 'phrase one|phrase two']`.
 * Phrases are written as normalised tokens (lower case, no apostrophes, `#num` for a number).
 */
export type PhraseGroup<F extends string> = readonly [feature: F, weight: number, phrases: string];

export interface PhraseHit<F extends string> {
  readonly feature: F;
  readonly weight: number;
}

interface TrieNode<F extends string> {
  next: Map<string, TrieNode<F>> | undefined;
  hits: PhraseHit<F>[] | undefined;
}

export interface PhraseMatcher<F extends string> {
  /**
   * Scans tokens left to right taking the longest phrase at each position; a matched phrase consumes its
   * tokens, so "stima plaza" hides "stima" and "kenya power" hides "power".
   */
  scan(
    tokens: readonly string[],
    onMatch: (hits: readonly PhraseHit<F>[], start: number, end: number) => void,
  ): void;
  /** Every word used by a phrase. */
  readonly words: ReadonlySet<string>;
}

function newNode<F extends string>(): TrieNode<F> {
  return { next: undefined, hits: undefined };
}

/** Compiles phrase groups into a token trie (built once, at module load). */
export function compilePhraseMatcher<F extends string>(groups: readonly PhraseGroup<F>[]): PhraseMatcher<F> {
  const root = newNode<F>();
  const words = new Set<string>();
  for (const [feature, weight, phrases] of groups) {
    for (const phrase of phrases.split('|')) {
      const parts = phrase
        .trim()
        .split(/\s+/)
        .filter((part) => part !== '');
      if (parts.length === 0) continue;
      let node = root;
      for (const part of parts) {
        words.add(part);
        node.next ??= new Map();
        let child = node.next.get(part);
        if (child === undefined) {
          child = newNode<F>();
          node.next.set(part, child);
        }
        node = child;
      }
      node.hits ??= [];
      // A phrase listed twice under one feature keeps its larger weight instead of counting twice.
      const same = node.hits.findIndex((hit) => hit.feature === feature);
      if (same === -1) node.hits.push({ feature, weight });
      else node.hits[same] = { feature, weight: Math.max(weight, node.hits[same]?.weight ?? 0) };
    }
  }
  return {
    words,
    scan(tokens, onMatch) {
      let i = 0;
      while (i < tokens.length) {
        let node = root.next?.get(tokens[i] as string);
        let bestEnd = -1;
        let bestHits: PhraseHit<F>[] | undefined;
        let j = i + 1;
        while (node !== undefined) {
          if (node.hits !== undefined) {
            bestEnd = j;
            bestHits = node.hits;
          }
          if (j >= tokens.length || node.next === undefined) break;
          node = node.next.get(tokens[j] as string);
          j++;
        }
        if (bestHits !== undefined) {
          onMatch(bestHits, i, bestEnd);
          i = bestEnd;
        } else {
          i++;
        }
      }
    },
  };
}
