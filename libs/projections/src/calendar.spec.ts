import { describe, expect, it } from 'vitest';
import { asOfDay, lastQuarterEnd, periodsUntil, PROJECT_DAYS, projectDay } from './calendar.js';

/** DOMAIN.md, "Periods", and the quarter ends of "Small-cell suppression". */

describe('project days', () => {
  it('given the project period 2014-09-01 to 2016-12-31, when counted, then it holds 853 days', () => {
    expect(PROJECT_DAYS).toBe(853); // 121 (to 2014-12-31) + 365 (2015) + 366 (2016) + 1
    expect(projectDay('2014-09-01')).toBe(0);
    expect(projectDay('2014-12-31')).toBe(121);
    expect(projectDay('2016-12-31')).toBe(852); // 121 + 365 + 366
  });

  it('given dates outside the project, when read as an "as of" day, then before the start is -1 and after the end the last day', () => {
    expect(asOfDay('2014-08-31')).toBe(-1);
    expect(asOfDay('1999-01-01')).toBe(-1);
    expect(asOfDay('2014-09-01')).toBe(0);
    expect(asOfDay('2017-01-01')).toBe(852);
    expect(asOfDay('2099-12-31')).toBe(852);
  });
});

describe('periods', () => {
  it('given the project end, when quarters are listed, then they run from 2014-Q3 (clipped to the start) to 2016-Q4', () => {
    expect(periodsUntil('2016-12-31', 'quarter')).toEqual([
      { period: '2014-Q3', start: '2014-09-01', end: '2014-09-30' },
      { period: '2014-Q4', start: '2014-10-01', end: '2014-12-31' },
      { period: '2015-Q1', start: '2015-01-01', end: '2015-03-31' },
      { period: '2015-Q2', start: '2015-04-01', end: '2015-06-30' },
      { period: '2015-Q3', start: '2015-07-01', end: '2015-09-30' },
      { period: '2015-Q4', start: '2015-10-01', end: '2015-12-31' },
      { period: '2016-Q1', start: '2016-01-01', end: '2016-03-31' },
      { period: '2016-Q2', start: '2016-04-01', end: '2016-06-30' },
      { period: '2016-Q3', start: '2016-07-01', end: '2016-09-30' },
      { period: '2016-Q4', start: '2016-10-01', end: '2016-12-31' },
    ]);
  });

  it('given the project end, when years are listed, then they are 2014 (from the start), 2015 and 2016', () => {
    expect(periodsUntil('2016-12-31', 'year')).toEqual([
      { period: '2014', start: '2014-09-01', end: '2014-12-31' },
      { period: '2015', start: '2015-01-01', end: '2015-12-31' },
      { period: '2016', start: '2016-01-01', end: '2016-12-31' },
    ]);
  });

  it('given a date mid-quarter, when quarters are listed, then the last one ends on that date', () => {
    expect(periodsUntil('2015-02-14', 'quarter')).toEqual([
      { period: '2014-Q3', start: '2014-09-01', end: '2014-09-30' },
      { period: '2014-Q4', start: '2014-10-01', end: '2014-12-31' },
      { period: '2015-Q1', start: '2015-01-01', end: '2015-02-14' },
    ]);
  });

  it('given the first day of a quarter, when quarters are listed, then that quarter is a one-day point', () => {
    expect(periodsUntil('2015-04-01', 'quarter').at(-1)).toEqual({ period: '2015-Q2', start: '2015-04-01', end: '2015-04-01' });
    expect(periodsUntil('2016-01-01', 'year').at(-1)).toEqual({ period: '2016', start: '2016-01-01', end: '2016-01-01' });
  });

  it('given the project start, when periods are listed, then there is one point from the start to the start', () => {
    expect(periodsUntil('2014-09-01', 'quarter')).toEqual([{ period: '2014-Q3', start: '2014-09-01', end: '2014-09-01' }]);
    expect(periodsUntil('2014-09-01', 'year')).toEqual([{ period: '2014', start: '2014-09-01', end: '2014-09-01' }]);
  });

  it('given a date before the start, when periods are listed, then there are none', () => {
    expect(periodsUntil('2014-08-31', 'quarter')).toEqual([]);
    expect(periodsUntil('2014-08-31', 'year')).toEqual([]);
  });

  it('given a date after the end, when periods are listed, then they stop at 2016-Q4 ending 2016-12-31', () => {
    const quarters = periodsUntil('2017-05-20', 'quarter');
    expect(quarters).toHaveLength(10);
    expect(quarters.at(-1)).toEqual({ period: '2016-Q4', start: '2016-10-01', end: '2016-12-31' });
    expect(periodsUntil('2017-05-20', 'year').at(-1)).toEqual({ period: '2016', start: '2016-01-01', end: '2016-12-31' });
  });
});

describe('last quarter end', () => {
  it.each([
    ['2015-06-15', '2015-03-31'],
    ['2015-06-30', '2015-06-30'], // a quarter end is its own
    ['2015-07-01', '2015-06-30'],
    ['2015-12-30', '2015-09-30'],
    ['2016-01-01', '2015-12-31'],
    ['2016-03-31', '2016-03-31'],
    ['2016-12-31', '2016-12-31'],
    ['2014-09-15', '2014-06-30'], // before the project's first quarter end
    ['2017-02-10', '2016-12-31'],
    ['0050-01-01', '0049-12-31'], // years 0-99 stay themselves (Date.UTC maps them to 19xx)
    ['0050-05-20', '0050-03-31'],
    ['0001-02-01', '0000-12-31'],
  ])('given %s, when the last quarter end on or before it is asked, then it is %s', (date, end) => {
    expect(lastQuarterEnd(date)).toBe(end);
  });
});
