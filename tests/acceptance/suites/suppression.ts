/**
 * The donor's view of victim-related breakdowns (DOMAIN.md "Small-cell suppression"): withheld
 * below the threshold, small cells hidden with a complementary one, as of the last quarter end,
 * at the head.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { recorder } from '../support/fixtures.js';
import { useServer, type ServerHandle, type StoreFactory } from '../support/server.js';

/** Twelve cases; the comments give the tallies the expectations below rest on. */
const CASES: Array<[string, string, string, string, string, string]> = [
  // identifiedOn, nationality, sex, ageGroup, exploitationType, referredBy
  ['2014-12-01', 'NG', 'female', 'adult', 'sexual', 'cso'],
  ['2014-12-05', 'CM', 'male', 'adult', 'labour', 'iom'],
  ['2014-12-10', 'NG', 'female', 'minor', 'begging', 'self'],
  ['2015-01-10', 'NG', 'female', 'adult', 'sexual', 'cso'],
  ['2015-01-20', 'CM', 'male', 'adult', 'labour', 'iom'],
  ['2015-02-01', 'NG', 'female', 'adult', 'begging', 'cso'],
  ['2015-02-10', 'CM', 'male', 'adult', 'sexual', 'iom'],
  ['2015-02-20', 'NG', 'female', 'adult', 'labour', 'cso'],
  ['2015-03-01', 'CM', 'male', 'adult', 'begging', 'iom'],
  ['2015-03-15', 'NG', 'female', 'adult', 'sexual', 'cso'],
  ['2015-05-10', 'CM', 'female', 'adult', 'labour', 'iom'],
  ['2015-05-12', 'SN', 'male', 'minor', 'begging', 'self'],
];
// All 12: nationality NG 6 · CM 5 · SN 1; sex female 7 · male 5; ageGroup adult 10 · minor 2;
// exploitationType 4 · 4 · 4; referredBy cso 5 · iom 5 · self 2.
// By 2015-03-31 (10 cases): nationality NG 6 · CM 4. By 2014-12-31: 3 cases.

type Cell = { key: string; value: number | null; suppressed: boolean };
const shown = (key: string, value: number): Cell => ({ key, value, suppressed: false });
const hidden = (key: string): Cell => ({ key, value: null, suppressed: true });

export function suppressionSuite(label: string, stores: StoreFactory): void {
  describe(`[${label}] donor suppression on a recorded history (threshold 5)`, () => {
    const srv = useServer(stores);
    let donor: string;
    let auditor: string;
    let head: number;
    const get = async (token: string, path: string) => {
      const res = await srv.api('GET', path, { token });
      expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(200);
      return res.json;
    };

    beforeAll(async () => {
      const manager = await srv.login('manager');
      [donor, auditor] = await Promise.all([srv.login('donor'), srv.login('auditor')]);
      const rec = recorder(srv.api, manager);
      for (const [i, [identifiedOn, nationality, sex, ageGroup, exploitationType, referredBy]] of CASES.entries()) {
        await rec.identify(`v${i}`, { identifiedOn, nationality, sex, ageGroup, exploitationType, referredBy });
      }
      await rec.assist('v0', { providedOn: '2015-01-05' });
      await rec.assist('v1', { providedOn: '2015-01-05' });
      await rec.training('tr', { participants: { female: 1, male: 9 } });
      head = await srv.head();
    });

    it.each([
      ['nationality', [shown('NG', 6), hidden('CM'), hidden('SN')], 'SN (1) is small and alone, so the smallest other cell, CM (5), goes too'],
      ['sex', [shown('female', 7), shown('male', 5)], 'no cell is below 5'],
      ['ageGroup', [hidden('adult'), hidden('minor')], 'minor (2) is alone, so adult goes too'],
      ['exploitationType', [hidden('begging'), hidden('labour'), hidden('sexual')], 'every cell is below 5: all hidden, in key order'],
      ['referredBy', [shown('iom', 5), hidden('cso'), hidden('self')], 'self (2) is alone; cso and iom tie at 5, so the first key, cso, goes too'],
    ] as Array<[string, Cell[], string]>)(
      'given 12 cases, when a donor asks 1.1 by %s, then the cells are as the rule says (%#)',
      async (by, cells, why) => {
        const view = await get(donor, `/api/v1/indicators/1.1/breakdown?by=${by}`);
        expect(view, why).toEqual({ code: '1.1', by, asOf: '2016-12-31', position: head, withheld: false, threshold: 5, cells });
      },
    );

    it('given 12 cases, when an auditor asks 1.1 by nationality, then it sees every cell with its value', async () => {
      const view = await get(auditor, '/api/v1/indicators/1.1/breakdown?by=nationality');
      expect(view.withheld).toBe(false);
      expect(view.cells).toEqual([shown('NG', 6), shown('CM', 5), shown('SN', 1)]);
    });

    it('given a donor asking as of 2015-05-31, when answered, then it is as of 2015-03-31 (the last quarter end), at the head', async () => {
      const view = await get(donor, '/api/v1/indicators/1.1/breakdown?by=nationality&asOf=2015-05-31');
      // 10 cases by 2015-03-31: NG 6 · CM 4; CM is alone below 5, so NG goes too.
      expect(view).toEqual({ code: '1.1', by: 'nationality', asOf: '2015-03-31', position: head, withheld: false, threshold: 5, cells: [hidden('CM'), hidden('NG')] });
    });

    it('given a donor asking as of a date after the project, then it is as of the quarter end before that date, with the values of the end', async () => {
      const view = await get(donor, '/api/v1/indicators/1.1/breakdown?by=nationality&asOf=2018-05-01');
      expect(view).toEqual({ code: '1.1', by: 'nationality', asOf: '2018-03-31', position: head, withheld: false, threshold: 5, cells: [shown('NG', 6), hidden('CM'), hidden('SN')] });
    });

    it('given a donor asking as of a quarter end, then that date is used as is', async () => {
      const view = await get(donor, '/api/v1/indicators/1.1/breakdown?by=sex&asOf=2015-09-30');
      expect(view.asOf).toBe('2015-09-30');
    });

    it('given 3 cases by 2014-12-31, when a donor asks as of 2015-01-20, then the breakdown is withheld whole as of 2014-12-31', async () => {
      const view = await get(donor, '/api/v1/indicators/1.1/breakdown?by=sex&asOf=2015-01-20');
      expect(view).toEqual({ code: '1.1', by: 'sex', asOf: '2014-12-31', position: head, withheld: true, threshold: 5, cells: [] });
      const auditorView = await get(auditor, '/api/v1/indicators/1.1/breakdown?by=sex&asOf=2014-12-31');
      expect(auditorView).toMatchObject({ withheld: false, cells: [shown('female', 2), shown('male', 1)] });
    });

    it('given 2 assisted cases, when a donor asks 1.2 by sex, then it is withheld (2 < 5)', async () => {
      const view = await get(donor, '/api/v1/indicators/1.2/breakdown?by=sex');
      expect(view).toMatchObject({ withheld: true, cells: [] });
    });

    it('given a donor asking before the project, then the answer is withheld as of the quarter end before it', async () => {
      const view = await get(donor, '/api/v1/indicators/1.1/breakdown?by=sex&asOf=2014-08-15');
      expect(view).toMatchObject({ asOf: '2014-06-30', withheld: true, cells: [] });
    });

    it('given a donor asking with atPosition, then it is refused or answered at the head, never at the asked position', async () => {
      const res = await srv.api('GET', '/api/v1/indicators/1.1/breakdown?by=nationality&atPosition=3', { token: donor });
      if (res.status === 200) expect(res.json.position).toBe(head);
      else expect(res.status).toBe(400);
    });

    it('given a training of 1 woman and 9 men, when a donor asks 2.1 by sex, then nothing is suppressed (not a victim indicator)', async () => {
      const view = await get(donor, '/api/v1/indicators/2.1/breakdown?by=sex');
      expect(view).toMatchObject({ withheld: false, cells: [shown('male', 9), shown('female', 1)] });
    });

    it('given a donor, when it reads indicators and a series of 1.1, then the totals are not suppressed', async () => {
      const view = await get(donor, '/api/v1/indicators?asOf=2015-05-31');
      expect(view.asOf).toBe('2015-05-31');
      expect(view.indicators.find((i: any) => i.code === '1.1').value).toBe(12);
      const series = await get(donor, '/api/v1/indicators/1.1/series?period=quarter&asOf=2015-05-31');
      expect(series.points.at(-1)).toMatchObject({ end: '2015-05-31', cumulative: 12 });
    });
  });

  describe(`[${label}] donor suppression on the demo history`, () => {
    const byDefault = useServer(stores, { demo: true });
    const strict = useServer(stores, { demo: true, smallCell: 11 });

    it('given two fresh stores, when both load the demo history, then their heads (position and hash) are identical', async () => {
      const heads = await Promise.all(
        [byDefault, strict].map(async (srv) => (await srv.api('GET', '/api/v1/audit/verify', { token: await srv.login('auditor') })).json.head),
      );
      expect(heads[0].position).toBeGreaterThan(0);
      expect(heads[1]).toEqual(heads[0]);
    });

    checkAgainstFullView(byDefault, 5, 'the default threshold 5');
    checkAgainstFullView(strict, 11, 'JALON_SMALL_CELL=11');
  });
}

function lastQuarterEnd(d: string): string {
  const y = Number(d.slice(0, 4));
  const ends = [`${y - 1}-12-31`, `${y}-03-31`, `${y}-06-30`, `${y}-09-30`, `${y}-12-31`];
  return ends.filter((e) => e <= d).at(-1)!;
}

/** The rule of DOMAIN.md applied to the full (auditor) view. */
function suppress(total: number, cells: Array<{ key: string; value: number }>, t: number) {
  if (total < t) return { withheld: true, cells: [] as Cell[] };
  const small = new Set(cells.filter((c) => c.value >= 1 && c.value < t).map((c) => c.key));
  if (small.size === 1) {
    const others = cells.filter((c) => !small.has(c.key)).sort((a, b) => a.value - b.value || (a.key < b.key ? -1 : 1));
    if (others[0]) small.add(others[0].key);
  }
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return {
    withheld: false,
    cells: [
      ...cells.filter((c) => !small.has(c.key)).sort((a, b) => b.value - a.value || byKey(a, b)).map((c) => shown(c.key, c.value)),
      ...cells.filter((c) => small.has(c.key)).sort(byKey).map((c) => hidden(c.key)),
    ],
  };
}

function checkAgainstFullView(srv: ServerHandle, threshold: number, setting: string): void {
  const asked = ['2016-12-31', '2015-08-15', '2015-12-31', '2016-05-01'];
  const cases: Array<[string, string, string]> = [];
  for (const code of ['1.1', '1.2', '3.1', '3.2'])
    for (const by of ['nationality', 'sex', 'ageGroup', 'exploitationType', 'referredBy'])
      cases.push([code, by, asked[cases.length % asked.length]]);
  // Nothing is recorded on these servers: the head and the totals can be read once.
  let head: Promise<number> | undefined;
  const totals = new Map<string, Promise<any[]>>();
  const totalsAsOf = (d: string) => {
    if (!totals.has(d))
      totals.set(d, srv.login('auditor').then((t) => srv.api('GET', `/api/v1/indicators?asOf=${d}`, { token: t })).then((r) => r.json.indicators));
    return totals.get(d)!;
  };

  it.each(cases)(
    `given the demo history and ${setting}, when a donor asks %s by %s as of %s, then it is the auditor's view at the last quarter end with the rule applied`,
    async (code, by, asOf) => {
      const [donor, auditor] = await Promise.all([srv.login('donor'), srv.login('auditor')]);
      head ??= srv.head();
      const quarterEnd = lastQuarterEnd(asOf);
      const [d, full, indicators] = await Promise.all([
        srv.api('GET', `/api/v1/indicators/${code}/breakdown?by=${by}&asOf=${asOf}`, { token: donor }),
        srv.api('GET', `/api/v1/indicators/${code}/breakdown?by=${by}&asOf=${quarterEnd}`, { token: auditor }),
        totalsAsOf(quarterEnd),
      ]);
      expect(d.status).toBe(200);
      const total = indicators.find((i: any) => i.code === code).value;
      expect(full.json.cells.every((c: Cell) => !c.suppressed && c.value !== null)).toBe(true);
      expect(full.json.cells.reduce((s: number, c: Cell) => s + (c.value ?? 0), 0), 'cells add up to the value').toBe(total);
      const want = suppress(total, full.json.cells, threshold);
      expect(d.json).toEqual({ code, by, asOf: quarterEnd, position: await head, threshold, ...want });
      for (const c of d.json.cells as Cell[]) if (!c.suppressed) expect(c.value).toBeGreaterThanOrEqual(threshold);
    },
  );

  it(`given the demo history and ${setting}, when a donor asks 1.1 by nationality, then some cells are suppressed, each with value null`, async () => {
    const res = await srv.api('GET', '/api/v1/indicators/1.1/breakdown?by=nationality', { token: await srv.login('donor') });
    expect(res.json.withheld).toBe(false);
    const suppressed = res.json.cells.filter((c: Cell) => c.suppressed);
    expect(suppressed.length).toBeGreaterThanOrEqual(2);
    for (const c of suppressed) expect(c.value).toBeNull();
  });
}
