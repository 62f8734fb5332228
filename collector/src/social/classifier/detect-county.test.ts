import { describe, expect, it } from 'vitest';
import { detectCounty } from './detect-county';
import { KENYAN_COUNTIES } from './kenyan-counties';
import { normalizePost } from './normalize-text';

function countyOf(text: string): string | null {
  return detectCounty(normalizePost(text).tokens);
}

describe('KENYAN_COUNTIES', () => {
  it('lists the 47 counties once each, in canonical spelling', () => {
    expect(KENYAN_COUNTIES).toHaveLength(47);
    expect(new Set(KENYAN_COUNTIES).size).toBe(47);
    for (const name of [
      'Tharaka-Nithi',
      'Elgeyo-Marakwet',
      'Homa Bay',
      "Murang'a",
      'Taita-Taveta',
      'Uasin Gishu',
    ]) {
      expect(KENYAN_COUNTIES).toContain(name);
    }
  });

  it('finds every county by its own name, with or without hyphen and apostrophe', () => {
    for (const county of KENYAN_COUNTIES)
      expect(countyOf(`No power in ${county} since morning`)).toBe(county);
    expect(countyOf('hakuna stima Muranga')).toBe("Murang'a");
    expect(countyOf('blackout in tharaka nithi')).toBe('Tharaka-Nithi');
    expect(countyOf('Homabay town is dark')).toBe('Homa Bay');
  });
});

describe('detectCounty', () => {
  it.each([
    ['No power in Kayole', 'Nairobi'],
    ['Embakasi is dark again', 'Nairobi'],
    ['Kibera hakuna stima', 'Nairobi'],
    ['Rongai tokens delayed', 'Kajiado'],
    ['Ruaka residents without power', 'Kiambu'],
    ['Thika town blackout', 'Kiambu'],
    ['Nyali hakuna stima', 'Mombasa'],
    ['Eldoret in darkness', 'Uasin Gishu'],
    ['Kitengela no tokens', 'Kajiado'],
    ['Juja Farm blackout', 'Kiambu'],
    ['Syokimau no power', 'Machakos'],
    ['Fallen pole on Ngong Road', 'Nairobi'],
    ['Ngong town no power', 'Kajiado'],
    ['Meeting at Stima Plaza', 'Nairobi'],
  ])('%s -> %s', (text, county) => {
    expect(countyOf(text)).toBe(county);
  });

  it('matches whole words only ("Embu" is not inside "Embakasi" or "embukeni")', () => {
    expect(countyOf('Embakasi blackout')).toBe('Nairobi');
    expect(countyOf('embukeni kuna giza')).toBeNull();
    expect(countyOf('Blackout in Embu town')).toBe('Embu');
  });

  it('reads ambiguous place names only next to a place cue or as the closing word', () => {
    expect(countyOf('Umoja wa wananchi ni muhimu')).toBeNull();
    expect(countyOf('No power in Umoja since 6pm')).toBe('Nairobi');
    expect(countyOf('Umoja estate ni giza')).toBe('Nairobi');
    expect(countyOf('Tokens not received. Utawala')).toBe('Nairobi');
    expect(countyOf('Fedha za umma zimeibiwa tena')).toBeNull();
    expect(countyOf('Tuko sawa wote hapa')).toBeNull();
    expect(countyOf('Happy Madaraka Day everyone')).toBeNull();
  });

  it('returns the first place named and null when there is none', () => {
    expect(countyOf('From Kisumu to Nakuru, all dark')).toBe('Kisumu');
    expect(countyOf('No power since morning, KPLC please help')).toBeNull();
  });
});
