import { describe, expect, it } from 'vitest';
import { statusOf } from './expected.js';
import { history, indicatorOf } from './testing/history.js';

/**
 * DOMAIN.md, "Expected value" and "Status". Segments of the line for 1.1 (targets 5 / 35 / 60):
 * 2014-09-01 → 2014-12-31 is 121 days, 2014-12-31 → 2015-12-31 is 365, 2015-12-31 → 2016-12-31
 * is 366 (2016 is a leap year).
 */

const PRECISION = 9; // decimal places: the line's arithmetic may associate differently

describe('expected value of a count indicator (1.1: baseline 0, targets 5 / 35 / 60)', () => {
  const e = history().engine();
  const expectedOn = (asOf: string, code = '1.1') => indicatorOf(e.indicators({ asOf }), code).expected;

  it.each([
    ['2010-01-01', 0], // before the start: the baseline
    ['2014-08-31', 0], // before the start: the baseline
    ['2014-09-01', 0], // the start: the baseline
    ['2014-09-30', 1.1983471074380165], // 0 + (5-0) * 29/121
    ['2014-10-01', 1.2396694214876034], // 0 + (5-0) * 30/121
    ['2014-12-31', 5], // the 2014 target
    ['2015-01-01', 5.082191780821918], // 5 + (35-5) * 1/365
    ['2015-03-31', 12.397260273972602], // 5 + (35-5) * 90/365
    ['2015-07-01', 19.958904109589042], // 5 + (35-5) * 182/365
    ['2015-12-31', 35], // the 2015 target
    ['2016-01-01', 35.068306010928964], // 35 + (60-35) * 1/366
    ['2016-02-29', 39.09836065573771], // 35 + (60-35) * 60/366
    ['2016-07-01', 47.5], // 35 + (60-35) * 183/366
    ['2016-12-31', 60], // the EOP target
    ['2017-01-01', 60], // after the end: the EOP target
    ['2030-06-15', 60], // after the end: the EOP target
  ])('given the logframe targets, when evaluated as of %s, then 1.1 expects %s', (asOf, expected) => {
    expect(expectedOn(asOf)).toBeCloseTo(expected, PRECISION);
  });

  it('given the year ends, when evaluated there, then the expected value is exactly that year\'s target', () => {
    expect(expectedOn('2014-12-31')).toBe(5);
    expect(expectedOn('2015-12-31')).toBe(35);
    expect(expectedOn('2016-12-31')).toBe(60);
    expect(expectedOn('2014-12-31', '2.1')).toBe(20);
    expect(expectedOn('2015-12-31', '2.1')).toBe(90);
  });

  it('given 2.5 whose 2015 and 2016 targets are equal (40, 40), when evaluated in 2016, then the line is flat', () => {
    expect(expectedOn('2015-07-01', '2.5')).toBeCloseTo(32.47945205479452, PRECISION); // 25 + (40-25) * 182/365
    expect(expectedOn('2016-07-01', '2.5')).toBe(40); // 40 + (40-40) * 183/366
  });

  it('given indicators whose 2014 target is 0 (2.7, 3.2), when evaluated in 2014 with nothing recorded, then they expect 0 and are green', () => {
    for (const code of ['2.7', '3.2']) {
      for (const asOf of ['2014-09-01', '2014-11-15', '2014-12-31']) {
        const i = indicatorOf(e.indicators({ asOf }), code);
        expect(i, `${code} as of ${asOf}`).toMatchObject({ value: 0, expected: 0, status: 'green' }); // 0 >= 0.9 * 0
      }
    }
  });

  it('given 2.7 (targets 0 / 3 / 6), when evaluated in 2015, then the line rises from 0 at the end of 2014', () => {
    expect(expectedOn('2015-07-01', '2.7')).toBeCloseTo(1.4958904109589042, PRECISION); // 0 + (3-0) * 182/365
    expect(expectedOn('2015-07-01', '3.2')).toBeCloseTo(4.986301369863014, PRECISION); // 0 + (10-0) * 182/365
  });

  it('given a revised 2014 target, when evaluated in 2014 and 2015, then both segments touching it move', () => {
    const h = history();
    h.target('1.1', '2014', 10);
    const revised = h.engine();

    expect(indicatorOf(revised.indicators({ asOf: '2014-10-01' }), '1.1').expected).toBeCloseTo(2.479338842975207, PRECISION); // 10 * 30/121
    expect(indicatorOf(revised.indicators({ asOf: '2015-07-01' }), '1.1').expected).toBeCloseTo(22.465753424657535, PRECISION); // 10 + (35-10) * 182/365
  });
});

describe('expected value of a percent indicator', () => {
  it.each(['2010-01-01', '2014-09-01', '2014-12-31', '2015-07-01', '2016-12-31', '2018-01-01'])(
    'given the logframe, when evaluated as of %s, then each percent expects its EOP target',
    (asOf) => {
      const view = history().engine().indicators({ asOf });

      expect(indicatorOf(view, '1.3').expected).toBe(80);
      expect(indicatorOf(view, '2.4').expected).toBe(70);
      expect(indicatorOf(view, '3.3').expected).toBe(80);
    },
  );
});

describe('status', () => {
  /** A single government training of `n` participants: 2.1 = n. */
  const trained = (n: number, asOf?: string) => {
    const h = history();
    h.training('T1', '2014-10-01', { female: n, male: 0 });
    return indicatorOf(h.engine().indicators({ asOf }), '2.1');
  };

  it.each([
    [135, 'green'], // 135 = 0.9 * 150
    [134, 'amber'], // 134 < 135, >= 105
    [105, 'amber'], // 105 = 0.7 * 150
    [104, 'red'], // 104 < 105
    [150, 'green'],
    [400, 'green'],
  ])('given 2.1 = %i against the EOP target 150, when evaluated at the end, then it is %s', (n, status) => {
    expect(trained(n)).toMatchObject({ value: n, expected: 150, status });
  });

  it.each([
    [18, 'green'], // 18 = 0.9 * 20
    [17, 'amber'],
    [14, 'amber'], // 14 = 0.7 * 20
    [13, 'red'],
  ])('given 2.1 = %i against the 2014 target 20, when evaluated on 2014-12-31, then it is %s', (n, status) => {
    expect(trained(n, '2014-12-31')).toMatchObject({ value: n, expected: 20, status });
  });

  it.each([
    [9, 'green'], // 9 = 0.9 * 10
    [8, 'amber'],
    [7, 'amber'], // 7 = 0.7 * 10
    [6, 'red'],
  ])('given 1.1 = %i against a revised EOP target 10, when evaluated after the end, then it is %s', (n, status) => {
    const h = history();
    h.target('1.1', '2016', 10, 'fewer victims expected');
    for (let i = 0; i < n; i++) h.case(`C${i}`, '2015-01-10');

    expect(indicatorOf(h.engine().indicators({ asOf: '2017-01-01' }), '1.1')).toMatchObject({ value: n, expected: 10, status });
  });

  it.each([
    [63, 'green'], // 100 * 63 / 100 = 63 = 0.9 * 70
    [62, 'amber'],
    [49, 'amber'], // 49 = 0.7 * 70
    [48, 'red'],
  ])('given 2.4 = %i%% against its target 70, when evaluated, then it is %s', (improved, status) => {
    const h = history();
    h.training('T1', '2015-01-10', { female: 50, male: 50, test: { tested: 100, improved } });

    expect(indicatorOf(h.engine().indicators(), '2.4')).toMatchObject({ value: improved, expected: 70, status });
  });

  it('given nothing recorded, when evaluated mid-project, then counts are red and percents no-data', () => {
    const view = history().engine().indicators({ asOf: '2015-07-01' });

    expect(indicatorOf(view, '1.1').status).toBe('red'); // 0 < 0.7 * 19.958904109589042 (5 + 30 * 182/365)
    expect(indicatorOf(view, '1.3').status).toBe('no-data');
  });

  it('given nothing recorded, when evaluated before the start, then counts are green (0 against an expected 0)', () => {
    const view = history().engine().indicators({ asOf: '2014-08-01' });

    for (const code of ['1.1', '1.2', '2.1', '2.2', '2.3', '2.5', '2.6', '2.7', '3.1', '3.2']) {
      expect(indicatorOf(view, code), code).toMatchObject({ value: 0, expected: 0, status: 'green' });
    }
  });

  it('given a value, when the indicator has no EOP target, then the status is no-target', () => {
    expect(statusOf(3, null, null)).toBe('no-target');
    expect(statusOf(null, null, null)).toBe('no-target');
  });

  it('given a null value and a target, when the status is computed, then it is no-data', () => {
    expect(statusOf(null, 80, 80)).toBe('no-data');
  });
});

describe('status exactly on a threshold that binary floating point cannot hold', () => {
  it('given expected 200/3 (2.2 on 2016-03-01: 60 + 40 * 61/366), when the value is 60 = 0.9 * 200/3, then it is green', () => {
    expect(statusOf(60, 100, 60 + (40 * 61) / 366)).toBe('green');
  });

  it('given the same expected, when the value is one below, then it is amber', () => {
    expect(statusOf(59, 100, 60 + (40 * 61) / 366)).toBe('amber');
  });
});
