/** Display names of breakdown keys and closed-list values, in the current language. */
import { localeOf } from './format.js';
import { lookupKey } from './i18n.js';
import { locale, t } from './locale.svelte.js';

export function keyLabel(dimension: string, key: string): string {
  if (dimension === 'nationality') {
    try {
      return new Intl.DisplayNames([localeOf(locale.lang)], { type: 'region' }).of(key) ?? key;
    } catch {
      return key;
    }
  }
  const known = lookupKey(`key.${dimension}.${key}`) ?? lookupKey(`${dimension}.${key}`);
  return known ? t(known) : key;
}
