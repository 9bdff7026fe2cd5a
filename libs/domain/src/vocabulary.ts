import countries from 'i18n-iso-countries';

export * from './lists.js';

// i18n-iso-countries also carries the user-assigned XK (Kosovo); DOMAIN.md asks for officially
// assigned codes only.
const NOT_OFFICIAL = new Set(['XK']);

/** Officially assigned ISO 3166-1 alpha-2 codes, upper case. */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(
  Object.keys(countries.getAlpha2Codes()).filter((code) => !NOT_OFFICIAL.has(code)),
);
