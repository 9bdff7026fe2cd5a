/**
 * The dashboard's messages through a kept ICU library (intl-messageformat): one catalogue per
 * language in catalogs/, French in the first page, the others fetched only when chosen. Indicator,
 * objective and project texts are not here: they come from the logframe in every language.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Catalog, Key } from './catalogs/catalog.js';
import fr from './catalogs/fr.js';

export type { Catalog, Key };
export type Lang = 'fr' | 'en' | 'de' | 'ar';
export const LANGS: readonly Lang[] = ['fr', 'en', 'de', 'ar'];

/** Each language named in itself, as a reader looks for it in the switcher. */
export const LANG_NAMES: Record<Lang, string> = { fr: 'Français', en: 'English', de: 'Deutsch', ar: 'العربية' };

/**
 * The locale behind each language. Arabic keeps Western digits (0–9), as in Morocco: the codes,
 * log positions and hashes next to the figures are written with them, and so are the charts.
 */
const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB', de: 'de-DE', ar: 'ar-u-nu-latn' };

const LOADERS: Record<Exclude<Lang, 'fr'>, () => Promise<{ default: Catalog }>> = {
  en: () => import('./catalogs/en.js'),
  de: () => import('./catalogs/de.js'),
  ar: () => import('./catalogs/ar.js'),
};

// The library resolves the locale anew for each message it is given (supportedLocalesOf, then a
// new Intl.Locale): once per language is enough, and the first page parses a few hundred messages.
const resolveLocale = IntlMessageFormat.resolveLocale;
const resolvedLocales = new Map<string, Intl.Locale | undefined>();
IntlMessageFormat.resolveLocale = (locales) => {
  const key = String(locales);
  if (!resolvedLocales.has(key)) resolvedLocales.set(key, resolveLocale(locales));
  return resolvedLocales.get(key);
};

const loaded: Partial<Record<Lang, Catalog>> = { fr };
const formats = new Map<string, IntlMessageFormat>();
// The parser's node types for plain text and a plural's `#` (the no-parser build keeps no enum).
const TYPE_LITERAL = 0;
const TYPE_POUND = 7;

export type Params = Record<string, string | number>;

export function localeOf(lang: Lang): string {
  return LOCALES[lang];
}

export function dirOf(lang: Lang): 'ltr' | 'rtl' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The language of the donor report for a reader of `lang`: the API writes it in French, English
 * and German only (CONTRACT.md), so an Arabic reader gets French, the office's other language.
 */
export function reportLang(lang: Lang): Exclude<Lang, 'ar'> {
  return lang === 'ar' ? 'fr' : lang;
}

/**
 * The language of a sheet template for a reader of `lang`: templates (and the labels an upload
 * may use) are French or English (CONTRACT.md); German readers get English, Arabic readers French.
 */
export function sheetLang(lang: Lang): 'fr' | 'en' {
  return lang === 'fr' || lang === 'ar' ? 'fr' : 'en';
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Fetches a language's catalogue once; translate() can use it afterwards. */
export async function loadCatalog(lang: Lang): Promise<Catalog> {
  if (lang !== 'fr') loaded[lang] ??= (await LOADERS[lang]()).default;
  return loaded[lang]!;
}

export function isLoaded(lang: Lang): boolean {
  return loaded[lang] !== undefined;
}

/**
 * The message for `key` in `lang` (French until that catalogue is loaded), its arguments filled
 * from `params`. Numbers go in as written (a year stays "2015"); plurals still choose by them.
 * An argument left out shows as `{name}` rather than break the page.
 */
export function translate(lang: Lang, key: Key, params: Params = {}): string {
  const format = formatOf(loaded[lang] ? lang : 'fr', key);
  const values: Record<string, string> = {};
  for (const name of argumentNames(format)) values[name] = name in params ? String(params[name]) : `{${name}}`;
  return String(format.format(values));
}

/** The parsed message, once per language and key (the build ships catalogues already parsed). */
function formatOf(lang: Lang, key: Key): IntlMessageFormat {
  const id = `${lang}\u0000${key}`;
  let format = formats.get(id);
  if (!format) formats.set(id, (format = new IntlMessageFormat(loaded[lang]![key], LOCALES[lang])));
  return format;
}

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }> };
const names = new WeakMap<IntlMessageFormat, string[]>();

/** The arguments a message uses, plural branches included (literal and `#` nodes name none). */
export function argumentNames(format: IntlMessageFormat): string[] {
  let found = names.get(format);
  if (found) return found;
  const set = new Set<string>();
  const walk = (nodes: Element[]) => {
    for (const node of nodes) {
      if (node.type !== TYPE_LITERAL && node.type !== TYPE_POUND && node.value) set.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(format.getAst() as Element[]);
  names.set(format, (found = [...set].sort()));
  return found;
}

/** A catalogue key built from data (a breakdown key, a region), or undefined when there is none. */
export function lookupKey(key: string): Key | undefined {
  return key in fr ? (key as Key) : undefined;
}
