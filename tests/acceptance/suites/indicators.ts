/**
 * Indicators over HTTP against numbers computed by hand (DOMAIN.md "How indicators are
 * computed") for a small history recorded through the API on an empty log; time travel by
 * business date (asOf) and by log position (atPosition).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectedCount, recorder, type Recorder } from '../support/fixtures.js';
import { useServer, type StoreFactory } from '../support/server.js';

const CODES = ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '3.1', '3.2', '3.3'];
const PERCENT = new Set(['1.3', '2.4', '3.3']);
const OBJECTIVE: Record<string, string> = { '1': 'OS1', '2': 'OS2', '3': 'OS3' };

/** The logframe's yearly targets (DOMAIN.md), cumulative; percent indicators have only 2016. */
const TARGETS: Record<string, Record<string, number>> = {
  '1.1': { 2014: 5, 2015: 35, 2016: 60 },
  '1.2': { 2014: 4, 2015: 28, 2016: 50 },
  '1.3': { 2016: 80 },
  '2.1': { 2014: 20, 2015: 90, 2016: 150 },
  '2.2': { 2014: 10, 2015: 60, 2016: 100 },
  '2.3': { 2014: 8, 2015: 15, 2016: 20 },
  '2.4': { 2016: 70 },
  '2.5': { 2014: 25, 2015: 40, 2016: 40 },
  '2.6': { 2014: 5, 2015: 15, 2016: 20 },
  '2.7': { 2014: 0, 2015: 3, 2016: 6 },
  '3.1': { 2014: 2, 2015: 15, 2016: 30 },
  '3.2': { 2014: 0, 2015: 10, 2016: 25 },
  '3.3': { 2016: 80 },
};

function status(value: number | null, expected: number): string {
  if (value === null) return 'no-data';
  if (value >= 0.9 * expected) return 'green';
  if (value >= 0.7 * expected) return 'amber';
  return 'red';
}

interface Value {
  value: number | null;
  numerator?: number;
  denominator?: number;
}
const count = (value: number): Value => ({ value });
const percent = (numerator: number, denominator: number): Value => ({
  value: denominator === 0 ? null : (100 * numerator) / denominator,
  numerator,
  denominator,
});

/** The full expected row of GET /api/v1/indicators for one indicator as of `asOf`. */
function row(code: string, v: Value, asOf: string, targets = TARGETS[code]) {
  const isPercent = PERCENT.has(code);
  const expected = isPercent ? targets['2016'] : expectedCount(targets, asOf);
  return {
    code,
    objective: OBJECTIVE[code[0]],
    unit: isPercent ? 'percent' : 'count',
    ...v,
    baseline: 0,
    target: targets['2016'],
    expected,
    status: status(v.value, expected),
  };
}

function expectRows(actual: any[], expected: Record<string, Value>, asOf: string, targets: Record<string, Record<string, number>> = TARGETS) {
  expect(actual.map((i) => i.code)).toEqual(CODES);
  for (const code of CODES) {
    const got = actual.find((i) => i.code === code);
    const want = row(code, expected[code], asOf, targets[code]);
    const keys = Object.keys(want).sort();
    expect(Object.keys(got).sort(), `keys of ${code}`).toEqual(keys);
    const { expected: e, value, ...rest } = want;
    const { expected: ge, value: gv, ...grest } = got;
    expect(grest, `indicator ${code} as of ${asOf}`).toEqual(rest);
    if (value === null) expect(gv, `value of ${code}`).toBeNull();
    else expect(gv, `value of ${code}`).toBeCloseTo(value, 10);
    expect(ge, `expected of ${code} as of ${asOf}`).toBeCloseTo(e, 9);
  }
}

const ZERO: Record<string, Value> = Object.fromEntries(CODES.map((c) => [c, PERCENT.has(c) ? percent(0, 0) : count(0)]));

export function indicatorsSuite(label: string, stores: StoreFactory): void {
  describe(`[${label}] indicators from a history recorded by hand`, () => {
    const srv = useServer(stores);
    let rec: Recorder;
    let token: string;
    const at: Record<string, number> = {};
    const ids: Record<string, string> = {};
    const get = async (path: string) => {
      const res = await srv.api('GET', path, { token });
      expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(200);
      return res.json;
    };

    beforeAll(async () => {
      rec = recorder(srv.api, await srv.login('manager'));
      token = await srv.login('auditor');
    });

    it('given an empty log, when indicators are read, then every count is 0, every percent null (no-data) and the answer is at position 0 as of the project end', async () => {
      const view = await get('/api/v1/indicators');
      expect(view.asOf).toBe('2016-12-31');
      expect(view.position).toBe(0);
      expectRows(view.indicators, ZERO, '2016-12-31');
    });

    describe('given three cases (two assisted), three trainings, two CSOs', () => {
      beforeAll(async () => {
        const r = async (name: string, p: Promise<{ eventIds: string[]; position: number }>) => {
          const { eventIds, position } = await p;
          at[name] = position;
          ids[name] = eventIds[0];
        };
        await r('c1', rec.identify('c1', { identifiedOn: '2015-03-10', sex: 'female', ageGroup: 'adult', nationality: 'NG', exploitationType: 'sexual', referredBy: 'cso' }));
        await r('c2', rec.identify('c2', { identifiedOn: '2015-04-02', sex: 'male', ageGroup: 'adult', nationality: 'CM', exploitationType: 'labour', referredBy: 'government' }));
        await r('c3', rec.identify('c3', { identifiedOn: '2015-05-20', sex: 'female', ageGroup: 'minor', nationality: 'NG', exploitationType: 'domestic_servitude', referredBy: 'iom' }));
        await r('a1', rec.assist('c1', { providedOn: '2015-03-12', assistanceType: 'shelter' }));
        await r('a2', rec.assist('c1', { providedOn: '2015-04-01', assistanceType: 'medical' }));
        await r('a3', rec.assist('c2', { providedOn: '2015-06-01', assistanceType: 'avrr_return' }));
        await r('a4', rec.assist('c2', { providedOn: '2015-09-01', assistanceType: 'reintegration' }));
        await r('t1', rec.training('t1', { heldOn: '2015-02-10', audience: 'government', region: 'rabat-sale-kenitra', participants: { female: 7, male: 5 }, knowledgeTest: { tested: 10, improved: 6 } }));
        await r('t2', rec.training('t2', { heldOn: '2015-11-05', audience: 'government', region: 'oriental', participants: { female: 3, male: 8 }, knowledgeTest: undefined }));
        await r('t3', rec.training('t3', { heldOn: '2015-06-15', audience: 'cso', region: 'casablanca-settat', participants: { female: 4, male: 0 }, knowledgeTest: { tested: 4, improved: 4 } }));
        await r('s1', rec.cso('s1', { mappedOn: '2014-10-01', region: 'oriental' }));
        await r('s2', rec.cso('s2', { mappedOn: '2015-01-15', region: 'souss-massa' }));
        await r('e1', rec.assess('s1', { assessedOn: '2015-02-01' }));
        await r('e2', rec.assess('s1', { assessedOn: '2015-06-01' }));
        await r('g1', rec.agree('s2', { signedOn: '2015-03-01' }));
      });

      const END: Record<string, Value> = {
        '1.1': count(3),
        '1.2': count(2),
        '1.3': percent(2, 3), // 66.666…
        '2.1': count(12 + 11),
        '2.2': count(4),
        '2.3': count(0),
        '2.4': percent(6 + 4, 10 + 4),
        '2.5': count(2),
        '2.6': count(1),
        '2.7': count(1),
        '3.1': count(1),
        '3.2': count(1),
        '3.3': percent(1, 1),
      };

      it('when indicators are read, then each value, numerator, denominator, target, expected and status is the hand-computed one', async () => {
        const view = await get(`/api/v1/indicators?minPosition=${at.g1}`);
        expect(view.position).toBe(at.g1);
        expect(view.asOf).toBe('2016-12-31');
        expectRows(view.indicators, END, '2016-12-31');
        const i13 = view.indicators.find((i: any) => i.code === '1.3');
        expect(i13.value).toBe((100 * 2) / 3); // not rounded
        expect(i13.status).toBe('amber');
        expect(view.indicators.find((i: any) => i.code === '3.3').status).toBe('green');
      });

      it('when indicators are read as of 2015-06-30, then only events dated by then count and expected follows the straight line', async () => {
        const view = await get('/api/v1/indicators?asOf=2015-06-30');
        expect(view.asOf).toBe('2015-06-30');
        expectRows(view.indicators, { ...END, '2.1': count(12), '3.2': count(0), '3.3': percent(0, 1) }, '2015-06-30');
        // 1.1: 5 + (35 − 5) × 181 / 365
        expect(view.indicators.find((i: any) => i.code === '1.1').expected).toBeCloseTo(5 + (30 * 181) / 365, 9);
      });

      it('when indicators are read as of 2015-03-31, then 3.3 has no denominator (null, no-data) and 1.3 is 100', async () => {
        const view = await get('/api/v1/indicators?asOf=2015-03-31');
        expectRows(
          view.indicators,
          {
            '1.1': count(1), '1.2': count(1), '1.3': percent(1, 1), '2.1': count(12), '2.2': count(0), '2.3': count(0),
            '2.4': percent(6, 10), '2.5': count(2), '2.6': count(1), '2.7': count(1), '3.1': count(0), '3.2': count(0), '3.3': percent(0, 0),
          },
          '2015-03-31',
        );
      });

      it('when indicators are read as of 2016-02-29, then expected counts whole days through the leap day', async () => {
        const view = await get('/api/v1/indicators?asOf=2016-02-29');
        expect(view.asOf).toBe('2016-02-29');
        expectRows(view.indicators, END, '2016-02-29');
        // 1.1: 35 + (60 − 35) × 60 / 366 (31 days of January, 29 of February)
        expect(view.indicators.find((i: any) => i.code === '1.1').expected).toBeCloseTo(35 + (25 * 60) / 366, 9);
      });

      it('when indicators are read as of the day before the project, then every count is 0 and green against an expected 0', async () => {
        const view = await get('/api/v1/indicators?asOf=2014-08-31');
        expect(view.asOf).toBe('2014-08-31');
        expectRows(view.indicators, ZERO, '2014-08-31');
        expect(view.indicators.find((i: any) => i.code === '1.1').status).toBe('green');
      });

      it('when indicators are read as of a date after the project, then the values are those of the end', async () => {
        const view = await get('/api/v1/indicators?asOf=2018-05-01');
        expect(view.asOf).toBe('2018-05-01');
        expectRows(view.indicators, END, '2018-05-01');
      });

      it('when 1.1 is asked by quarter as of 2015-06-30, then the points are 2014-Q3 … 2015-Q2 with start, end, value, cumulative and expected', async () => {
        const view = await get('/api/v1/indicators/1.1/series?period=quarter&asOf=2015-06-30');
        expect(view).toMatchObject({ code: '1.1', asOf: '2015-06-30', position: at.g1 });
        const t = TARGETS['1.1'];
        const want = [
          { period: '2014-Q3', start: '2014-09-01', end: '2014-09-30', value: 0, cumulative: 0, expected: expectedCount(t, '2014-09-30') },
          { period: '2014-Q4', start: '2014-10-01', end: '2014-12-31', value: 0, cumulative: 0, expected: 5 },
          { period: '2015-Q1', start: '2015-01-01', end: '2015-03-31', value: 1, cumulative: 1, expected: expectedCount(t, '2015-03-31') },
          { period: '2015-Q2', start: '2015-04-01', end: '2015-06-30', value: 2, cumulative: 3, expected: expectedCount(t, '2015-06-30') },
        ];
        expect(view.points.map(({ expected, ...p }: any) => p)).toEqual(want.map(({ expected, ...p }) => p));
        want.forEach((w, i) => expect(view.points[i].expected).toBeCloseTo(w.expected, 9));
      });

      it('when 1.1 is asked by quarter as of 2015-05-01, then the last point ends on 2015-05-01', async () => {
        const view = await get('/api/v1/indicators/1.1/series?period=quarter&asOf=2015-05-01');
        expect(view.points.at(-1)).toMatchObject({ period: '2015-Q2', start: '2015-04-01', end: '2015-05-01', value: 1, cumulative: 2 });
      });

      it('when 1.1 is asked by year, then there are three points with the yearly targets as expected values', async () => {
        const view = await get('/api/v1/indicators/1.1/series?period=year');
        expect(view.points).toEqual([
          { period: '2014', start: '2014-09-01', end: '2014-12-31', value: 0, cumulative: 0, expected: 5 },
          { period: '2015', start: '2015-01-01', end: '2015-12-31', value: 3, cumulative: 3, expected: 35 },
          { period: '2016', start: '2016-01-01', end: '2016-12-31', value: 0, cumulative: 3, expected: 60 },
        ]);
        const quarters = await get('/api/v1/indicators/1.1/series?period=quarter');
        expect(quarters.points.map((p: any) => p.period)).toEqual([
          '2014-Q3', '2014-Q4', '2015-Q1', '2015-Q2', '2015-Q3', '2015-Q4', '2016-Q1', '2016-Q2', '2016-Q3', '2016-Q4',
        ]);
      });

      it('when the percent 1.3 is asked by year, then value = cumulative, null where nobody was identified, and expected is the EOP target', async () => {
        const view = await get('/api/v1/indicators/1.3/series?period=year');
        expect(view.points).toEqual([
          { period: '2014', start: '2014-09-01', end: '2014-12-31', value: null, cumulative: null, expected: 80 },
          { period: '2015', start: '2015-01-01', end: '2015-12-31', value: (100 * 2) / 3, cumulative: (100 * 2) / 3, expected: 80 },
          { period: '2016', start: '2016-01-01', end: '2016-12-31', value: (100 * 2) / 3, cumulative: (100 * 2) / 3, expected: 80 },
        ]);
      });

      it('when a series is asked as of a date before the project, then it has no point', async () => {
        const view = await get('/api/v1/indicators/2.1/series?period=quarter&asOf=2014-08-31');
        expect(view.points).toEqual([]);
      });

      it.each([
        ['1.1', 'nationality', [['NG', 2], ['CM', 1]]],
        ['1.1', 'sex', [['female', 2], ['male', 1]]],
        ['1.1', 'ageGroup', [['adult', 2], ['minor', 1]]],
        ['1.1', 'exploitationType', [['domestic_servitude', 1], ['labour', 1], ['sexual', 1]]],
        ['1.1', 'referredBy', [['cso', 1], ['government', 1], ['iom', 1]]],
        ['1.2', 'sex', [['female', 1], ['male', 1]]],
        ['3.1', 'nationality', [['CM', 1]]],
        ['2.1', 'sex', [['male', 13], ['female', 10]]],
        ['2.1', 'region', [['rabat-sale-kenitra', 12], ['oriental', 11]]],
        ['2.2', 'sex', [['female', 4]]],
        ['2.3', 'sex', []],
        ['2.5', 'region', [['oriental', 1], ['souss-massa', 1]]],
        ['2.6', 'region', [['oriental', 1]]],
        ['2.7', 'region', [['souss-massa', 1]]],
      ] as Array<[string, string, Array<[string, number]>]>)(
        'when an auditor asks %s by %s, then the non-zero cells come largest first, ties by key, none suppressed',
        async (code, by, cells) => {
          const view = await get(`/api/v1/indicators/${code}/breakdown?by=${by}`);
          expect(view).toEqual({
            code,
            by,
            asOf: '2016-12-31',
            position: at.g1,
            withheld: false,
            cells: cells.map(([key, value]) => ({ key, value, suppressed: false })),
          });
        },
      );

      it('when an auditor asks 1.1 by sex as of 2015-03-31, then only the case identified by then is there', async () => {
        const view = await get('/api/v1/indicators/1.1/breakdown?by=sex&asOf=2015-03-31');
        expect(view).toMatchObject({ asOf: '2015-03-31', cells: [{ key: 'female', value: 1, suppressed: false }] });
      });

      it('when the logframe is read, then it lists OS1–OS3, A1–A4 and the 13 indicators with baseline 0 and the logframe targets', async () => {
        const view = await get('/api/v1/logframe');
        expect(view).toMatchObject({ asOf: '2016-12-31', position: at.g1 });
        expect(view.project).toMatchObject({ start: '2014-09-01', end: '2016-12-31' });
        expect(view.objectives.map((o: any) => o.code)).toEqual(['OS1', 'OS2', 'OS3']);
        expect(view.activities.map((a: any) => a.code)).toEqual(['A1', 'A2', 'A3', 'A4']);
        expect(view.indicators.map((i: any) => i.code)).toEqual(CODES);
        for (const i of view.indicators) {
          expect(i.baseline, i.code).toBe(0);
          expect(i.targets, i.code).toEqual(TARGETS[i.code]);
        }
        // Every title in the four languages (DOMAIN.md), German and Arabic beside French and English.
        for (const item of [...view.indicators, ...view.objectives, ...view.activities])
          expect(Object.keys(item.title).sort(), item.code).toEqual(['ar', 'de', 'en', 'fr']);
        // And every other logframe text: formulas, the project's texts and its context.
        const { title, implementer, donor, notice, context } = view.project;
        for (const text of [...view.indicators.map((i: any) => i.computedAs), title, implementer, donor, notice, ...context])
          expect(Object.keys(text).sort(), text.en).toEqual(['ar', 'de', 'en', 'fr']);
        expect(view.indicators[1].computedAs.de).toBe('unterschiedliche Fälle mit mindestens einer Hilfeleistung');
        expect(view.indicators[0].title.de).toBe('Identifizierte und weitervermittelte mutmaßliche Opfer');
        expect(view.objectives[0].title.ar).toBe('تعزيز حماية ضحايا الاتجار بالبشر ومساعدتهم بشكل أفضل.');
      });

      describe('then target revisions', () => {
        beforeAll(async () => {
          at.r1 = (await rec.target('2.1', { period: '2016', value: 30 })).position;
          const r2 = await rec.target('2.1', { period: '2016', value: 40, reason: 'Second revision' });
          at.r2 = r2.position;
          ids.r2 = r2.eventIds[0];
          at.r3 = (await rec.target('1.3', { period: '2016', value: 60 })).position;
          at.r4 = (await rec.target('2.1', { period: '2015', value: 25 })).position;
        });

        it('given two revisions of 2.1 for 2016 (30, then 40), when indicators are read at the first, then target and expected are 30 and the status is amber', async () => {
          const view = await get(`/api/v1/indicators?atPosition=${at.r1}`);
          expect(view.position).toBe(at.r1);
          expect(view.indicators.find((i: any) => i.code === '2.1')).toMatchObject({ value: 23, target: 30, expected: 30, status: 'amber' });
          const before = await get(`/api/v1/indicators?atPosition=${at.r1 - 1}`);
          expect(before.indicators.find((i: any) => i.code === '2.1')).toMatchObject({ value: 23, target: 150, expected: 150, status: 'red' });
          const logframe = await get(`/api/v1/logframe?atPosition=${at.r1}`);
          expect(logframe.position).toBe(at.r1);
          expect(logframe.indicators.find((i: any) => i.code === '2.1').targets).toEqual({ 2014: 20, 2015: 90, 2016: 30 });
        });

        it('given both revisions, when read at the head, then the later one (40) applies', async () => {
          const view = await get(`/api/v1/indicators?minPosition=${at.r4}`);
          const targets = { ...TARGETS, '2.1': { 2014: 20, 2015: 25, 2016: 40 }, '1.3': { 2016: 60 } };
          expectRows(view.indicators, END, '2016-12-31', targets);
          expect(view.indicators.find((i: any) => i.code === '1.3').status).toBe('green');
          // The 2015 revision moves the line: as of 2015-06-30, 20 + (25 − 20) × 181 / 365.
          const mid = await get('/api/v1/indicators?asOf=2015-06-30');
          expect(mid.indicators.find((i: any) => i.code === '2.1').expected).toBeCloseTo(20 + (5 * 181) / 365, 9);
          const logframe = await get('/api/v1/logframe');
          expect(logframe.indicators.find((i: any) => i.code === '2.1').targets).toEqual({ 2014: 20, 2015: 25, 2016: 40 });
        });

        it('given the later revision voided, when read, then the earlier one (30) applies again', async () => {
          const { position } = await rec.void(ids.r2, { reason: 'Typed 40 for 30' });
          const view = await get(`/api/v1/indicators?minPosition=${position}`);
          expect(view.indicators.find((i: any) => i.code === '2.1')).toMatchObject({ target: 30, expected: 30 });
          const series = await get('/api/v1/indicators/2.1/series?period=year');
          expect(series.points.map((p: any) => p.expected)).toEqual([20, 25, 30]);
        });
      });

      // Each void is written by a hook, not by the test before: any test here runs alone (-t NAME).
      describe('then voids and corrections (time travel by position)', () => {
        beforeAll(async () => {
          at.v3 = (await rec.void(ids.c3, { reason: 'Not a presumed victim' })).position;
        });

        it("given c3's identification voided, when read at the head, then 1.1 is 2 and 1.3 is 100; at the position before the void, the old values", async () => {
          const now = await get(`/api/v1/indicators?minPosition=${at.v3}`);
          expect(now.indicators.find((i: any) => i.code === '1.1').value).toBe(2);
          expect(now.indicators.find((i: any) => i.code === '1.3')).toMatchObject({ value: 100, numerator: 2, denominator: 2 });
          const before = await get(`/api/v1/indicators?atPosition=${at.v3 - 1}`);
          expect(before.position).toBe(at.v3 - 1);
          expect(before.indicators.find((i: any) => i.code === '1.1').value).toBe(3);
          expect(before.indicators.find((i: any) => i.code === '1.3').value).toBe((100 * 2) / 3);
          const breakdown = await get(`/api/v1/indicators/1.1/breakdown?by=nationality&atPosition=${at.v3 - 1}`);
          expect(breakdown).toMatchObject({ position: at.v3 - 1, cells: [{ key: 'NG', value: 2 }, { key: 'CM', value: 1 }] });
          const series = await get(`/api/v1/indicators/1.1/series?period=year&atPosition=${at.v3 - 1}`);
          expect(series.position).toBe(at.v3 - 1);
          expect(series.points[1].cumulative).toBe(3);
        });

        it("given c1's identification voided too, when read, then its assistances stop counting (1.2 = 1); re-recorded, they count again (1.2 = 2)", async () => {
          const voided = await rec.void(ids.c1, { reason: 'Wrong age group' });
          let view = await get(`/api/v1/indicators?minPosition=${voided.position}`);
          expect(view.indicators.find((i: any) => i.code === '1.1').value).toBe(1);
          expect(view.indicators.find((i: any) => i.code === '1.2').value).toBe(1);
          const again = await rec.identify('c1', { identifiedOn: '2015-03-10', ageGroup: 'minor' });
          view = await get(`/api/v1/indicators?minPosition=${again.position}`);
          expect(view.indicators.find((i: any) => i.code === '1.1').value).toBe(2);
          expect(view.indicators.find((i: any) => i.code === '1.2').value).toBe(2);
          const byAge = await get('/api/v1/indicators/1.1/breakdown?by=ageGroup');
          expect(byAge.cells).toEqual([
            { key: 'adult', value: 1, suppressed: false },
            { key: 'minor', value: 1, suppressed: false },
          ]);
        });

        it('given any history, when read at position 0, then everything is as on an empty log, with the logframe targets', async () => {
          const view = await get('/api/v1/indicators?atPosition=0');
          expect(view.position).toBe(0);
          expectRows(view.indicators, ZERO, '2016-12-31');
        });

        it('given the head, when read at atPosition = head, then it is the same answer as without atPosition', async () => {
          const head = await srv.head();
          const a = await get(`/api/v1/indicators?minPosition=${head}`);
          const b = await get(`/api/v1/indicators?atPosition=${head}`);
          expect(b).toEqual(a);
        });

        it('given an answer and its ETag, when asked again with If-None-Match, then 304 without a body until the log moves; another asOf is another ETag', async () => {
          const first = await srv.api('GET', '/api/v1/indicators', { token });
          const etag = first.headers.get('etag')!;
          expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
          const again = await srv.api('GET', '/api/v1/indicators', { token, headers: { 'if-none-match': etag } });
          expect([again.status, again.text, again.headers.get('etag')]).toEqual([304, '', etag]);
          const other = await srv.api('GET', '/api/v1/indicators?asOf=2015-06-30', { token, headers: { 'if-none-match': etag } });
          expect(other.status).toBe(200);
          expect(other.headers.get('etag')).not.toBe(etag);

          const { position } = await rec.training('t-etag', { heldOn: '2015-07-01', audience: 'government', region: 'oriental', participants: { female: 1, male: 1 }, knowledgeTest: undefined });
          const moved = await srv.api('GET', `/api/v1/indicators?minPosition=${position}`, { token, headers: { 'if-none-match': etag } });
          expect(moved.status).toBe(200);
          expect(moved.json.position).toBe(position);
          expect(moved.json.indicators.find((r: { code: string }) => r.code === '2.1').value).toBe(first.json.indicators.find((r: { code: string }) => r.code === '2.1').value + 2);
          expect(moved.headers.get('etag')).not.toBe(etag);
        });
      });
    });
  });
}
