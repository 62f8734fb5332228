import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language';
import { normalizePost } from './normalize-text';

function lang(text: string): string {
  return detectLanguage(normalizePost(text).tokens);
}

describe('detectLanguage', () => {
  it.each([
    ['No power in our area since morning, please help', 'en'],
    ['Hakuna stima tangu jana, tumechoka', 'sw'],
    ['Manze hii KPLC imeanza tena, tokens hazijaingia', 'sw'],
    ['Sina stima tangu jana and nobody is telling us anything', 'mixed'],
    ['Nimelipa lakini sijapata token, it has been 3 hours', 'mixed'],
  ])('%s -> %s', (text, expected) => {
    expect(lang(text)).toBe(expected);
  });

  it('does not count domain loans and names as English', () => {
    expect(lang('Token yangu haijaingia, paybill inakubali pesa')).toBe('sw');
    expect(lang('Okoa stima inafanyaje kazi?')).toBe('sw');
    expect(lang('How does Okoa Stima work?')).toBe('en');
    expect(lang('Kenya Power mko wapi?')).toBe('sw');
  });

  it('recognises Swahili verb forms it has never seen', () => {
    expect(lang('wanatuzungushazungusha tu')).toBe('sw');
  });

  it('defaults to English when there are no words', () => {
    expect(lang('😡😡 123')).toBe('en');
  });
});
