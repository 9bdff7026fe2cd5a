import { describe, expect, it } from 'vitest';
import { iatiResults } from './iati-results.js';
import { indicatorTable } from './indicator-table.js';
import { history } from './testing/history.js';

/** A small history across two project years, with a void and a target revision. */
function twoYears() {
  const h = history();
  h.training('T1', '2014-11-05', { audience: 'government', region: 'oriental', female: 4, male: 6, test: { tested: 10, improved: 7 } });
  const t2 = h.training('T2', '2015-03-10', { audience: 'government', region: 'souss-massa', female: 5, male: 0 });
  h.training('T3', '2015-09-01', { audience: 'government', region: 'oriental', female: 1, male: 2 });
  h.void(t2);
  h.case('C1', '2014-12-01');
  h.case('C2', '2015-02-01', { sex: 'male' });
  h.assist('C1', '2015-01-15', 'avrr_return');
  h.target('2.1', '2015', 80);
  return h;
}

const periodsOf = (results: ReturnType<typeof iatiResults>, code: string) =>
  results.flatMap((r) => r.indicators).find((i) => i.code === code)!.periods;

describe('the IATI results model', () => {
  it('given two project years, when asked as of mid-2015, then each indicator has the 2014 and 2015 periods with the year target in effect and the value as of the earlier of period end and asOf', () => {
    const h = twoYears();
    const results = iatiResults(h.engine(), '2015-06-30', h.head);
    expect(results.map((r) => r.objective)).toEqual(['OS1', 'OS2', 'OS3']);
    const p21 = periodsOf(results, '2.1');
    expect(p21.map((p) => [p.start, p.end, p.target, p.actual])).toEqual([
      ['2014-09-01', '2014-12-31', 20, 10],
      ['2015-01-01', '2015-12-31', 80, 10], // T2 is void, T3 is after asOf; 80: the revision in effect
    ]);
    expect(p21[0].cells).toEqual([
      { dimension: 'sex', key: 'male', value: 6 },
      { dimension: 'sex', key: 'female', value: 4 },
      { dimension: 'region', key: 'oriental', value: 10 },
    ]);
    expect(periodsOf(results, '2.4').map((p) => [p.target, p.actual])).toEqual([[null, 70], [null, 70]]);
  });

  it('given victims, when the model is built, then victim-related indicators carry no breakdown cell, and an undefined percent has a null actual', () => {
    const h = twoYears();
    const results = iatiResults(h.engine(), '2016-12-31', h.head);
    for (const code of ['1.1', '1.2', '1.3', '3.1', '3.2', '3.3']) for (const p of periodsOf(results, code)) expect(p.cells).toEqual([]);
    expect(periodsOf(results, '1.1').map((p) => p.actual)).toEqual([1, 2, 2]);
    expect(periodsOf(results, '3.3').map((p) => p.actual)).toEqual([null, 0, 0]); // 3.1 is 0 in 2014: undefined
    expect(periodsOf(results, '1.3').map((p) => p.actual)).toEqual([0, 50, 50]);
  });

  it('given a date before the project start, when the model is built, then there is no period; at an earlier position, the values known then', () => {
    const h = twoYears();
    expect(periodsOf(iatiResults(h.engine(), '2014-08-31', h.head), '2.1')).toEqual([]);
    const p21 = periodsOf(iatiResults(h.engine(), '2016-12-31', 1), '2.1');
    expect(p21.map((p) => [p.target, p.actual])).toEqual([[20, 10], [90, 10], [150, 10]]);
  });
});

describe('the indicator table', () => {
  it('given an evaluation, when tabulated in German, then one row per indicator in logframe order, the German title, null for absent members', () => {
    const h = twoYears();
    const rows = indicatorTable(h.engine().indicators({ asOf: '2015-12-31' }), 'de');
    expect(rows.map((r) => r.code)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '3.1', '3.2', '3.3']);
    expect(rows[0]).toEqual({
      code: '1.1', objective: 'OS1', indicator: 'Identifizierte und weitervermittelte mutmaßliche Opfer', unit: 'count',
      baseline: 0, target: 60, expected: 35, value: 2, numerator: null, denominator: null, status: 'red',
    });
    expect(rows[2]).toMatchObject({ unit: 'percent', value: 50, numerator: 1, denominator: 2, target: 80, expected: 80 });
  });
});
