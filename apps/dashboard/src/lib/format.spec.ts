import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatDate,
  formatPercent,
  formatPeriod,
  formatValue,
  isDateWithin,
  isIsoDate,
  percentOfTarget,
  progressFill,
  yearEnds,
} from './format.js';
import { LANGS, loadCatalog } from './i18n.js';

beforeAll(async () => {
  await Promise.all(LANGS.map(loadCatalog));
});

// Intl puts (narrow) no-break spaces in French numbers; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatValue', () => {
  it('shows a percent rounded to one decimal, in each language', () => {
    expect(plain(formatValue(72.30046948356808, 'percent', 'fr'))).toBe('72,3 %');
    expect(formatValue(72.30046948356808, 'percent', 'en')).toBe('72.3%');
    expect(formatValue(80, 'percent', 'en')).toBe('80.0%');
    expect(formatValue(83.33333333333333, 'percent', 'en')).toBe('83.3%');
  });

  it('shows a count as a whole number with grouping', () => {
    expect(formatValue(60, 'count', 'fr')).toBe('60');
    expect(plain(formatValue(1234, 'count', 'fr'))).toBe('1 234');
    expect(formatValue(1234, 'count', 'en')).toBe('1,234');
    expect(formatValue(19.876, 'count', 'en')).toBe('20');
    expect(formatValue(1234, 'count', 'de')).toBe('1.234');
    // Arabic keeps Western digits (i18n.ts): the figures read like the codes and positions beside them.
    expect(formatValue(1234, 'count', 'ar')).toBe('1,234');
    expect(plain(formatValue(72.30046948356808, 'percent', 'de'))).toBe('72,3 %');
    expect(formatValue(72.30046948356808, 'percent', 'ar').replace(/\u200e/g, '')).toBe('72.3%');
  });

  it('shows a missing value as a dash, never as 0', () => {
    expect(formatValue(null, 'percent', 'fr')).toBe('—');
    expect(formatValue(undefined, 'count', 'en')).toBe('—');
    expect(formatValue(Number.NaN, 'count', 'en')).toBe('—');
  });

  it('formats a bare percentage with the digits asked', () => {
    expect(formatPercent(108, 'en', 0)).toBe('108%');
  });
});

describe('progress', () => {
  it('is the value as a share of the target', () => {
    expect(percentOfTarget(54, 50)).toBeCloseTo(108);
    expect(percentOfTarget(0, 20)).toBe(0);
  });

  it('cannot be said without a value or a positive target', () => {
    expect(percentOfTarget(null, 50)).toBeNull();
    expect(percentOfTarget(5, null)).toBeNull();
    expect(percentOfTarget(5, 0)).toBeNull();
  });

  it('fills a bar between 0 and 1', () => {
    expect(progressFill(54, 50)).toBe(1);
    expect(progressFill(15, 60)).toBe(0.25);
    expect(progressFill(null, 60)).toBe(0);
  });
});

describe('dates and periods', () => {
  it('formats a business date without a time-zone shift', () => {
    expect(formatDate('2016-12-31', 'fr')).toBe('31 décembre 2016');
    expect(formatDate('2014-09-01', 'en')).toBe('1 September 2014');
    expect(formatDate('2015-06-30', 'en', 'short')).toBe('30 Jun 2015');
    expect(formatDate('2016-12-31', 'de')).toBe('31. Dezember 2016');
    expect(formatDate('2016-12-31', 'ar')).toBe('31 ديسمبر 2016');
  });

  it('names quarters in each language', () => {
    expect(formatPeriod('2015-Q3', 'fr')).toBe('T3 2015');
    expect(formatPeriod('2015-Q3', 'en')).toBe('Q3 2015');
    expect(formatPeriod('2015', 'en')).toBe('2015');
    expect(formatPeriod('2015-Q3', 'de')).toBe('Q3 2015');
    expect(formatPeriod('2015-Q3', 'ar')).toBe('الربع 3 2015');
  });

  it('accepts only real dates inside the range', () => {
    expect(isIsoDate('2016-02-29')).toBe(true);
    expect(isIsoDate('2015-02-29')).toBe(false);
    expect(isIsoDate('2015-6-30')).toBe(false);
    expect(isDateWithin('2015-06-30', '2014-09-01', '2016-12-31')).toBe(true);
    expect(isDateWithin('2014-08-31', '2014-09-01', '2016-12-31')).toBe(false);
    expect(isDateWithin('2017-01-01', '2014-09-01', '2016-12-31')).toBe(false);
  });

  it('lists the year ends of the project, ending on its last day', () => {
    expect(yearEnds('2014-09-01', '2016-12-31')).toEqual(['2014-12-31', '2015-12-31', '2016-12-31']);
    expect(yearEnds('2014-09-01', '2016-06-30')).toEqual(['2014-12-31', '2015-12-31', '2016-06-30']);
  });
});
