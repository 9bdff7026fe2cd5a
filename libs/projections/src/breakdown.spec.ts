import { describe, expect, it } from 'vitest';
import { history, indicatorOf } from './testing/history.js';
import type { BreakdownCell } from './views.js';

/** DOMAIN.md, "Breakdowns": non-zero keys, largest first, ties by key, cells add up to the value. */

const shown = (entries: Array<[string, number]>): BreakdownCell[] =>
  entries.map(([key, value]) => ({ key, value, suppressed: false }));

/** Five cases with varied attributes, and some assistance. */
function fiveCases() {
  const h = history();
  h.case('C1', '2015-01-10', { sex: 'female', ageGroup: 'adult', nationality: 'NG', exploitationType: 'sexual', referredBy: 'cso' });
  h.case('C2', '2015-02-10', { sex: 'female', ageGroup: 'minor', nationality: 'NG', exploitationType: 'labour', referredBy: 'government' });
  h.case('C3', '2015-03-10', { sex: 'male', ageGroup: 'adult', nationality: 'CM', exploitationType: 'labour', referredBy: 'iom' });
  h.case('C4', '2015-04-10', { sex: 'female', ageGroup: 'adult', nationality: 'SN', exploitationType: 'domestic_servitude', referredBy: 'self' });
  h.case('C5', '2015-05-10', { sex: 'male', ageGroup: 'adult', nationality: 'NG', exploitationType: 'sexual', referredBy: 'cso' });
  h.assist('C1', '2015-06-01', 'avrr_return');
  h.assist('C2', '2015-06-01', 'medical');
  h.assist('C3', '2015-06-01', 'avrr_return');
  h.assist('C3', '2015-07-01', 'reintegration');
  h.assist('C5', '2015-07-01', 'reintegration');
  return h;
}

describe('breakdowns of victim indicators by case attribute', () => {
  it.each([
    ['sex', [['female', 3], ['male', 2]]],
    ['ageGroup', [['adult', 4], ['minor', 1]]],
    ['nationality', [['NG', 3], ['CM', 1], ['SN', 1]]], // CM and SN tie: key order
    ['exploitationType', [['labour', 2], ['sexual', 2], ['domestic_servitude', 1]]],
    ['referredBy', [['cso', 2], ['government', 1], ['iom', 1], ['self', 1]]],
  ] as const)('given five cases, when 1.1 is broken down by %s, then the cells are largest first, ties by key', (by, cells) => {
    const view = fiveCases().engine().breakdown('1.1', by);

    expect(view).toMatchObject({ code: '1.1', by, asOf: '2016-12-31', position: 10, withheld: false });
    expect(view.cells).toEqual(shown(cells.map(([k, v]) => [k, v])));
  });

  it('given five cases, when 1.2, 3.1 and 3.2 are broken down, then only the assisted, returned or reintegrated cases are in the cells', () => {
    const e = fiveCases().engine();

    expect(e.breakdown('1.2', 'sex').cells).toEqual(shown([['female', 2], ['male', 2]])); // C1, C2 | C3, C5
    expect(e.breakdown('1.2', 'nationality').cells).toEqual(shown([['NG', 3], ['CM', 1]])); // C1, C2, C5 | C3
    expect(e.breakdown('3.1', 'sex').cells).toEqual(shown([['female', 1], ['male', 1]])); // C1 | C3
    expect(e.breakdown('3.1', 'exploitationType').cells).toEqual(shown([['labour', 1], ['sexual', 1]]));
    expect(e.breakdown('3.2', 'sex').cells).toEqual(shown([['male', 2]])); // C3, C5
    expect(e.breakdown('3.2', 'referredBy').cells).toEqual(shown([['cso', 1], ['iom', 1]]));
  });

  it('given five cases, when every victim breakdown is summed, then its cells add up to the indicator value', () => {
    const e = fiveCases().engine();
    const values = { '1.1': 5, '1.2': 4, '3.1': 2, '3.2': 2 }; // C1-C5 | C1,C2,C3,C5 | C1,C3 | C3,C5

    for (const [code, value] of Object.entries(values)) {
      expect(indicatorOf(e.indicators(), code).value).toBe(value);
      for (const by of ['sex', 'ageGroup', 'nationality', 'exploitationType', 'referredBy'] as const) {
        const sum = e.breakdown(code, by).cells.reduce((s, c) => s + (c.value ?? 0), 0);
        expect(sum, `${code} by ${by}`).toBe(value);
      }
    }
  });

  it('given five cases, when broken down as of a date, then only cases identified by then count', () => {
    const view = fiveCases().engine().breakdown('1.1', 'sex', { asOf: '2015-03-31' });

    expect(view.asOf).toBe('2015-03-31');
    expect(view.cells).toEqual(shown([['female', 2], ['male', 1]])); // C1, C2 | C3
  });

  it('given five cases, when broken down at an earlier position, then only the records known then count', () => {
    const view = fiveCases().engine().breakdown('1.1', 'nationality', { atPosition: 3 });

    expect(view.position).toBe(3);
    expect(view.cells).toEqual(shown([['NG', 2], ['CM', 1]])); // C1, C2 | C3
  });

  it('given five cases, when broken down before the start or at position 0, then there are no cells', () => {
    const e = fiveCases().engine();

    expect(e.breakdown('1.1', 'sex', { asOf: '2014-08-31' })).toMatchObject({ withheld: false, cells: [] });
    expect(e.breakdown('1.1', 'sex', { atPosition: 0 })).toMatchObject({ withheld: false, cells: [] });
  });

  it('given the only case of a nationality voided, when broken down, then that key is not listed', () => {
    const h = history();
    h.case('C1', '2015-01-10', { nationality: 'NG' });
    const c2 = h.case('C2', '2015-01-10', { nationality: 'CM' });
    h.void(c2);

    expect(h.engine().breakdown('1.1', 'nationality').cells).toEqual(shown([['NG', 1]]));
  });

  it('given a case whose only assistance is voided, when 1.2 is broken down, then it has no cells', () => {
    const h = history();
    h.case('C1', '2015-01-10');
    const a = h.assist('C1', '2015-01-11');
    h.void(a);

    expect(h.engine().breakdown('1.2', 'sex').cells).toEqual([]);
  });
});

describe('breakdowns of trainings', () => {
  function trainings() {
    const h = history();
    h.training('G1', '2015-01-10', { audience: 'government', region: 'oriental', female: 7, male: 5 });
    h.training('G2', '2015-06-10', { audience: 'government', region: 'souss-massa', female: 0, male: 11 });
    h.training('G3', '2015-09-10', { audience: 'government', region: 'oriental', female: 3, male: 0 });
    h.training('K1', '2015-02-10', { audience: 'cso', region: 'fes-meknes', female: 4, male: 4 });
    h.training('K2', '2015-03-10', { audience: 'cso', region: 'oriental', female: 2, male: 6 });
    h.training('I1', '2015-04-10', { audience: 'iom_staff', region: 'rabat-sale-kenitra', female: 0, male: 3 });
    return h;
  }

  it('given government trainings, when 2.1 is broken down by sex, then the cells are the female and male participant sums', () => {
    const e = trainings().engine();

    expect(indicatorOf(e.indicators(), '2.1').value).toBe(26); // 12 + 11 + 3
    expect(e.breakdown('2.1', 'sex').cells).toEqual(shown([['male', 16], ['female', 10]])); // 5+11+0 | 7+0+3
  });

  it('given government trainings, when 2.1 is broken down by region, then each region sums its participants', () => {
    expect(trainings().engine().breakdown('2.1', 'region').cells).toEqual(shown([['oriental', 15], ['souss-massa', 11]])); // 12+3 | 11
  });

  it('given CSO trainings with equal regional sums, when 2.2 is broken down by region, then ties go by key', () => {
    const e = trainings().engine();

    expect(e.breakdown('2.2', 'region').cells).toEqual(shown([['fes-meknes', 8], ['oriental', 8]]));
    expect(e.breakdown('2.2', 'sex').cells).toEqual(shown([['male', 10], ['female', 6]])); // 4+6 | 4+2
  });

  it('given an IOM training of men only, when 2.3 is broken down by sex, then the zero female cell is not listed', () => {
    const e = trainings().engine();

    expect(e.breakdown('2.3', 'sex').cells).toEqual(shown([['male', 3]]));
    expect(e.breakdown('2.3', 'region').cells).toEqual(shown([['rabat-sale-kenitra', 3]]));
  });

  it('given trainings, when broken down as of a date, then only trainings held by then count', () => {
    const e = trainings().engine();

    expect(e.breakdown('2.1', 'sex', { asOf: '2015-05-01' }).cells).toEqual(shown([['female', 7], ['male', 5]])); // G1 only
    expect(e.breakdown('2.1', 'region', { asOf: '2015-05-01' }).cells).toEqual(shown([['oriental', 12]]));
  });
});

describe('breakdowns of CSOs by region', () => {
  it('given mapped, assessed and partnered CSOs, when 2.5–2.7 are broken down by region, then each counts its own CSOs', () => {
    const h = history();
    h.cso('S1', '2014-10-01', 'oriental');
    h.assess('S1', '2014-12-01');
    h.agree('S1', '2015-03-01');
    h.cso('S2', '2014-10-02', 'fes-meknes');
    h.assess('S2', '2015-01-05');
    h.cso('S3', '2014-10-03', 'oriental');
    h.cso('S4', '2015-02-01', 'draa-tafilalet');
    h.agree('S4', '2015-04-01');
    const e = h.engine();

    expect(e.breakdown('2.5', 'region').cells).toEqual(shown([['oriental', 2], ['draa-tafilalet', 1], ['fes-meknes', 1]]));
    expect(e.breakdown('2.6', 'region').cells).toEqual(shown([['fes-meknes', 1], ['oriental', 1]]));
    expect(e.breakdown('2.7', 'region').cells).toEqual(shown([['draa-tafilalet', 1], ['oriental', 1]]));
    expect(e.breakdown('2.6', 'region', { asOf: '2014-12-31' }).cells).toEqual(shown([['oriental', 1]]));
  });
});

describe('breakdowns that do not exist', () => {
  it('given a percent indicator, when a breakdown is asked, then the engine refuses it (count indicators only)', () => {
    const e = history().engine();

    expect(() => e.breakdown('1.3', 'sex')).toThrow();
    expect(() => e.breakdown('2.4', 'region')).toThrow();
  });

  it('given a dimension the indicator does not have, when a breakdown is asked, then the engine refuses it', () => {
    const e = history().engine();

    expect(() => e.breakdown('2.1', 'nationality')).toThrow();
    expect(() => e.breakdown('1.1', 'region')).toThrow();
    expect(() => e.breakdown('2.5', 'sex')).toThrow();
  });
});
