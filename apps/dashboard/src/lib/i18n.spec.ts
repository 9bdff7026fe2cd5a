import { IntlMessageFormat } from 'intl-messageformat';
import { beforeAll, describe, expect, it } from 'vitest';
import fr from './catalogs/fr.js';
import { argumentNames, dirOf, isLang, isLoaded, LANG_NAMES, LANGS, loadCatalog, lookupKey, reportLang, sheetLang, translate, type Catalog, type Lang } from './i18n.js';

/** The argument names a message uses, its plural branches included. */
const argumentsOf = (message: string, lang: Lang) => argumentNames(new IntlMessageFormat(message, lang));

const catalogs = {} as Record<Lang, Catalog>;
beforeAll(async () => {
  for (const lang of LANGS) catalogs[lang] = await loadCatalog(lang);
});

describe('the message catalogues', () => {
  it('every language has every key of the French catalogue, and no other', () => {
    const keys = Object.keys(fr).sort();
    expect(keys.length).toBeGreaterThan(400);
    for (const lang of LANGS) expect(Object.keys(catalogs[lang]).sort(), lang).toEqual(keys);
  });

  it('every message parses as ICU and is not blank', () => {
    for (const lang of LANGS) {
      for (const [key, message] of Object.entries(catalogs[lang])) {
        expect(message.trim(), `${lang} ${key}`).not.toBe('');
        expect(() => new IntlMessageFormat(message, lang), `${lang} ${key}`).not.toThrow();
      }
    }
  });

  it('every language uses the same arguments as French in each message', () => {
    for (const lang of LANGS) {
      for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
        expect(argumentsOf(catalogs[lang][key], lang), `${lang} ${key}`).toEqual(argumentsOf(fr[key], 'fr'));
      }
    }
  });

  it('Arabic plurals name all six of its categories', () => {
    const plurals = Object.entries(catalogs.ar).filter(([, m]) => m.includes(', plural,'));
    expect(plurals.length).toBeGreaterThan(5);
    for (const [key, message] of plurals) {
      for (const category of ['zero', 'one', 'two', 'few', 'many', 'other']) expect(message, key).toContain(` ${category} {`);
    }
  });
});

describe('translate', () => {
  it('resolves each locale once, not once per message', () => {
    // given a locale resolved for one message
    const first = IntlMessageFormat.resolveLocale('fr-FR');
    // when another message in it is made
    const again = IntlMessageFormat.resolveLocale('fr-FR');
    // then it is the same Intl.Locale (the library alone makes a new one each time), and right
    expect(again).toBe(first);
    expect(first?.toString()).toBe('fr-FR');
    expect(IntlMessageFormat.resolveLocale('ar-u-nu-latn')?.toString()).toBe('ar-u-nu-latn');
  });

  it('chooses the plural form by the count, per language', () => {
    expect(translate('fr', 'sheets.accepted', { rows: 1, position: 40 })).toBe('1 ligne enregistrée (journal, position 40).');
    expect(translate('fr', 'sheets.accepted', { rows: 3, position: 40 })).toBe('3 lignes enregistrées (journal, position 40).');
    expect(translate('en', 'sheets.accepted', { rows: 1, position: 40 })).toBe('1 row recorded (log position 40).');
    expect(translate('de', 'sheets.accepted', { rows: 2, position: 40 })).toBe('2 Zeilen erfasst (Protokollposition 40).');
    // Arabic: 2 is dual, 3–10 "few", 11–99 "many", 100 "other".
    expect(translate('ar', 'sheets.accepted', { rows: 2, position: 40 })).toBe('سُجّل سطران (السجل، الموضع 40).');
    expect(translate('ar', 'sheets.accepted', { rows: 3, position: 40 })).toBe('سُجّلت 3 أسطر (السجل، الموضع 40).');
    expect(translate('ar', 'sheets.accepted', { rows: 11, position: 40 })).toBe('سُجّل 11 سطرًا (السجل، الموضع 40).');
    expect(translate('ar', 'sheets.accepted', { rows: 100, position: 40 })).toBe('سُجّل 100 سطر (السجل، الموضع 40).');
  });

  it('agrees a noun after a number shown apart', () => {
    expect([1, 13].map((count) => translate('fr', 'summary.indicators', { count }))).toEqual(['indicateur', 'indicateurs']);
    expect([2, 3, 13, 100].map((count) => translate('ar', 'summary.indicators', { count }))).toEqual(['مؤشران', 'مؤشرات', 'مؤشرًا', 'مؤشر']);
  });

  it('writes a count in a plural with the language’s grouping, a plain argument as given', () => {
    expect(translate('en', 'sheets.accepted', { rows: 12345, position: 12345 })).toBe('12,345 rows recorded (log position 12345).');
    expect(translate('de', 'asof.yearEnd', { year: 2015 })).toBe('Ende 2015');
  });

  it('shows a missing argument as its name rather than throw', () => {
    expect(translate('en', 'asof.yearEnd')).toBe('End of {year}');
    expect(translate('en', 'asof.invalid', { start: '1 Sep 2014' })).toBe('Choose a date between 1 Sep 2014 and {end}.');
  });

  it('names the arguments of a message, inside plurals too', () => {
    expect(argumentNames(new IntlMessageFormat(fr['sheets.invalid'], 'fr'))).toEqual(['errors', 'rows']);
    expect(argumentNames(new IntlMessageFormat(fr['audit.intact'], 'fr'))).toEqual(['events', 'hash', 'position']);
    expect(argumentNames(new IntlMessageFormat(fr['app.loading'], 'fr'))).toEqual([]);
  });

  it('finds keys built from data, and only those', () => {
    expect(lookupKey('key.sex.female')).toBe('key.sex.female');
    expect(lookupKey('key.sex.unknown')).toBeUndefined();
  });

  it('knows its four languages, each named in itself, Arabic right to left', () => {
    expect(LANGS).toEqual(['fr', 'en', 'de', 'ar']);
    expect(LANG_NAMES).toEqual({ fr: 'Français', en: 'English', de: 'Deutsch', ar: 'العربية' });
    expect(LANGS.map(dirOf)).toEqual(['ltr', 'ltr', 'ltr', 'rtl']);
    expect([isLang('ar'), isLang('es'), isLang(undefined)]).toEqual([true, false, false]);
    expect(LANGS.every(isLoaded)).toBe(true);
  });
});

describe('files in a language the API writes', () => {
  it('asks for the donor report in French for Arabic readers, in their own language otherwise', () => {
    expect(LANGS.map(reportLang)).toEqual(['fr', 'en', 'de', 'fr']);
  });

  it('asks for sheet templates in French or English', () => {
    expect(LANGS.map(sheetLang)).toEqual(['fr', 'en', 'en', 'fr']);
  });
});
