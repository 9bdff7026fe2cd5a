/** The language the user reads in: French by default, carried by the URL, remembered in this browser. */
import type { LocalizedText } from '@jalon/contracts';
import { loadCountryNames } from './countries.js';
import { dirOf, isLang, loadCatalog, translate, type Key, type Lang, type Params } from './i18n.js';

const STORAGE_KEY = 'jalon.lang';

function initial(): Lang {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return isLang(saved) ? saved : 'fr';
}

/** `countries` counts loaded country-name tables, so that labels read after one arrives redraw. */
export const locale = $state<{ lang: Lang; countries: number }>({ lang: initial(), countries: 0 });

let latest: Lang | undefined;

/** Switches once the language's catalogue is here, so that no page shows half one, half another. */
export async function setLang(lang: Lang): Promise<void> {
  latest = lang;
  await loadCatalog(lang);
  if (latest !== lang) return;
  locale.lang = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = dirOf(lang);
  document.title = `${translate(lang, 'app.name')} — ${translate(lang, 'app.tagline')}`;
  void loadCountryNames(lang).then(() => locale.countries++, () => undefined);
}

/** A catalogue message in the current language (reactive where it is read). */
export function t(key: Key, params?: Params): string {
  return translate(locale.lang, key, params);
}

/**
 * A logframe text in the current language. The API sends all four; a text without German or
 * Arabic (the contract makes them optional) reads in English.
 */
export function tx(text: LocalizedText | undefined): string {
  return text ? (text[locale.lang] ?? text.en) : '';
}

/** The language tx() shows `text` in, for the element's `lang` (an English fallback is marked so). */
export function txLang(text: LocalizedText | undefined): Lang {
  return text?.[locale.lang] === undefined ? 'en' : locale.lang;
}
