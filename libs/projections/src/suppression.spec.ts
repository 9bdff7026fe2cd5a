import { describe, expect, it } from 'vitest';
import { suppress } from './suppression.js';
import { history, type CaseAttributes } from './testing/history.js';
import type { BreakdownCell } from './views.js';

/** DOMAIN.md, "Small-cell suppression" (the donor's view of 1.1, 1.2, 3.1 and 3.2 breakdowns). */

const cell = (key: string, value: number): BreakdownCell => ({ key, value, suppressed: false });
const hidden = (key: string): BreakdownCell => ({ key, value: null, suppressed: true });
const FIVE = { threshold: 5 };
const ELEVEN = { threshold: 11 };

describe('suppression rule', () => {
  it('given a total below the threshold, when suppressed, then the breakdown is withheld whole', () => {
    expect(suppress(4, [{ key: 'female', value: 4 }], 5)).toEqual({ withheld: true, cells: [] });
    expect(suppress(10, [{ key: 'a', value: 6 }, { key: 'b', value: 4 }], 11)).toEqual({ withheld: true, cells: [] });
  });

  it('given a total at the threshold in one cell, when suppressed, then that cell is shown', () => {
    expect(suppress(5, [{ key: 'female', value: 5 }], 5)).toEqual({ withheld: false, cells: [cell('female', 5)] });
  });

  it('given two small cells, when suppressed, then both are hidden and listed after the shown cells in key order', () => {
    const result = suppress(10, [{ key: 'c', value: 5 }, { key: 'b', value: 1 }, { key: 'a', value: 4 }], 5);

    expect(result).toEqual({ withheld: false, cells: [cell('c', 5), hidden('a'), hidden('b')] });
  });

  it('given exactly one small cell, when suppressed, then the smallest other cell is hidden too', () => {
    const result = suppress(22, [{ key: 'x', value: 2 }, { key: 'big', value: 13 }, { key: 'mid', value: 7 }], 5);

    expect(result.cells).toEqual([cell('big', 13), hidden('mid'), hidden('x')]);
  });

  it('given exactly one small cell and a tie for the smallest other, when suppressed, then the first key is hidden', () => {
    const result = suppress(15, [{ key: 'x', value: 3 }, { key: 'b', value: 6 }, { key: 'a', value: 6 }], 5);

    expect(result.cells).toEqual([cell('b', 6), hidden('a'), hidden('x')]);
  });

  it('given cells at T-1 and at T, when suppressed, then T-1 is hidden and T is shown', () => {
    const result = suppress(20, [{ key: 'a', value: 4 }, { key: 'b', value: 5 }, { key: 'c', value: 11 }], 5);

    // a (4 = T-1) is the only small cell: the smallest other, b (5), goes too
    expect(result.cells).toEqual([cell('c', 11), hidden('a'), hidden('b')]);
  });

  it('given shown cells that tie, when suppressed, then they are largest first, ties by key', () => {
    const result = suppress(26, [{ key: 'z', value: 8 }, { key: 'm', value: 8 }, { key: 'a', value: 10 }], 5);

    expect(result.cells).toEqual([cell('a', 10), cell('m', 8), cell('z', 8)]);
  });

  it('given the threshold 11, when suppressed, then every cell from 1 to 10 is hidden', () => {
    const result = suppress(33, [{ key: 'a', value: 10 }, { key: 'b', value: 11 }, { key: 'c', value: 1 }, { key: 'd', value: 11 }], 11);

    expect(result.cells).toEqual([cell('b', 11), cell('d', 11), hidden('a'), hidden('c')]);
  });
});

/** Twelve cases: nationality NG 6, CM 5, SN 1; female 7, male 5; all adults; … */
function twelveCases(date = '2015-02-01') {
  const h = history();
  for (let i = 1; i <= 12; i++) {
    const attributes: CaseAttributes = {
      nationality: i <= 6 ? 'NG' : i <= 11 ? 'CM' : 'SN',
      sex: i <= 7 ? 'female' : 'male',
      ageGroup: 'adult',
      exploitationType: i <= 6 ? 'sexual' : i <= 10 ? 'labour' : 'begging',
      referredBy: i <= 10 ? 'cso' : i === 11 ? 'iom' : 'self',
    };
    h.case(`C${i}`, date, attributes);
  }
  return h;
}

describe('donor breakdowns of victim indicators, threshold 5', () => {
  const e = twelveCases().engine();

  it('given twelve cases, when broken down by sex for the donor, then no cell is below 5 and nothing is hidden', () => {
    expect(e.breakdown('1.1', 'sex', {}, FIVE)).toMatchObject({ withheld: false, cells: [cell('female', 7), cell('male', 5)] });
  });

  it('given exactly one small nationality, when broken down for the donor, then the smallest other nationality is hidden too', () => {
    // SN 1 is the only cell in 1..4; the smallest other is CM 5
    expect(e.breakdown('1.1', 'nationality', {}, FIVE).cells).toEqual([cell('NG', 6), hidden('CM'), hidden('SN')]);
  });

  it('given two small cells, when broken down for the donor, then they follow in key order, not by size', () => {
    // labour 4 and begging 2 are small; key order puts begging first although it is smaller
    expect(e.breakdown('1.1', 'exploitationType', {}, FIVE).cells).toEqual([cell('sexual', 6), hidden('begging'), hidden('labour')]);
    expect(e.breakdown('1.1', 'referredBy', {}, FIVE).cells).toEqual([cell('cso', 10), hidden('iom'), hidden('self')]);
  });

  it('given the donor view, when broken down, then the answer names the threshold in force (shown as "< 5"), and a manager\'s does not', () => {
    expect(e.breakdown('1.1', 'nationality', {}, FIVE).threshold).toBe(5);
    expect(e.breakdown('1.1', 'nationality', {}, ELEVEN).threshold).toBe(11);
    expect(e.breakdown('1.1', 'nationality', {})).not.toHaveProperty('threshold');
  });

  it('given a single cell of 12, when broken down for the donor, then it is shown', () => {
    expect(e.breakdown('1.1', 'ageGroup', {}, FIVE).cells).toEqual([cell('adult', 12)]);
  });

  it('given fewer than 5 cases, when broken down for the donor, then the breakdown is withheld whole', () => {
    const h = history();
    for (let i = 1; i <= 4; i++) h.case(`C${i}`, '2015-02-01', { sex: i <= 2 ? 'female' : 'male' });

    expect(h.engine().breakdown('1.1', 'sex', {}, FIVE)).toMatchObject({ withheld: true, cells: [] });
  });

  it('given fewer than 5 returned cases among many identified, when 3.1 is broken down for the donor, then it is withheld', () => {
    const h = twelveCases();
    for (let i = 1; i <= 4; i++) h.assist(`C${i}`, '2015-03-01', 'avrr_return');

    expect(h.engine().breakdown('3.1', 'sex', {}, FIVE)).toMatchObject({ withheld: true, cells: [] });
    expect(h.engine().breakdown('1.1', 'sex', {}, FIVE).withheld).toBe(false);
  });

  it('given assisted and reintegrated cases, when 1.2 and 3.2 are broken down for the donor, then they are suppressed too', () => {
    const h = twelveCases();
    for (let i = 1; i <= 6; i++) h.assist(`C${i}`, '2015-03-01', 'medical'); // 1.2: C1-C6, all NG, all female
    h.assist('C8', '2015-03-01', 'reintegration'); // 1.2: + C8 (CM, male)
    for (let i = 9; i <= 12; i++) h.assist(`C${i}`, '2015-03-01', 'reintegration'); // 3.2: C8-C12, all male
    const e2 = h.engine();

    // 1.2 = 11: female 6, male 5 (C8-C12) → nothing small
    expect(e2.breakdown('1.2', 'sex', {}, FIVE).cells).toEqual([cell('female', 6), cell('male', 5)]);
    // 1.2 by nationality: NG 6, CM 4 (C8-C11), SN 1 (C12) → two small
    expect(e2.breakdown('1.2', 'nationality', {}, FIVE).cells).toEqual([cell('NG', 6), hidden('CM'), hidden('SN')]);
    // 3.2 = 5 (C8-C12): CM 4, SN 1 → both small
    expect(e2.breakdown('3.2', 'nationality', {}, FIVE)).toMatchObject({ withheld: false, cells: [hidden('CM'), hidden('SN')] });
  });

  it('given one small cell and two others tied for the smallest, when broken down for the donor, then the first key of the tie is hidden', () => {
    const h = history();
    for (let i = 1; i <= 14; i++) {
      h.case(`C${i}`, '2015-02-01', { nationality: i <= 6 ? 'NG' : i <= 12 ? 'CM' : 'SN', sex: i % 2 === 0 ? 'female' : 'male' });
    }
    const e2 = h.engine();

    // NG 6, CM 6, SN 2: SN is the only small cell; NG and CM tie at 6, CM is the first key
    expect(e2.breakdown('1.1', 'nationality', {}, FIVE).cells).toEqual([cell('NG', 6), hidden('CM'), hidden('SN')]);
    // female 7, male 7: a tie among shown cells goes by key
    expect(e2.breakdown('1.1', 'sex', {}, FIVE).cells).toEqual([cell('female', 7), cell('male', 7)]);
  });

  it('given no donor, when the same breakdown is asked, then every cell is shown', () => {
    expect(e.breakdown('1.1', 'nationality').cells).toEqual([cell('NG', 6), cell('CM', 5), cell('SN', 1)]);
  });
});

describe('donor breakdowns of victim indicators, threshold 11', () => {
  it('given twelve cases, when broken down for a donor with threshold 11, then every cell from 1 to 10 is hidden', () => {
    const e = twelveCases().engine();

    expect(e.breakdown('1.1', 'sex', {}, ELEVEN).cells).toEqual([hidden('female'), hidden('male')]);
    expect(e.breakdown('1.1', 'nationality', {}, ELEVEN).cells).toEqual([hidden('CM'), hidden('NG'), hidden('SN')]);
    expect(e.breakdown('1.1', 'ageGroup', {}, ELEVEN).cells).toEqual([cell('adult', 12)]);
  });

  it('given ten cases, when broken down for a donor with threshold 11, then the breakdown is withheld; with eleven it is not', () => {
    const h = history();
    for (let i = 1; i <= 10; i++) h.case(`C${i}`, '2015-02-01');
    expect(h.engine().breakdown('1.1', 'sex', {}, ELEVEN)).toMatchObject({ withheld: true, cells: [] });

    h.case('C11', '2015-02-01');
    expect(h.engine().breakdown('1.1', 'sex', {}, ELEVEN)).toMatchObject({ withheld: false, cells: [cell('female', 11)] });
  });

  it('given one small cell at threshold 11, when broken down, then the smallest other cell is hidden too', () => {
    const h = history();
    for (let i = 1; i <= 25; i++) h.case(`C${i}`, '2015-02-01', { nationality: i <= 13 ? 'NG' : i <= 24 ? 'CM' : 'SN' });

    // NG 13, CM 11, SN 1: SN is the only cell in 1..10; the smallest other is CM 11
    expect(h.engine().breakdown('1.1', 'nationality', {}, ELEVEN).cells).toEqual([cell('NG', 13), hidden('CM'), hidden('SN')]);
  });
});

describe('the donor sees quarter ends at the head', () => {
  /** Five women identified in 2015-Q1, a man on 2015-05-10, recorded in that order. */
  function quarterHistory() {
    const h = history();
    for (let i = 1; i <= 5; i++) h.case(`F${i}`, `2015-0${Math.min(i, 3)}-1${i}`, { sex: 'female' });
    h.case('M1', '2015-05-10', { sex: 'male' });
    return h;
  }

  it('given a date mid-quarter, when broken down for the donor, then it is as of the last quarter end and says so', () => {
    const view = quarterHistory().engine().breakdown('1.1', 'sex', { asOf: '2015-06-15' }, FIVE);

    expect(view).toMatchObject({ asOf: '2015-03-31', withheld: false, cells: [cell('female', 5)] });
  });

  it('given a quarter end, when broken down for the donor, then it is as of that very date', () => {
    const view = quarterHistory().engine().breakdown('1.1', 'sex', { asOf: '2015-06-30' }, FIVE);

    // female 5, male 1: male is the only small cell, so female goes too
    expect(view).toMatchObject({ asOf: '2015-06-30', withheld: false, cells: [hidden('female'), hidden('male')] });
  });

  it('given the same date without a donor, when broken down, then it is as of that date', () => {
    const view = quarterHistory().engine().breakdown('1.1', 'sex', { asOf: '2015-06-15' });

    expect(view).toMatchObject({ asOf: '2015-06-15', cells: [cell('female', 5), cell('male', 1)] });
  });

  it('given no date, when broken down for the donor, then it is as of the project end', () => {
    expect(quarterHistory().engine().breakdown('1.1', 'sex', {}, FIVE).asOf).toBe('2016-12-31');
  });

  it('given a date after the end, when broken down for the donor, then it is as of 2016-12-31', () => {
    expect(quarterHistory().engine().breakdown('1.1', 'sex', { asOf: '2017-02-10' }, FIVE).asOf).toBe('2016-12-31');
  });

  it('given a date in the first, partial quarter, when broken down for the donor, then it is as of 2014-06-30 and withheld', () => {
    const h = history();
    for (let i = 1; i <= 6; i++) h.case(`C${i}`, '2014-09-02');

    expect(h.engine().breakdown('1.1', 'sex', { asOf: '2014-09-20' }, FIVE)).toMatchObject({
      asOf: '2014-06-30', // before the project: nothing counts
      withheld: true,
      cells: [],
    });
  });

  it('given an asOf that is not a real date, when broken down for the donor, then the engine refuses it as it does for everyone', () => {
    const e = quarterHistory().engine();

    expect(() => e.breakdown('1.1', 'sex', { asOf: '2015-02-30' })).toThrow();
    expect(() => e.breakdown('1.1', 'sex', { asOf: '2015-02-30' }, FIVE)).toThrow();
    expect(() => e.breakdown('1.1', 'sex', { asOf: '2015-13-01' }, FIVE)).toThrow();
  });

  it('given an atPosition, when broken down for the donor, then it is ignored: the answer is at the head', () => {
    const e = quarterHistory().engine();

    for (const atPosition of [0, 3]) {
      const view = e.breakdown('1.1', 'sex', { asOf: '2015-06-30', atPosition }, FIVE);
      expect(view.position).toBe(6);
      expect(view.cells).toEqual([hidden('female'), hidden('male')]);
    }
  });

  it('given a later void, when broken down for the donor at an old position, then the void already applies (head)', () => {
    const h = quarterHistory();
    const extra = h.case('F6', '2015-01-20', { sex: 'female' }); // 7
    h.void(extra); // 8

    const view = h.engine().breakdown('1.1', 'sex', { asOf: '2015-03-31', atPosition: 7 }, FIVE);
    expect(view).toMatchObject({ position: 8, cells: [cell('female', 5)] }); // F6 voided at the head
  });
});

describe('donor breakdowns of non-sensitive indicators', () => {
  it('given small regional sums of trainees, when 2.1 is broken down for the donor, then nothing is hidden or withheld', () => {
    const h = history();
    h.training('T1', '2015-01-10', { region: 'oriental', female: 1, male: 2 });
    h.training('T2', '2015-01-11', { region: 'souss-massa', female: 0, male: 1 });
    const e = h.engine();

    expect(e.breakdown('2.1', 'region', {}, FIVE)).toMatchObject({
      withheld: false, // 2.1 = 4 < 5, yet not withheld
      cells: [cell('oriental', 3), cell('souss-massa', 1)],
    });
    expect(e.breakdown('2.1', 'sex', {}, ELEVEN).cells).toEqual([cell('male', 3), cell('female', 1)]);
  });

  it('given a single mapped CSO, when 2.5–2.7 are broken down for the donor, then their cells are shown', () => {
    const h = history();
    h.cso('S1', '2014-10-01', 'oriental');
    h.assess('S1', '2014-10-02');
    h.agree('S1', '2014-10-03');
    const e = h.engine();

    for (const code of ['2.5', '2.6', '2.7']) {
      expect(e.breakdown(code, 'region', {}, FIVE)).toMatchObject({ withheld: false, cells: [cell('oriental', 1)] });
    }
  });
});
