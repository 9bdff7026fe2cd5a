import { describe, expect, it } from 'vitest';
import { history, indicatorOf, NOTHING_COUNTS, valuesOf } from './testing/history.js';

/**
 * The indicator engine on small hand-made histories (DOMAIN.md, "How indicators are computed",
 * steps 1–5). Every expected number is worked out by hand from DOMAIN.md.
 */

describe('the thirteen indicators', () => {
  /** Six cases, four trainings, three CSOs: each indicator gets a value of its own. */
  function everyIndicator() {
    const h = history();
    h.case('C1', '2015-01-10');
    h.assist('C1', '2015-01-12', 'medical');
    h.assist('C1', '2015-01-20', 'shelter');
    h.case('C2', '2015-02-01');
    h.assist('C2', '2015-02-10', 'avrr_return');
    h.assist('C2', '2015-03-01', 'reintegration');
    h.case('C3', '2015-02-15');
    h.assist('C3', '2015-02-20', 'avrr_return');
    h.assist('C3', '2015-04-20', 'avrr_return');
    h.case('C4', '2015-03-01');
    h.assist('C4', '2015-03-02', 'reintegration');
    h.case('C5', '2015-03-10');
    h.close('C5', '2015-05-01', 'lost_contact');
    h.case('C6', '2015-04-01');
    h.assist('C6', '2015-04-05', 'avrr_return');
    h.training('T1', '2015-02-01', { audience: 'government', female: 7, male: 5, test: { tested: 10, improved: 6 } });
    h.training('T2', '2015-10-01', { audience: 'government', female: 3, male: 8 });
    h.training('T3', '2015-03-01', { audience: 'cso', female: 9, male: 6, test: { tested: 15, improved: 12 } });
    h.training('T4', '2015-04-01', { audience: 'iom_staff', female: 2, male: 2, test: { tested: 4, improved: 1 } });
    h.cso('S1', '2014-10-01', 'oriental');
    h.assess('S1', '2014-11-01');
    h.assess('S1', '2015-06-01');
    h.agree('S1', '2015-07-01');
    h.cso('S2', '2014-10-15', 'fes-meknes');
    h.assess('S2', '2015-02-01');
    h.cso('S3', '2015-01-10', 'oriental');
    return h;
  }

  it('given a history touching every indicator, when evaluated at the end, then each has its hand-computed value', () => {
    const view = everyIndicator().engine().indicators();

    expect(valuesOf(view)).toEqual({
      '1.1': 6, // C1..C6
      '1.2': 5, // C1, C2, C3, C4, C6 (C5 had no assistance)
      '1.3': 83.33333333333333, // 100 * 5 / 6
      '2.1': 23, // T1 (7+5) + T2 (3+8)
      '2.2': 15, // T3 9+6
      '2.3': 4, // T4 2+2
      '2.4': 65.51724137931035, // 100 * (6+12+1) / (10+15+4) = 100 * 19 / 29
      '2.5': 3, // S1, S2, S3
      '2.6': 2, // S1 (twice), S2
      '2.7': 1, // S1
      '3.1': 3, // C2, C3 (twice), C6
      '3.2': 2, // C2, C4
      '3.3': 33.333333333333336, // 100 * 1 (C2 has both) / 3
    });
  });

  it('given that history, when evaluated, then percent indicators carry their numerator and denominator', () => {
    const view = everyIndicator().engine().indicators();

    expect(indicatorOf(view, '1.3')).toMatchObject({ numerator: 5, denominator: 6 });
    expect(indicatorOf(view, '2.4')).toMatchObject({ numerator: 19, denominator: 29 });
    expect(indicatorOf(view, '3.3')).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('given any history, when evaluated, then the answer lists the 13 indicators of the logframe in order with objective, unit, baseline and EOP target', () => {
    const view = history().engine().indicators();

    expect(view.indicators.map((i) => [i.code, i.objective, i.unit, i.baseline, i.target])).toEqual([
      ['1.1', 'OS1', 'count', 0, 60],
      ['1.2', 'OS1', 'count', 0, 50],
      ['1.3', 'OS1', 'percent', 0, 80],
      ['2.1', 'OS2', 'count', 0, 150],
      ['2.2', 'OS2', 'count', 0, 100],
      ['2.3', 'OS2', 'count', 0, 20],
      ['2.4', 'OS2', 'percent', 0, 70],
      ['2.5', 'OS2', 'count', 0, 40],
      ['2.6', 'OS2', 'count', 0, 20],
      ['2.7', 'OS2', 'count', 0, 6],
      ['3.1', 'OS3', 'count', 0, 30],
      ['3.2', 'OS3', 'count', 0, 25],
      ['3.3', 'OS3', 'percent', 0, 80],
    ]);
  });

  it('given an empty log, when evaluated, then counts are 0 and percents are null with status no-data', () => {
    const view = history().engine().indicators();

    expect(valuesOf(view)).toEqual(NOTHING_COUNTS);
    for (const code of ['1.3', '2.4', '3.3']) {
      expect(indicatorOf(view, code)).toMatchObject({ value: null, numerator: 0, denominator: 0, status: 'no-data' });
    }
  });

  it('given a case assisted several times, when 1.1 and 1.2 are evaluated, then the case counts once in each', () => {
    const h = history();
    h.case('C1', '2015-01-10');
    h.assist('C1', '2015-01-11', 'medical');
    h.assist('C1', '2015-01-12', 'legal');
    h.assist('C1', '2015-01-13', 'psychosocial');

    const view = h.engine().indicators();

    expect(indicatorOf(view, '1.1').value).toBe(1);
    expect(indicatorOf(view, '1.2').value).toBe(1);
    expect(indicatorOf(view, '1.3').value).toBe(100); // 100 * 1 / 1
  });

  it('given every assistance type, when 1.2 is evaluated, then any of them is direct assistance', () => {
    const h = history();
    const types = ['shelter', 'medical', 'psychosocial', 'legal', 'material', 'family_tracing', 'avrr_return', 'reintegration'] as const;
    types.forEach((type, i) => {
      h.case(`C${i}`, '2015-01-10');
      h.assist(`C${i}`, '2015-01-20', type);
    });
    h.case('C-none', '2015-01-10');

    const view = h.engine().indicators();

    expect(indicatorOf(view, '1.1').value).toBe(9); // 8 assisted + 1 not
    expect(indicatorOf(view, '1.2').value).toBe(8);
    expect(indicatorOf(view, '1.3').value).toBe(88.88888888888889); // 100 * 8 / 9
  });

  it('given identified cases of whom none was assisted, when 1.3 is evaluated, then it is 0, not null', () => {
    const h = history();
    h.case('C1', '2015-01-10');
    h.case('C2', '2015-01-11');

    const i13 = indicatorOf(h.engine().indicators(), '1.3');

    expect(i13).toMatchObject({ value: 0, numerator: 0, denominator: 2 }); // 100 * 0 / 2
    expect(i13.status).toBe('red'); // 0 < 0.7 * 80
  });

  it('given trainings of each audience, when 2.1–2.3 are evaluated, then each sums female + male of its own audience only', () => {
    const h = history();
    h.training('G1', '2015-01-10', { audience: 'government', female: 4, male: 0 });
    h.training('G2', '2015-02-10', { audience: 'government', female: 0, male: 9 });
    h.training('K1', '2015-03-10', { audience: 'cso', female: 12, male: 1 });
    h.training('I1', '2015-04-10', { audience: 'iom_staff', female: 3, male: 5 });
    h.training('I2', '2015-05-10', { audience: 'iom_staff', female: 1, male: 1 });

    const v = valuesOf(h.engine().indicators());

    expect(v['2.1']).toBe(13); // 4 + 9
    expect(v['2.2']).toBe(13); // 12 + 1
    expect(v['2.3']).toBe(10); // (3+5) + (1+1)
  });

  it('given trainings without a knowledge test, when 2.4 is evaluated, then it is null (nobody tested) and no-data', () => {
    const h = history();
    h.training('T1', '2015-01-10', { female: 10, male: 10 });

    const i24 = indicatorOf(h.engine().indicators(), '2.4');

    expect(i24).toMatchObject({ value: null, numerator: 0, denominator: 0, status: 'no-data' });
  });

  it('given tested trainees of whom none improved, when 2.4 is evaluated, then it is 0 (not null) and red', () => {
    const h = history();
    h.training('T1', '2015-01-10', { female: 3, male: 3, test: { tested: 6, improved: 0 } });

    const i24 = indicatorOf(h.engine().indicators(), '2.4');

    expect(i24).toMatchObject({ value: 0, numerator: 0, denominator: 6, status: 'red' }); // 100 * 0 / 6
  });

  it('given tests in trainings of every audience, when 2.4 is evaluated, then it pools improved and tested across audiences', () => {
    const h = history();
    h.training('G', '2015-01-10', { audience: 'government', female: 5, male: 5, test: { tested: 8, improved: 1 } });
    h.training('K', '2015-01-11', { audience: 'cso', female: 5, male: 5, test: { tested: 10, improved: 10 } });
    h.training('I', '2015-01-12', { audience: 'iom_staff', female: 1, male: 1, test: { tested: 2, improved: 1 } });
    h.training('N', '2015-01-13', { audience: 'cso', female: 50, male: 50 });

    const i24 = indicatorOf(h.engine().indicators(), '2.4');

    expect(i24).toMatchObject({ value: 60, numerator: 12, denominator: 20 }); // 100 * (1+10+1) / (8+10+2)
  });

  it('given CSOs mapped, assessed several times and in agreement, when 2.5–2.7 are evaluated, then each counts distinct CSOs', () => {
    const h = history();
    h.cso('S1', '2014-10-01');
    h.assess('S1', '2014-10-02');
    h.assess('S1', '2014-10-03');
    h.assess('S1', '2014-10-04');
    h.agree('S1', '2014-10-05');
    h.cso('S2', '2014-10-01');
    h.agree('S2', '2014-10-06'); // an agreement without an assessment
    h.cso('S3', '2014-10-01');

    const v = valuesOf(h.engine().indicators());

    expect(v['2.5']).toBe(3);
    expect(v['2.6']).toBe(1); // S1 only, three assessments
    expect(v['2.7']).toBe(2); // S1, S2
  });

  it('given returned and reintegrated cases, when 3.x are evaluated, then 3.3 counts cases with both over 3.1', () => {
    const h = history();
    h.case('R1', '2015-01-10');
    h.assist('R1', '2015-02-01', 'avrr_return');
    h.assist('R1', '2015-05-01', 'reintegration');
    h.case('R2', '2015-01-10');
    h.assist('R2', '2015-02-01', 'avrr_return');
    h.case('R3', '2015-01-10');
    h.assist('R3', '2015-02-01', 'avrr_return');
    h.assist('R3', '2015-02-02', 'avrr_return');
    h.case('R4', '2015-01-10');
    h.assist('R4', '2015-02-01', 'avrr_return');
    h.case('I1', '2015-01-10');
    h.assist('I1', '2015-03-01', 'reintegration'); // reintegration without return: 3.2, not 3.3

    const view = h.engine().indicators();

    expect(indicatorOf(view, '3.1').value).toBe(4); // R1..R4
    expect(indicatorOf(view, '3.2').value).toBe(2); // R1, I1
    expect(indicatorOf(view, '3.3')).toMatchObject({ value: 25, numerator: 1, denominator: 4 }); // 100 * 1 / 4
  });

  it('given a case with reintegration but nobody returned, when 3.3 is evaluated, then it is null and no-data', () => {
    const h = history();
    h.case('C1', '2015-01-10');
    h.assist('C1', '2015-02-01', 'reintegration');

    const view = h.engine().indicators();

    expect(indicatorOf(view, '3.2').value).toBe(1);
    expect(indicatorOf(view, '3.3')).toMatchObject({ value: null, numerator: 0, denominator: 0, status: 'no-data' });
  });

  it('given a percent whose exact value is not a double, when evaluated, then it is 100 * n / d in that order, unrounded', () => {
    const h = history();
    for (const id of ['R1', 'R2', 'R3']) {
      h.case(id, '2015-01-10');
      h.assist(id, '2015-02-01', 'avrr_return');
    }
    h.assist('R1', '2015-03-01', 'reintegration');

    const i33 = indicatorOf(h.engine().indicators(), '3.3');

    // 100 * 1 / 3 = 33.333333333333336 in double precision (1 / 3 * 100 would give 33.33333333333333)
    expect(i33.value).toBe(33.333333333333336);
  });

  it('given a case closure, when evaluated, then it changes no indicator', () => {
    const h = history();
    h.case('C1', '2015-01-10');
    h.assist('C1', '2015-01-11', 'avrr_return');
    const before = valuesOf(h.engine().indicators());
    h.close('C1', '2015-01-12', 'returned');

    expect(valuesOf(h.engine().indicators())).toEqual(before);
  });
});

describe('business dates', () => {
  it('given a case recorded later but identified earlier, when evaluated as of dates, then it counts from its business date', () => {
    const h = history();
    h.case('C1', '2015-06-01'); // position 1
    h.case('C2', '2015-01-15'); // position 2, back-dated
    const e = h.engine();

    expect(indicatorOf(e.indicators({ asOf: '2015-01-14' }), '1.1').value).toBe(0);
    expect(indicatorOf(e.indicators({ asOf: '2015-01-15' }), '1.1').value).toBe(1); // C2 only
    expect(indicatorOf(e.indicators({ asOf: '2015-05-31' }), '1.1').value).toBe(1);
    expect(indicatorOf(e.indicators({ asOf: '2015-06-01' }), '1.1').value).toBe(2);
  });

  it('given an assistance back-dated before an earlier-recorded one, when evaluated, then 1.2 counts from the earliest assistance date', () => {
    const h = history();
    h.case('C1', '2015-02-01');
    h.assist('C1', '2015-02-10');
    h.assist('C1', '2015-02-05'); // recorded later, dated earlier
    const e = h.engine();

    expect(indicatorOf(e.indicators({ asOf: '2015-02-04' }), '1.2').value).toBe(0);
    expect(indicatorOf(e.indicators({ asOf: '2015-02-05' }), '1.2').value).toBe(1);
  });

  it('given a case identified before its assistance, when evaluated between the two dates, then it counts in 1.1 and not in 1.2', () => {
    const h = history();
    h.case('C1', '2015-02-01');
    h.assist('C1', '2015-03-01', 'avrr_return');
    const view = h.engine().indicators({ asOf: '2015-02-15' });

    expect(valuesOf(view)).toMatchObject({ '1.1': 1, '1.2': 0, '1.3': 0, '3.1': 0, '3.3': null }); // 1.3: 100 * 0 / 1
  });

  it('given a return and a later reintegration, when 3.3 is evaluated between them, then the case is in 3.1 but not yet in the numerator', () => {
    const h = history();
    h.case('C1', '2015-01-10');
    h.assist('C1', '2015-04-01', 'avrr_return');
    h.assist('C1', '2015-06-01', 'reintegration');
    const e = h.engine();

    expect(indicatorOf(e.indicators({ asOf: '2015-05-01' }), '3.3')).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    expect(indicatorOf(e.indicators({ asOf: '2015-06-01' }), '3.3')).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
  });

  it('given back-dated trainings, when evaluated as of a date, then only trainings held by then are summed', () => {
    const h = history();
    h.training('T1', '2015-05-01', { female: 10, male: 10, test: { tested: 20, improved: 20 } });
    h.training('T2', '2015-01-01', { female: 3, male: 2, test: { tested: 5, improved: 1 } }); // back-dated
    const e = h.engine();

    const march = e.indicators({ asOf: '2015-03-01' });
    expect(indicatorOf(march, '2.1').value).toBe(5); // T2 only: 3 + 2
    expect(indicatorOf(march, '2.4').value).toBe(20); // 100 * 1 / 5
    const may = e.indicators({ asOf: '2015-05-01' });
    expect(indicatorOf(may, '2.1').value).toBe(25); // 5 + 20
    expect(indicatorOf(may, '2.4').value).toBe(84); // 100 * 21 / 25
  });

  it('given an assessment after the mapping, when evaluated in between, then the CSO is mapped but not yet assessed', () => {
    const h = history();
    h.cso('S1', '2014-10-01');
    h.assess('S1', '2015-01-01');
    h.agree('S1', '2015-03-01');
    const e = h.engine();

    expect(valuesOf(e.indicators({ asOf: '2014-12-31' }))).toMatchObject({ '2.5': 1, '2.6': 0, '2.7': 0 });
    expect(valuesOf(e.indicators({ asOf: '2015-01-01' }))).toMatchObject({ '2.5': 1, '2.6': 1, '2.7': 0 });
    expect(valuesOf(e.indicators({ asOf: '2015-03-01' }))).toMatchObject({ '2.5': 1, '2.6': 1, '2.7': 1 });
  });

  it('given a history, when evaluated as of a date before the project start, then every count is 0 and every percent null', () => {
    const h = history();
    h.case('C1', '2014-09-01');
    h.assist('C1', '2014-09-01', 'avrr_return');
    h.training('T1', '2014-09-01', { test: { tested: 2, improved: 2 } });
    h.cso('S1', '2014-09-01');
    h.assess('S1', '2014-09-01');
    h.agree('S1', '2014-09-01');
    const e = h.engine();

    for (const asOf of ['2014-08-31', '2010-01-01']) {
      const view = e.indicators({ asOf });
      expect(view.asOf).toBe(asOf);
      expect(valuesOf(view)).toEqual(NOTHING_COUNTS);
    }
    // and on the first day everything dated that day counts
    expect(valuesOf(e.indicators({ asOf: '2014-09-01' }))).toEqual({
      '1.1': 1,
      '1.2': 1,
      '1.3': 100,
      '2.1': 2,
      '2.2': 0,
      '2.3': 0,
      '2.4': 100,
      '2.5': 1,
      '2.6': 1,
      '2.7': 1,
      '3.1': 1,
      '3.2': 0,
      '3.3': 0, // 100 * 0 / 1
    });
  });

  it('given a history, when evaluated as of a date after the project end, then the values are those of the end and the answer keeps the asked date', () => {
    const h = history();
    h.case('C1', '2016-12-31');
    h.case('C2', '2015-01-01');
    h.training('T1', '2016-12-31', { female: 4, male: 1 });
    const e = h.engine();

    const after = e.indicators({ asOf: '2017-06-30' });
    expect(after.asOf).toBe('2017-06-30');
    expect(valuesOf(after)).toEqual(valuesOf(e.indicators({ asOf: '2016-12-31' })));
    expect(valuesOf(after)).toMatchObject({ '1.1': 2, '2.1': 5 });
    expect(indicatorOf(after, '1.1').expected).toBe(60); // the EOP target after the end
  });

  it('given no asOf, when evaluated, then the answer is as of the project end at the head', () => {
    const h = history();
    h.case('C1', '2016-12-31');
    const view = h.engine().indicators();

    expect(view.asOf).toBe('2016-12-31');
    expect(view.position).toBe(1);
    expect(indicatorOf(view, '1.1').value).toBe(1);
  });

  it('given an asOf that is not a date, when evaluated, then the engine refuses it', () => {
    const e = history().engine();

    expect(() => e.indicators({ asOf: '2015-02-30' })).toThrow();
    expect(() => e.indicators({ asOf: '15-02-01' })).toThrow();
  });
});

describe('voids', () => {
  /** C1 (returned, reintegrated) and C2 (medical); then C1's identification is voided. */
  function voidedIdentification() {
    const h = history();
    const c1 = h.case('C1', '2015-03-01', { sex: 'female', ageGroup: 'adult', nationality: 'NG' }); // 1
    h.assist('C1', '2015-04-01', 'avrr_return'); // 2
    h.assist('C1', '2015-05-01', 'reintegration'); // 3
    h.case('C2', '2015-03-10', { sex: 'male', ageGroup: 'adult', nationality: 'SN' }); // 4
    h.assist('C2', '2015-03-15', 'medical'); // 5
    h.void(c1); // 6
    return h;
  }

  it('given a voided identification, when evaluated, then the case and its assistance stop counting', () => {
    const view = voidedIdentification().engine().indicators();

    expect(valuesOf(view)).toMatchObject({
      '1.1': 1, // C2
      '1.2': 1, // C2
      '1.3': 100, // 100 * 1 / 1
      '3.1': 0,
      '3.2': 0,
      '3.3': null,
    });
  });

  it('given a voided identification re-recorded with the same case id, when evaluated, then its assistance counts again', () => {
    const h = voidedIdentification();
    h.case('C1', '2015-03-20', { sex: 'male', ageGroup: 'minor', nationality: 'CM' }); // 7

    const view = h.engine().indicators();

    expect(valuesOf(view)).toMatchObject({
      '1.1': 2,
      '1.2': 2,
      '1.3': 100, // 100 * 2 / 2
      '3.1': 1,
      '3.2': 1,
      '3.3': 100, // 100 * 1 / 1
    });
  });

  it('given a re-recorded identification with a later date, when evaluated before that date, then the case no longer counts from the voided date', () => {
    const h = voidedIdentification();
    h.case('C1', '2015-03-20', { sex: 'male', ageGroup: 'minor', nationality: 'CM' }); // 7
    const e = h.engine();

    expect(indicatorOf(e.indicators({ asOf: '2015-03-15', atPosition: 5 }), '1.1').value).toBe(2); // C1 (03-01), C2
    expect(indicatorOf(e.indicators({ asOf: '2015-03-15' }), '1.1').value).toBe(1); // C2; C1 now from 03-20
    expect(indicatorOf(e.indicators({ asOf: '2015-03-20' }), '1.1').value).toBe(2);
  });

  it('given a re-recorded identification with an earlier date, when evaluated, then the case counts from the re-recorded date', () => {
    const h = voidedIdentification();
    h.case('C1', '2015-02-01', { sex: 'female' }); // 7
    const e = h.engine();

    expect(indicatorOf(e.indicators({ asOf: '2015-02-15' }), '1.1').value).toBe(1); // C1 only
    expect(indicatorOf(e.indicators({ asOf: '2015-02-15', atPosition: 5 }), '1.1').value).toBe(0);
  });

  it('given a re-recorded identification with new attributes, when broken down, then the cells use the re-recorded attributes', () => {
    const h = voidedIdentification();
    h.case('C1', '2015-03-20', { sex: 'male', ageGroup: 'minor', nationality: 'CM' }); // 7
    const e = h.engine();

    expect(e.breakdown('1.1', 'sex').cells).toEqual([{ key: 'male', value: 2, suppressed: false }]);
    expect(e.breakdown('1.1', 'nationality').cells).toEqual([
      { key: 'CM', value: 1, suppressed: false },
      { key: 'SN', value: 1, suppressed: false },
    ]);
    expect(e.breakdown('3.1', 'ageGroup').cells).toEqual([{ key: 'minor', value: 1, suppressed: false }]);
    // before the re-record, after the void: C2 only
    expect(e.breakdown('1.1', 'nationality', { atPosition: 6 }).cells).toEqual([{ key: 'SN', value: 1, suppressed: false }]);
    // before the void: the first record's attributes
    expect(e.breakdown('1.1', 'sex', { atPosition: 5 }).cells).toEqual([
      { key: 'female', value: 1, suppressed: false },
      { key: 'male', value: 1, suppressed: false },
    ]);
  });

  it('given one of two returns voided, when evaluated, then the case still counts in 3.1 from the remaining return', () => {
    const h = history();
    h.case('C1', '2015-03-01');
    const r1 = h.assist('C1', '2015-04-01', 'avrr_return');
    h.assist('C1', '2015-06-01', 'avrr_return');
    h.void(r1);
    const e = h.engine();

    expect(indicatorOf(e.indicators(), '3.1').value).toBe(1);
    expect(indicatorOf(e.indicators({ asOf: '2015-05-01' }), '3.1').value).toBe(0); // now from 06-01
    expect(indicatorOf(e.indicators({ asOf: '2015-05-01', atPosition: 3 }), '3.1').value).toBe(1); // before the void
  });

  it('given every assistance of a case voided, when evaluated, then it leaves 1.2 and 3.x but stays in 1.1', () => {
    const h = history();
    h.case('C1', '2015-03-01');
    const a = h.assist('C1', '2015-04-01', 'avrr_return');
    const b = h.assist('C1', '2015-04-02', 'reintegration');
    h.case('C2', '2015-03-01');
    h.assist('C2', '2015-04-01', 'avrr_return');
    h.void(a);
    h.void(b);

    expect(valuesOf(h.engine().indicators())).toMatchObject({
      '1.1': 2,
      '1.2': 1, // C2
      '1.3': 50, // 100 * 1 / 2
      '3.1': 1,
      '3.2': 0,
      '3.3': 0, // 100 * 0 / 1
    });
  });

  it('given a voided reintegration of a returned case, when evaluated, then the case leaves 3.2 and the numerator of 3.3 only', () => {
    const h = history();
    h.case('C1', '2015-03-01');
    h.assist('C1', '2015-04-01', 'avrr_return');
    const r = h.assist('C1', '2015-05-01', 'reintegration');
    h.void(r);

    expect(valuesOf(h.engine().indicators())).toMatchObject({ '1.2': 1, '3.1': 1, '3.2': 0, '3.3': 0 });
  });

  it('given assessments voided one by one, when evaluated, then 2.6 counts the CSO while one remains', () => {
    const h = history();
    h.cso('S1', '2014-10-01');
    const a1 = h.assess('S1', '2014-11-01');
    const a2 = h.assess('S1', '2015-06-01');
    h.void(a1); // 4
    h.void(a2); // 5
    const e = h.engine();

    expect(indicatorOf(e.indicators({ atPosition: 3 }), '2.6').value).toBe(1);
    expect(indicatorOf(e.indicators({ asOf: '2014-12-31', atPosition: 3 }), '2.6').value).toBe(1); // from 11-01
    expect(indicatorOf(e.indicators({ atPosition: 4 }), '2.6').value).toBe(1); // a2 remains
    expect(indicatorOf(e.indicators({ asOf: '2014-12-31', atPosition: 4 }), '2.6').value).toBe(0); // now from 06-01
    expect(valuesOf(e.indicators())).toMatchObject({ '2.5': 1, '2.6': 0 });
  });

  it('given a voided agreement and a new one, when evaluated, then 2.7 counts the CSO from the new agreement date', () => {
    const h = history();
    h.cso('S1', '2014-10-01');
    const g = h.agree('S1', '2015-01-15'); // 2
    h.void(g); // 3
    h.agree('S1', '2015-09-01', 'AG-S1-bis'); // 4
    const e = h.engine();

    expect(indicatorOf(e.indicators({ atPosition: 2 }), '2.7').value).toBe(1);
    expect(indicatorOf(e.indicators({ atPosition: 3 }), '2.7').value).toBe(0);
    expect(indicatorOf(e.indicators(), '2.7').value).toBe(1);
    expect(indicatorOf(e.indicators({ asOf: '2015-06-30' }), '2.7').value).toBe(0);
  });

  it('given a voided CSO mapping, when evaluated, then the CSO and its assessment and agreement stop counting until it is re-recorded', () => {
    const h = history();
    const m = h.cso('S1', '2014-10-01', 'oriental'); // 1
    h.assess('S1', '2014-11-01'); // 2
    h.agree('S1', '2015-01-15'); // 3
    h.cso('S2', '2014-10-10', 'fes-meknes'); // 4
    h.void(m); // 5
    const e1 = h.engine();

    expect(valuesOf(e1.indicators())).toMatchObject({ '2.5': 1, '2.6': 0, '2.7': 0 });
    expect(e1.breakdown('2.5', 'region').cells).toEqual([{ key: 'fes-meknes', value: 1, suppressed: false }]);

    h.cso('S1', '2014-10-05', 'souss-massa'); // 6: re-recorded in another region
    const e2 = h.engine();

    expect(valuesOf(e2.indicators())).toMatchObject({ '2.5': 2, '2.6': 1, '2.7': 1 });
    expect(e2.breakdown('2.6', 'region').cells).toEqual([{ key: 'souss-massa', value: 1, suppressed: false }]);
    expect(e2.breakdown('2.7', 'region').cells).toEqual([{ key: 'souss-massa', value: 1, suppressed: false }]);
    expect(indicatorOf(e2.indicators({ asOf: '2014-10-04' }), '2.5').value).toBe(0); // S1 from 10-05 now
  });

  it('given a voided training re-recorded for another audience, when evaluated, then its participants and test move with it', () => {
    const h = history();
    const t = h.training('T1', '2015-02-01', { audience: 'government', female: 4, male: 6, test: { tested: 10, improved: 7 } }); // 1
    h.training('T2', '2015-03-01', { audience: 'government', female: 2, male: 3, test: { tested: 5, improved: 1 } }); // 2
    h.void(t); // 3
    h.training('T1', '2015-02-01', { audience: 'cso', female: 1, male: 1 }); // 4
    const e = h.engine();

    const before = e.indicators({ atPosition: 2 });
    expect(indicatorOf(before, '2.1').value).toBe(15); // 10 + 5
    expect(indicatorOf(before, '2.4').value).toBe(53.333333333333336); // 100 * (7+1) / (10+5)
    const voided = e.indicators({ atPosition: 3 });
    expect(valuesOf(voided)).toMatchObject({ '2.1': 5, '2.2': 0, '2.4': 20 }); // 2.4: 100 * 1 / 5
    expect(valuesOf(e.indicators())).toMatchObject({ '2.1': 5, '2.2': 2, '2.4': 20 });
  });

  it('given a voided closure, when evaluated, then nothing changes', () => {
    const h = history();
    h.case('C1', '2015-01-10');
    const c = h.close('C1', '2015-01-11');
    h.void(c);
    h.assist('C1', '2015-02-01'); // allowed again after the closure is voided

    expect(valuesOf(h.engine().indicators())).toMatchObject({ '1.1': 1, '1.2': 1 });
  });
});

// Each query known at a position replays from the nearest checkpoint: run these with checkpoints
// after every change, every second change, and at the default spacing.
describe.each([{ checkpointEvery: 1 }, { checkpointEvery: 2 }, {}])('time travel (engine %o)', (options) => {
  function history5() {
    const h = history();
    h.case('C1', '2015-01-10'); // 1
    const c2 = h.case('C2', '2015-02-10'); // 2
    h.assist('C1', '2015-01-20'); // 3
    h.void(c2); // 4
    h.target('1.1', '2016', 80); // 5
    return h;
  }

  it('given a history, when evaluated at position 0, then nothing counts and the logframe targets apply', () => {
    const view = history5().engine(options).indicators({ atPosition: 0 });

    expect(view.position).toBe(0);
    expect(valuesOf(view)).toEqual(NOTHING_COUNTS);
    expect(indicatorOf(view, '1.1').target).toBe(60);
  });

  it.each([
    [1, { '1.1': 1, '1.2': 0, '1.3': 0 }], // 1.3: 100 * 0 / 1
    [2, { '1.1': 2, '1.2': 0, '1.3': 0 }],
    [3, { '1.1': 2, '1.2': 1, '1.3': 50 }], // 100 * 1 / 2
    [4, { '1.1': 1, '1.2': 1, '1.3': 100 }], // C2 voided: 100 * 1 / 1
    [5, { '1.1': 1, '1.2': 1, '1.3': 100 }],
  ])('given a history, when evaluated at position %i, then it answers what was known then', (atPosition, expected) => {
    const view = history5().engine(options).indicators({ atPosition });

    expect(view.position).toBe(atPosition);
    expect(valuesOf(view)).toMatchObject(expected);
  });

  it('given a target revision, when evaluated before and after its position, then the old and the new target apply', () => {
    const e = history5().engine(options);

    expect(indicatorOf(e.indicators({ atPosition: 4 }), '1.1')).toMatchObject({ target: 60, expected: 60 });
    expect(indicatorOf(e.indicators({ atPosition: 5 }), '1.1')).toMatchObject({ target: 80, expected: 80 });
    expect(indicatorOf(e.indicators(), '1.1')).toMatchObject({ target: 80, expected: 80 });
  });

  it('given no atPosition, when evaluated, then the answer is at the head', () => {
    expect(history5().engine(options).indicators().position).toBe(5);
  });

  it('given a void and a re-record, when series and breakdowns are asked at each position, then they answer what was known then', () => {
    const h = history();
    const c1 = h.case('C1', '2015-01-10', { nationality: 'NG' }); // 1
    h.case('C2', '2015-04-10', { nationality: 'CM' }); // 2
    h.void(c1); // 3
    h.case('C1', '2015-07-10', { nationality: 'SN' }); // 4: re-recorded, later and elsewhere
    const e = h.engine(options);
    const yearly = (atPosition: number) => e.series('1.1', 'year', { atPosition }).points.map((p) => p.value);
    const firstQuarter2015 = (atPosition: number) => e.series('1.1', 'quarter', { atPosition }).points[2].cumulative;
    const keys = (atPosition: number) => e.breakdown('1.1', 'nationality', { atPosition }).cells.map((c) => [c.key, c.value]);

    expect([0, 1, 2, 3, 4].map(yearly)).toEqual([
      [0, 0, 0],
      [0, 1, 0], // C1 in 2015
      [0, 2, 0], // C1, C2
      [0, 1, 0], // C2
      [0, 2, 0], // C2, C1 again
    ]);
    expect([0, 1, 2, 3, 4].map(firstQuarter2015)).toEqual([0, 1, 1, 0, 0]); // C1 now from 07-10
    expect([0, 1, 2, 3, 4].map(keys)).toEqual([
      [],
      [['NG', 1]],
      [['CM', 1], ['NG', 1]],
      [['CM', 1]],
      [['CM', 1], ['SN', 1]],
    ]);
  });

  it('given a position beyond the head, negative or fractional, when evaluated, then the engine refuses it', () => {
    const e = history5().engine(options);

    expect(() => e.indicators({ atPosition: 6 })).toThrow();
    expect(() => e.indicators({ atPosition: -1 })).toThrow();
    expect(() => e.indicators({ atPosition: 1.5 })).toThrow();
  });
});

describe('the fold over a long log', () => {
  it('given many changes, when evaluated at every position, then each answer is what that prefix of the log alone gives', () => {
    // 1500 trainings of one participant each, and after every tenth a void of the fifth before it:
    // 1650 changes per series, past the default checkpoint spacing (1024).
    const h = history();
    const ids: string[] = [];
    for (let i = 0; i < 1500; i++) {
      ids.push(h.training(`T${i}`, '2015-01-01', { female: 1, male: 0 }));
      if (i % 10 === 9) h.void(ids[i - 5]);
    }
    const e = h.engine();

    // position p holds floor(p / 11) whole blocks (10 trainings + 1 void); value = p - 2 * floor(p / 11)
    const expected: Array<[position: number, value: number]> = [
      [0, 0],
      [1, 1],
      [10, 10],
      [11, 9], // 11 - 2*1
      [500, 410], // 500 - 2*45
      [1023, 837], // 1023 - 2*93
      [1024, 838], // 1024 - 2*93
      [1025, 839], // 1025 - 2*93
      [1100, 900], // 1100 - 2*100
      [1200, 982], // 1200 - 2*109
      [1500, 1228], // 1500 - 2*136
      [1649, 1351], // 1649 - 2*149
      [1650, 1350], // the head: 1500 trainings - 150 voided
    ];
    expect(h.head).toBe(1650);
    for (const [atPosition, value] of expected) {
      expect(indicatorOf(e.indicators({ atPosition }), '2.1').value, `at position ${atPosition}`).toBe(value);
      expect(e.breakdown('2.1', 'sex', { atPosition }).cells[0]?.value ?? 0, `female at ${atPosition}`).toBe(value);
    }
  });

  it('given an engine, when an event is applied at a position it has already reached, then it refuses it', () => {
    const h = history();
    h.case('C1', '2015-01-10');
    const e = h.engine();

    expect(() => e.apply({ position: 1, eventId: 'x', type: 'VictimIdentified', data: {} })).toThrow();
  });
});

describe('target revisions', () => {
  function revisions() {
    const h = history();
    const r80 = h.target('1.1', '2016', 80); // 1
    const r70 = h.target('1.1', '2016', 70); // 2
    h.target('1.1', '2015', 45); // 3
    h.target('1.3', '2016', 90); // 4
    return { h, r80, r70 };
  }

  it('given the logframe alone, when targets are asked, then they are the logframe table', () => {
    const e = history().engine();

    expect(e.targets('1.1')).toEqual({ '2014': 5, '2015': 35, '2016': 60 });
    expect(e.targets('2.7')).toEqual({ '2014': 0, '2015': 3, '2016': 6 });
    expect(e.targets('3.2')).toEqual({ '2014': 0, '2015': 10, '2016': 25 });
    expect(e.targets('2.4')).toEqual({ '2016': 70 });
  });

  it('given two revisions of one year, when targets are asked, then the one with the highest position applies even if lower', () => {
    const { h } = revisions();
    const e = h.engine();

    expect(e.targets('1.1')).toEqual({ '2014': 5, '2015': 45, '2016': 70 });
    expect(e.targets('1.1', 1)).toEqual({ '2014': 5, '2015': 35, '2016': 80 });
    expect(e.targets('1.1', 0)).toEqual({ '2014': 5, '2015': 35, '2016': 60 });
    expect(e.targets('1.2')).toEqual({ '2014': 4, '2015': 28, '2016': 50 }); // untouched
    expect(indicatorOf(e.indicators(), '1.1')).toMatchObject({ target: 70, expected: 70 });
  });

  it('given a revised yearly target, when the expected value is asked within that year, then the line runs to the revised target', () => {
    const { h } = revisions();
    const view = h.engine().indicators({ asOf: '2015-07-01' });

    expect(indicatorOf(view, '1.1').expected).toBeCloseTo(24.945205479452056, 9); // 5 + (45-5) * 182/365
    expect(indicatorOf(view, '1.1').target).toBe(70);
    const next = h.engine().indicators({ asOf: '2016-07-01' });
    expect(indicatorOf(next, '1.1').expected).toBe(57.5); // 45 + (70-45) * 183/366
  });

  it('given a revised percent target, when evaluated at any date, then the expected value is the revised EOP target', () => {
    const { h } = revisions();
    const e = h.engine();

    for (const asOf of ['2014-08-01', '2015-07-01', '2016-12-31']) {
      expect(indicatorOf(e.indicators({ asOf }), '1.3')).toMatchObject({ target: 90, expected: 90 });
    }
  });

  it('given the latest revision voided, when targets are asked, then the earlier revision applies again; both voided, the logframe', () => {
    const { h, r80, r70 } = revisions();
    h.void(r70); // 5
    h.void(r80); // 6
    const e = h.engine();

    expect(e.targets('1.1', 4)['2016']).toBe(70);
    expect(e.targets('1.1', 5)['2016']).toBe(80);
    expect(e.targets('1.1')['2016']).toBe(60);
    expect(indicatorOf(e.indicators({ atPosition: 5 }), '1.1').target).toBe(80);
    expect(indicatorOf(e.indicators(), '1.1').target).toBe(60);
    expect(e.targets('1.1')['2015']).toBe(45); // the 2015 revision is still in effect
  });

  it('given a voided revision re-set to the same year, when targets are asked, then the newest revision applies', () => {
    const h = history();
    const a = h.target('2.1', '2015', 100);
    h.void(a);
    h.target('2.1', '2015', 95);

    expect(h.engine().targets('2.1')).toEqual({ '2014': 20, '2015': 95, '2016': 150 });
  });
});
