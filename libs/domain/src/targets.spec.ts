import { describe, expect, it } from 'vitest';
import { findIndicator, INDICATORS, type IndicatorDefinition, type TargetPeriod } from './logframe.js';
import { isKnownIndicator, targetErrors } from './targets.js';

const indicator = (code: string): IndicatorDefinition => {
  const found = findIndicator(code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
};
const counts = INDICATORS.filter((i) => i.unit === 'count');
const percents = INDICATORS.filter((i) => i.unit === 'percent');
const errors = (code: string, period: TargetPeriod, value: number) => targetErrors(indicator(code), { period, value }).map((e) => e.path);

describe('a target revision of a count indicator', () => {
  it.each(counts.map((i) => i.code))('accepts a whole number ≥ 0 for each year for %s', (code) => {
    for (const period of ['2014', '2015', '2016'] as const) expect(errors(code, period, 0)).toEqual([]);
    expect(errors(code, '2016', 1234)).toEqual([]);
  });

  it.each([-1, 0.5, 99.99])('refuses %d', (value) => {
    expect(errors('2.1', '2015', value)).toEqual(['/value']);
  });
});

describe('a target revision of a percent indicator', () => {
  it.each(percents.map((i) => i.code))('accepts 0 to 100 for 2016 only for %s', (code) => {
    expect(errors(code, '2016', 0)).toEqual([]);
    expect(errors(code, '2016', 100)).toEqual([]);
    expect(errors(code, '2016', 66.6)).toEqual([]);
    expect(errors(code, '2015', 50)).toEqual(['/period']);
    expect(errors(code, '2014', 50)).toEqual(['/period']);
  });

  it.each([-1, 100.5, 1000])('refuses %d', (value) => {
    expect(errors('1.3', '2016', value)).toEqual(['/value']);
  });

  it('reports a bad year and a bad value together', () => {
    expect(errors('2.4', '2014', 101)).toEqual(['/period', '/value']);
  });
});

describe('the indicators known to targets', () => {
  it('are those of the logframe', () => {
    expect(INDICATORS.every((i) => isKnownIndicator(i.code))).toBe(true);
    expect(isKnownIndicator('4.1')).toBe(false);
  });
});
