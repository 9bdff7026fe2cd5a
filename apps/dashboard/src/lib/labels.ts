/** Display names of breakdown keys and closed-list values, in the current language. */
import { countryName } from './countries.js';
import { localeOf, lookupKey } from './i18n.js';
import { locale, t } from './locale.svelte.js';

export function keyLabel(dimension: string, key: string): string {
  if (dimension === 'nationality') return nationalityLabel(key);
  const known = lookupKey(`key.${dimension}.${key}`) ?? lookupKey(`${dimension}.${key}`);
  return known ? t(known) : key;
}

/** i18n-iso-countries' name once its table is here; the browser's own name until then. */
function nationalityLabel(code: string): string {
  void locale.countries; // read so that the label redraws when the table arrives
  const name = countryName(code, locale.lang);
  if (name) return name;
  try {
    return new Intl.DisplayNames([localeOf(locale.lang)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
