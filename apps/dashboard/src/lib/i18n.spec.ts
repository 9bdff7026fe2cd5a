import { describe, expect, it } from 'vitest';
import { dictionaries, LANGS, lookupKey, translate } from './i18n.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionaries', () => {
  it('French and English have the same keys', () => {
    const fr = Object.keys(dictionaries.fr).sort();
    const en = Object.keys(dictionaries.en).sort();
    expect(en).toEqual(fr);
    expect(fr.length).toBeGreaterThan(50);
  });

  it('no text is empty or blank', () => {
    for (const lang of LANGS) {
      const empty = Object.entries(dictionaries[lang]).filter(([, text]) => text.trim() === '');
      expect(empty, `${lang}: ${empty.map(([k]) => k).join(', ')}`).toEqual([]);
    }
  });

  it('both languages use the same placeholders in each text', () => {
    for (const key of Object.keys(dictionaries.fr) as (keyof typeof dictionaries.fr)[]) {
      expect(placeholders(dictionaries.en[key]), key).toEqual(placeholders(dictionaries.fr[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('fr', 'asof.yearEnd', { year: 2015 })).toBe('Fin 2015');
    expect(translate('en', 'asof.yearEnd', { year: 2015 })).toBe('End of 2015');
    expect(translate('en', 'asof.yearEnd')).toBe('End of {year}');
  });

  it('finds keys built from data, and only those', () => {
    expect(lookupKey('key.sex.female')).toBe('key.sex.female');
    expect(lookupKey('key.sex.unknown')).toBeUndefined();
  });
});
