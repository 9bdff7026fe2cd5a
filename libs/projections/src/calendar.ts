import { fromDayNumber, maxDate, minDate, PROJECT_END, PROJECT_START, toDayNumber, utcMidnight } from '@jalon/domain';
import type { PeriodKind } from './views.js';

/**
 * Business dates inside the project are "project days": 0 is the project's start. Every event is
 * dated inside the project, so per-day arrays of PROJECT_DAYS cells hold the whole history.
 */
export const START_DAY = toDayNumber(PROJECT_START);
export const PROJECT_DAYS = toDayNumber(PROJECT_END) - START_DAY + 1;

/** Project days of the dates seen so far: a log names a few thousand distinct dates at most. */
const dayOfDate = new Map<string, number>();
const REMEMBERED_DATES = 1 << 16;

export function projectDay(date: string): number {
  let day = dayOfDate.get(date);
  if (day === undefined) {
    day = toDayNumber(date) - START_DAY;
    // Bounded: queries may name any date, and a cache must not grow with them.
    if (dayOfDate.size < REMEMBERED_DATES) dayOfDate.set(date, day);
  }
  return day;
}

/** The last project day counted "as of" a date: -1 before the start (nothing counts yet). */
export function asOfDay(date: string): number {
  return Math.min(Math.max(projectDay(date), -1), PROJECT_DAYS - 1);
}

export interface Period {
  period: string;
  start: string;
  end: string;
}

function lastDayOfMonth(year: number, month: number): string {
  return fromDayNumber(Math.round(utcMidnight(year, month, 0) / 86_400_000));
}

export function periodOf(date: string, kind: PeriodKind): { label: string; first: string; last: string } {
  const year = date.slice(0, 4);
  if (kind === 'year') return { label: String(Number(year)), first: `${year}-01-01`, last: `${year}-12-31` };
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  const firstMonth = String(3 * q - 2).padStart(2, '0');
  return { label: `${year}-Q${q}`, first: `${year}-${firstMonth}-01`, last: lastDayOfMonth(Number(year), 3 * q) };
}

/**
 * The periods from the one holding the project's start to the one holding the earlier of `asOf`
 * and the project's end, each clipped to [project start, asOf] (DOMAIN.md, "Periods").
 */
export function periodsUntil(asOf: string, kind: PeriodKind): Period[] {
  if (asOf < PROJECT_START) return [];
  const until = minDate(asOf, PROJECT_END);
  const periods: Period[] = [];
  let cursor = PROJECT_START;
  while (cursor <= until) {
    const p = periodOf(cursor, kind);
    periods.push({ period: p.label, start: maxDate(p.first, PROJECT_START), end: minDate(p.last, asOf) });
    cursor = fromDayNumber(toDayNumber(p.last) + 1);
  }
  return periods;
}

/** The last calendar-quarter end on or before `date`. */
export function lastQuarterEnd(date: string): string {
  const p = periodOf(date, 'quarter');
  if (p.last === date) return date;
  return fromDayNumber(toDayNumber(p.first) - 1);
}
