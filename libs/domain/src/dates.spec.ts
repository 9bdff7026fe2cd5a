import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  fromDayNumber,
  isInProjectPeriod,
  isIsoDate,
  maxDate,
  minDate,
  PROJECT_END,
  PROJECT_START,
  toDayNumber,
} from './dates.js';

describe('an ISO date', () => {
  it.each(['2016-02-29', '2000-02-29', '2015-12-31', '2014-09-01', '1970-01-01'])('accepts %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each(['2015-02-29', '1900-02-29', '2015-04-31', '2015-13-01', '2015-00-01', '2015-01-00', '2015-1-1', '2015-01-01Z', '2015-01-01 ', '+2015-01-01', ''])(
    'refuses %j',
    (date) => {
      expect(isIsoDate(date)).toBe(false);
    },
  );
});

describe('dates of the years 0 to 99 (Date.UTC would read them as 1900-1999)', () => {
  it.each(['0050-01-01', '0000-01-01', '0000-02-29', '0004-02-29', '0099-12-31'])('accepts %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each(['0001-02-29', '0100-02-29', '0050-02-29'])('refuses %s, not a leap day', (date) => {
    expect(isIsoDate(date)).toBe(false);
  });

  it('numbers them in the proleptic Gregorian calendar, as they are written', () => {
    // 0001-01-01 is 719,162 days before 1970-01-01 (the count .NET and Python's toordinal give: 719,163 − 1).
    expect(toDayNumber('0001-01-01')).toBe(-719_162);
    expect(fromDayNumber(-719_162)).toBe('0001-01-01');
    // Year 0 is a leap year (divisible by 400): 366 days.
    expect(daysBetween('0000-01-01', '0001-01-01')).toBe(366);
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(addDays('0050-02-28', 1)).toBe('0050-03-01');
  });
});

describe('the project period', () => {
  it('runs from 2014-09-01 to 2016-12-31', () => {
    expect([PROJECT_START, PROJECT_END]).toEqual(['2014-09-01', '2016-12-31']);
  });

  it.each([
    ['2014-08-31', false],
    ['2014-09-01', true],
    ['2016-12-31', true],
    ['2017-01-01', false],
  ])('holds %s: %s', (date, inside) => {
    expect(isInProjectPeriod(date)).toBe(inside);
  });
});

describe('day arithmetic', () => {
  it('numbers days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(fromDayNumber(0)).toBe('1970-01-01');
  });

  it('counts the leap day of 2016 and not of 2015', () => {
    expect(daysBetween('2015-01-01', '2016-01-01')).toBe(365);
    expect(daysBetween('2016-01-01', '2017-01-01')).toBe(366);
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
    expect(addDays('2015-02-28', 1)).toBe('2015-03-01');
  });

  it('counts the whole project as 852 days after its start', () => {
    expect(daysBetween(PROJECT_START, PROJECT_END)).toBe(852);
  });

  it('is negative when going back', () => {
    expect(daysBetween('2015-03-01', '2015-02-01')).toBe(-28);
    expect(addDays('2015-03-01', -1)).toBe('2015-02-28');
  });

  it('turns a day number back into the same date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_528, max: 100_000 }), (day) => {
        const date = fromDayNumber(day);
        return isIsoDate(date) && toDayNumber(date) === day;
      }),
    );
  });

  it('agrees with addDays: moving n days is n days away', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 852 }), fc.integer({ min: -2000, max: 2000 }), (offset, n) => {
        const from = addDays(PROJECT_START, offset);
        return daysBetween(from, addDays(from, n)) === n;
      }),
    );
  });
});

describe('the earlier and the later of two dates', () => {
  it('compare as dates', () => {
    expect(minDate('2015-10-01', '2015-09-30')).toBe('2015-09-30');
    expect(maxDate('2015-10-01', '2015-09-30')).toBe('2015-10-01');
    expect(minDate('2015-01-01', '2015-01-01')).toBe('2015-01-01');
  });
});
