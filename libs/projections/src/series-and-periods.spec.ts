import { describe, expect, it } from 'vitest';
import { history } from './testing/history.js';
import type { SeriesPoint } from './views.js';

/** DOMAIN.md, "Periods": points of a series, their values, cumulative values and expected values. */

/** Compares points exactly, except `expected`, whose line may associate its arithmetic differently. */
function expectPoints(actual: SeriesPoint[], expected: SeriesPoint[]) {
  expect(actual.map(({ expected: _, ...p }) => p)).toEqual(expected.map(({ expected: _, ...p }) => p));
  actual.forEach((p, i) => {
    const want = expected[i].expected;
    if (want === null) expect(p.expected, p.period).toBeNull();
    else expect(p.expected, `${p.period} expected`).toBeCloseTo(want, 9);
  });
}

/** Five cases over the project; C3 is recorded last with an earlier date. */
function fiveCases() {
  const h = history();
  h.case('C1', '2014-09-10'); // 1
  h.case('C2', '2014-11-05'); // 2
  const c4 = h.case('C4', '2015-08-15'); // 3
  h.case('C5', '2016-05-01'); // 4
  h.case('C3', '2015-02-01'); // 5, back-dated
  return { h, c4 };
}

describe('series by quarter', () => {
  it('given five cases, when 1.1 is asked by quarter at the end, then each quarter has its new cases, cumulative and expected', () => {
    const view = fiveCases().h.engine().series('1.1', 'quarter');

    expect(view).toMatchObject({ code: '1.1', asOf: '2016-12-31', position: 5 });
    expectPoints(view.points, [
      { period: '2014-Q3', start: '2014-09-01', end: '2014-09-30', value: 1, cumulative: 1, expected: 1.1983471074380165 }, // 5 * 29/121
      { period: '2014-Q4', start: '2014-10-01', end: '2014-12-31', value: 1, cumulative: 2, expected: 5 },
      { period: '2015-Q1', start: '2015-01-01', end: '2015-03-31', value: 1, cumulative: 3, expected: 12.397260273972602 }, // 5 + 30 * 90/365
      { period: '2015-Q2', start: '2015-04-01', end: '2015-06-30', value: 0, cumulative: 3, expected: 19.876712328767123 }, // 5 + 30 * 181/365
      { period: '2015-Q3', start: '2015-07-01', end: '2015-09-30', value: 1, cumulative: 4, expected: 27.438356164383563 }, // 5 + 30 * 273/365
      { period: '2015-Q4', start: '2015-10-01', end: '2015-12-31', value: 0, cumulative: 4, expected: 35 },
      { period: '2016-Q1', start: '2016-01-01', end: '2016-03-31', value: 0, cumulative: 4, expected: 41.21584699453552 }, // 35 + 25 * 91/366
      { period: '2016-Q2', start: '2016-04-01', end: '2016-06-30', value: 1, cumulative: 5, expected: 47.431693989071036 }, // 35 + 25 * 182/366
      { period: '2016-Q3', start: '2016-07-01', end: '2016-09-30', value: 0, cumulative: 5, expected: 53.71584699453552 }, // 35 + 25 * 274/366
      { period: '2016-Q4', start: '2016-10-01', end: '2016-12-31', value: 0, cumulative: 5, expected: 60 },
    ]);
  });

  it('given five cases, when asked as of a date mid-quarter, then the last point ends on that date', () => {
    const view = fiveCases().h.engine().series('1.1', 'quarter', { asOf: '2015-08-20' });

    expect(view.asOf).toBe('2015-08-20');
    expect(view.points.map((p) => p.period)).toEqual(['2014-Q3', '2014-Q4', '2015-Q1', '2015-Q2', '2015-Q3']);
    expectPoints(view.points.slice(-1), [
      { period: '2015-Q3', start: '2015-07-01', end: '2015-08-20', value: 1, cumulative: 4, expected: 24.068493150684933 }, // 5 + 30 * 232/365
    ]);
  });

  it('given five cases, when asked as of the first day of a quarter, then that quarter is a one-day point', () => {
    const view = fiveCases().h.engine().series('1.1', 'quarter', { asOf: '2015-04-01' });

    expectPoints(view.points.slice(-1), [
      { period: '2015-Q2', start: '2015-04-01', end: '2015-04-01', value: 0, cumulative: 3, expected: 12.479452054794521 }, // 5 + 30 * 91/365
    ]);
  });

  it('given five cases, when asked as of the project start, then there is one point on that day', () => {
    const view = fiveCases().h.engine().series('1.1', 'quarter', { asOf: '2014-09-01' });

    expect(view.points).toEqual([
      { period: '2014-Q3', start: '2014-09-01', end: '2014-09-01', value: 0, cumulative: 0, expected: 0 },
    ]);
  });

  it('given five cases, when asked as of a date before the start, then the series is empty', () => {
    const e = fiveCases().h.engine();

    expect(e.series('1.1', 'quarter', { asOf: '2014-08-31' }).points).toEqual([]);
    expect(e.series('1.1', 'year', { asOf: '2014-08-31' }).points).toEqual([]);
    expect(e.series('1.3', 'quarter', { asOf: '2013-01-01' }).points).toEqual([]);
  });

  it('given five cases, when asked as of a date after the end, then the points stop at 2016-Q4 and the answer keeps the asked date', () => {
    const view = fiveCases().h.engine().series('1.1', 'quarter', { asOf: '2017-03-15' });

    expect(view.asOf).toBe('2017-03-15');
    expect(view.points).toHaveLength(10);
    expect(view.points.at(-1)).toEqual({
      period: '2016-Q4',
      start: '2016-10-01',
      end: '2016-12-31',
      value: 0,
      cumulative: 5,
      expected: 60,
    });
  });

  it('given a voided case, when asked before and after the void, then the old and the new series are given', () => {
    const { h, c4 } = fiveCases();
    h.void(c4); // 6
    const e = h.engine();

    const before = e.series('1.1', 'quarter', { atPosition: 5 });
    const after = e.series('1.1', 'quarter');

    expect(before.position).toBe(5);
    expect(after.position).toBe(6);
    expect(before.points.map((p) => p.value)).toEqual([1, 1, 1, 0, 1, 0, 0, 1, 0, 0]);
    expect(after.points.map((p) => p.value)).toEqual([1, 1, 1, 0, 0, 0, 0, 1, 0, 0]);
    expect(after.points.map((p) => p.cumulative)).toEqual([1, 2, 3, 3, 3, 3, 3, 4, 4, 4]);
  });

  it('given five cases, when asked at position 2, then only the first two records count', () => {
    const view = fiveCases().h.engine().series('1.1', 'quarter', { atPosition: 2 });

    expect(view.points.map((p) => p.cumulative)).toEqual([1, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
  });

  it('given a revised yearly target, when the series is asked, then the expected values follow the revised line', () => {
    const { h } = fiveCases();
    h.target('1.1', '2015', 45); // 6
    const e = h.engine();

    expect(e.series('1.1', 'quarter').points[3].expected).toBeCloseTo(24.835616438356166, 9); // 2015-Q2: 5 + (45-5) * 181/365
    expect(e.series('1.1', 'quarter', { atPosition: 5 }).points[3].expected).toBeCloseTo(19.876712328767123, 9); // 5 + 30 * 181/365
  });
});

describe('series of a percent', () => {
  /** C1 identified 2015-02-01 and assisted 2015-05-01; C2 identified 2015-05-10. */
  function twoCases() {
    const h = history();
    h.case('C1', '2015-02-01');
    h.assist('C1', '2015-05-01');
    h.case('C2', '2015-05-10');
    return h;
  }

  it('given cases, when 1.3 is asked by quarter, then each value is the cumulative percent, null while nobody is identified', () => {
    const view = twoCases().engine().series('1.3', 'quarter');

    expect(view.points.map((p) => [p.period, p.value, p.cumulative, p.expected])).toEqual([
      ['2014-Q3', null, null, 80],
      ['2014-Q4', null, null, 80],
      ['2015-Q1', 0, 0, 80], // 100 * 0 / 1
      ['2015-Q2', 50, 50, 80], // 100 * 1 / 2
      ['2015-Q3', 50, 50, 80],
      ['2015-Q4', 50, 50, 80],
      ['2016-Q1', 50, 50, 80],
      ['2016-Q2', 50, 50, 80],
      ['2016-Q3', 50, 50, 80],
      ['2016-Q4', 50, 50, 80],
    ]);
  });

  it('given cases, when 1.3 is asked by year, then each year holds the percent at its end', () => {
    const view = twoCases().engine().series('1.3', 'year');

    expect(view.points).toEqual([
      { period: '2014', start: '2014-09-01', end: '2014-12-31', value: null, cumulative: null, expected: 80 },
      { period: '2015', start: '2015-01-01', end: '2015-12-31', value: 50, cumulative: 50, expected: 80 },
      { period: '2016', start: '2016-01-01', end: '2016-12-31', value: 50, cumulative: 50, expected: 80 },
    ]);
  });

  it('given tested trainings, when 2.4 is asked by year, then the value is the cumulative share, not a per-year share', () => {
    const h = history();
    h.training('T1', '2014-10-01', { female: 5, male: 5, test: { tested: 10, improved: 10 } });
    h.training('T2', '2015-06-01', { female: 5, male: 5, test: { tested: 10, improved: 0 } });

    const view = h.engine().series('2.4', 'year');

    expect(view.points.map((p) => [p.value, p.cumulative, p.expected])).toEqual([
      [100, 100, 70], // 100 * 10 / 10
      [50, 50, 70], // 100 * 10 / 20 (2015 alone would be 0)
      [50, 50, 70],
    ]);
  });
});

describe('series by year', () => {
  it('given trainings in each year, when 2.1 is asked by year, then each year holds its own sum and the targets are expected at year ends', () => {
    const h = history();
    h.training('T1', '2014-10-01', { female: 6, male: 4 });
    h.training('T2', '2015-05-01', { female: 20, male: 10 });
    h.training('T3', '2016-02-01', { female: 5, male: 20 });

    expect(h.engine().series('2.1', 'year').points).toEqual([
      { period: '2014', start: '2014-09-01', end: '2014-12-31', value: 10, cumulative: 10, expected: 20 },
      { period: '2015', start: '2015-01-01', end: '2015-12-31', value: 30, cumulative: 40, expected: 90 },
      { period: '2016', start: '2016-01-01', end: '2016-12-31', value: 25, cumulative: 65, expected: 150 },
    ]);
  });

  it('given five cases, when 1.1 is asked by year mid-2015, then 2015 ends on that date', () => {
    const view = fiveCases().h.engine().series('1.1', 'year', { asOf: '2015-08-20' });

    expectPoints(view.points, [
      { period: '2014', start: '2014-09-01', end: '2014-12-31', value: 2, cumulative: 2, expected: 5 },
      { period: '2015', start: '2015-01-01', end: '2015-08-20', value: 2, cumulative: 4, expected: 24.068493150684933 }, // 5 + 30 * 232/365
    ]);
  });

  it('given an unknown indicator code, when its series is asked, then the engine refuses it', () => {
    expect(() => history().engine().series('9.9', 'year')).toThrow();
  });
});
