import { describe, expect, it } from 'vitest';
import { compilePhraseMatcher } from './phrase-matcher';

describe('compilePhraseMatcher', () => {
  const matcher = compilePhraseMatcher<'a' | 'b'>([
    ['a', 1, 'stima|no stima|stima plaza'],
    ['b', 2, 'no|plaza'],
    ['b', 3, 'no'],
  ]);

  function scan(text: string): string[] {
    const found: string[] = [];
    matcher.scan(text.split(' '), (hits, start, end) => {
      found.push(`${start}-${end}:${hits.map((hit) => `${hit.feature}${hit.weight}`).join(',')}`);
    });
    return found;
  }

  it('takes the longest phrase at each position and consumes its tokens', () => {
    expect(scan('no stima plaza')).toEqual(['0-2:a1', '2-3:b2']);
    expect(scan('stima plaza no')).toEqual(['0-2:a1', '2-3:b3']);
  });

  it('keeps the larger weight when a phrase is listed twice under one feature', () => {
    expect(scan('no')).toEqual(['0-1:b3']);
  });

  it('skips tokens that start no phrase and knows its words', () => {
    expect(scan('hakuna kitu')).toEqual([]);
    expect([...matcher.words].sort()).toEqual(['no', 'plaza', 'stima']);
  });
});
