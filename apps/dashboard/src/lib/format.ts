/**
 * Number, date and period formatting, and the small arithmetic the cards and charts share. Pure:
 * no DOM, no state; the language is passed in. Dates are ISO `YYYY-MM-DD` business dates, read
 * and written in UTC so that no time zone can shift a day.
 */
import { localeOf, translate, type Lang } from './i18n.js';

export { localeOf };

export type Unit = 'count' | 'percent';

// Making an Intl formatter resolves the locale each time (tens of µs); the overview formats
// hundreds of values on its first draw, so each formatter is made once per locale and options.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(localeOf(lang), options)));
  return format;
}

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(localeOf(lang), options)));
  return format;
}

/** A count as an integer ("1 234"), a percent with one decimal ("72,3 %"), null as "—". */
export function formatValue(value: number | null | undefined, unit: Unit, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return translate(lang, 'value.none');
  if (unit === 'percent') return formatPercent(value, lang);
  return numberFormat(lang, { maximumFractionDigits: 0 }).format(value);
}

/** `value` is already a percentage (72.3 means 72.3 %); shown with one decimal. */
export function formatPercent(value: number, lang: Lang, digits = 1): string {
  return numberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value / 100);
}

/** Share of the target reached, in percent, or null when it cannot be said. */
export function percentOfTarget(value: number | null | undefined, target: number | null | undefined): number | null {
  if (value === null || value === undefined || target === null || target === undefined || target <= 0) return null;
  return (100 * value) / target;
}

/** Width of a progress bar, 0 to 1 (a value past its target fills the bar). */
export function progressFill(value: number | null | undefined, target: number | null | undefined): number {
  const pct = percentOfTarget(value, target);
  return pct === null ? 0 : Math.min(1, Math.max(0, pct / 100));
}

function utc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** "31 décembre 2016" / "31 December 2016"; `short`: "31 déc. 2016" / "31 Dec 2016". */
export function formatDate(iso: string, lang: Lang, style: 'long' | 'short' = 'long'): string {
  if (!isIsoDate(iso)) return iso;
  return dateFormat(lang, {
    day: 'numeric',
    month: style,
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utc(iso));
}

/** "2015-Q3" → "T3 2015" / "Q3 2015"; a year stays as it is. */
export function formatPeriod(period: string, lang: Lang): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  return m ? translate(lang, 'period.quarter', { year: m[1], quarter: m[2] }) : period;
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = utc(value);
  return d.toISOString().slice(0, 10) === value;
}

/** True for a real date within [min, max] (ISO strings compare in date order). */
export function isDateWithin(value: string, min: string, max: string): boolean {
  return isIsoDate(value) && value >= min && value <= max;
}

/** The 31 December of each year of the period, the last one replaced by the period's end. */
export function yearEnds(start: string, end: string): string[] {
  const out: string[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) {
    const d = `${y}-12-31`;
    out.push(d < end ? d : end);
  }
  return out;
}

/** A number with at most one decimal (averages of 1–4 scores). */
export function formatDecimal(value: number, lang: Lang): string {
  return numberFormat(lang, { maximumFractionDigits: 1 }).format(value);
}

/** A recording instant (ISO timestamp) as the reader's local date and time, in the language's style. */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
