/**
 * Country names (a case's nationality) from i18n-iso-countries, fetched with the language and
 * registering only that language's table: the library and its tables stay out of the first page.
 */
import type { Lang } from './i18n.js';

type Countries = typeof import('i18n-iso-countries');

const TABLES: Record<Lang, () => Promise<{ default: Parameters<Countries['registerLocale']>[0] }>> = {
  fr: () => import('i18n-iso-countries/langs/fr.json'),
  en: () => import('i18n-iso-countries/langs/en.json'),
  de: () => import('i18n-iso-countries/langs/de.json'),
  ar: () => import('i18n-iso-countries/langs/ar.json'),
};

let library: Countries | undefined;
const registered = new Set<Lang>();

export async function loadCountryNames(lang: Lang): Promise<void> {
  if (registered.has(lang)) return;
  const [mod, table] = await Promise.all([import('i18n-iso-countries'), TABLES[lang]()]);
  library ??= (mod as { default?: Countries }).default ?? mod;
  library.registerLocale(table.default);
  registered.add(lang);
}

/** The country's name for an ISO alpha-2 code, or undefined until the language's table is loaded. */
export function countryName(code: string, lang: Lang): string | undefined {
  if (!library || !registered.has(lang)) return undefined;
  return library.getName(code, lang) ?? undefined;
}
