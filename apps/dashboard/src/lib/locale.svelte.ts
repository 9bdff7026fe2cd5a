/** The language the user reads in: French by default, remembered in this browser. */
import type { Text } from '@jalon/contracts';
import { isLang, translate, type Key, type Lang, type Params } from './i18n.js';

const STORAGE_KEY = 'jalon.lang';

function initial(): Lang {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return isLang(saved) ? saved : 'fr';
}

export const locale = $state<{ lang: Lang }>({ lang: initial() });

export function setLang(lang: Lang): void {
  locale.lang = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  document.title = `${translate(lang, 'app.name')} — ${translate(lang, 'app.tagline')}`;
}

/** A dictionary text in the current language (reactive where it is read). */
export function t(key: Key, params?: Params): string {
  return translate(locale.lang, key, params);
}

/** A logframe text ({fr, en}) in the current language. */
export function tx(text: Text | undefined): string {
  return text ? text[locale.lang] : '';
}
