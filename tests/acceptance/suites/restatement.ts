/**
 * Restatements and "known at a time" over HTTP (CONTRACT.md, "Known at a time", "Restatement")
 * on a small history recorded through the API on an empty log. Every figure is worked out by hand
 * from DOMAIN.md: 1.1's targets are 5 (2014), 35 (2015), 60 (2016), so as of 2015-12-31 it
 * expects 35, and as of 2015-03-01, 5 + (35 − 5) × 60 / 365.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectQueryProblem, recorder, type Recorder } from '../support/fixtures.js';
import { useServer, type StoreFactory } from '../support/server.js';

const CODES = ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '3.1', '3.2', '3.3'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const plusMs = (time: string, ms: number) => new Date(Date.parse(time) + ms).toISOString();

export function restatementSuite(label: string, stores: StoreFactory): void {
  describe(`[${label}] restatement and known at a time`, () => {
    const srv = useServer(stores);
    let rec: Recorder;
    let token: string;
    /** Event ids and recording times by position (1-based). */
    const ids: string[] = [];
    const times: string[] = [];

    const get = async (path: string, as = token) => {
      const res = await srv.api('GET', path, { token: as });
      expect(res.status, `${path}: ${res.text.slice(0, 400)}`).toBe(200);
      return res.json;
    };
    const indicator = (view: any, code: string) => view.indicators.find((i: any) => i.code === code);

    beforeAll(async () => {
      rec = recorder(srv.api, await srv.login('manager'));
      token = await srv.login('auditor');
      // A few milliseconds apart, so that every position has a recording time of its own.
      const steps = [
        () => rec.identify('r-c1', { identifiedOn: '2015-03-10' }), // 1
        () => rec.identify('r-c2', { identifiedOn: '2015-04-02' }), // 2
        () => rec.void(ids[2], { reason: 'Duplicate of r-c1' }), // 3: voids position 2
        () => rec.target('1.1', { period: '2015', value: 40, reason: 'Mid-term review' }), // 4
        () => rec.identify('r-c3', { identifiedOn: '2015-02-01' }), // 5: back-dated
        () => rec.identify('r-c4', { identifiedOn: '2015-05-01' }), // 6
        () => rec.void(ids[6], { reason: 'Wrong referral' }), // 7: voids position 6
        () => rec.identify('r-c4', { identifiedOn: '2015-05-01' }), // 8: recorded again as it was
      ];
      for (const step of steps) {
        const { eventIds, position } = await step();
        ids[position] = eventIds[0];
        await sleep(5);
      }
      const page = await get('/api/v1/events?limit=100');
      for (const e of page.events) times[e.position] = e.metadata.recordedAt;
      expect(times.length - 1).toBe(8);
    });

    it('given a case voided after the report, when restated, then only 1.1 moved, by the void, with its reason', async () => {
      const view = await get('/api/v1/restatement?since=2&atPosition=3&asOf=2015-12-31');

      expect(view).toMatchObject({ asOf: '2015-12-31', since: 2, position: 3 });
      expect(view.indicators.map((i: any) => i.code)).toEqual(CODES);
      expect(indicator(view, '1.1')).toEqual({
        code: '1.1',
        then: { value: 2, target: 60, expected: 35, status: 'red' },
        now: { value: 1, target: 60, expected: 35, status: 'red' },
        restated: true,
        changes: [
          {
            position: 3,
            eventId: ids[3],
            type: 'EventVoided',
            streamId: 'case-r-c2',
            recordedAt: times[3],
            recordedBy: srv.username('manager'),
            reason: 'Duplicate of r-c1',
            value: { before: 2, after: 1 },
          },
        ],
      });
      // 1.3 = 100 × 0 / 2, then 100 × 0 / 1: 0 both times.
      expect(indicator(view, '1.3')).toMatchObject({ then: { value: 0 }, now: { value: 0 }, restated: false, changes: [] });
      expect(view.indicators.filter((i: any) => i.restated).map((i: any) => i.code)).toEqual(['1.1']);
      expect(view.indicators.filter((i: any) => i.changes.length > 0).map((i: any) => i.code)).toEqual(['1.1']);
    });

    it('given a target revised after the report, when restated as of 2015-12-31, then only 1.1\'s expected moved, with the revision\'s reason', async () => {
      const view = await get('/api/v1/restatement?since=3&atPosition=4&asOf=2015-12-31');

      expect(indicator(view, '1.1')).toEqual({
        code: '1.1',
        then: { value: 1, target: 60, expected: 35, status: 'red' },
        now: { value: 1, target: 60, expected: 40, status: 'red' },
        restated: true,
        changes: [
          {
            position: 4,
            eventId: ids[4],
            type: 'IndicatorTargetSet',
            streamId: 'indicator-1.1',
            recordedAt: times[4],
            recordedBy: srv.username('manager'),
            reason: 'Mid-term review',
            expected: { before: 35, after: 40 },
          },
        ],
      });
      expect(view.indicators.filter((i: any) => i.restated).map((i: any) => i.code)).toEqual(['1.1']);
    });

    it('given a case recorded after the report but dated before the asOf, when restated, then 1.1 and 1.3 moved at that event', async () => {
      const view = await get('/api/v1/restatement?since=4&atPosition=5&asOf=2015-03-01');

      // As of 2015-03-01 only r-c3 (2015-02-01) counts: r-c1 is dated 2015-03-10, r-c2 is voided.
      const expected = 5 + (40 - 5) * 60 / 365; // the 2015 target is 40 at both positions
      const i11 = indicator(view, '1.1');
      expect(i11).toMatchObject({ then: { value: 0, target: 60 }, now: { value: 1, target: 60 }, restated: true });
      expect(i11.then.expected).toBeCloseTo(expected, 9);
      expect(i11.changes).toEqual([expect.objectContaining({ position: 5, eventId: ids[5], type: 'VictimIdentified', value: { before: 0, after: 1 } })]);
      expect(i11.changes[0]).not.toHaveProperty('reason');
      // 1.3: 0 / 0 is null, then 100 × 0 / 1 = 0.
      expect(indicator(view, '1.3').changes).toEqual([expect.objectContaining({ position: 5, value: { before: null, after: 0 } })]);
    });

    it('given a case voided then recorded again as it was, when restated, then not restated but both events are listed', async () => {
      const view = await get('/api/v1/restatement?since=6&atPosition=8');

      // As of the project end: r-c1, r-c3, r-c4 = 3; without r-c4, 2.
      expect(indicator(view, '1.1')).toMatchObject({
        then: { value: 3, target: 60, expected: 60 },
        now: { value: 3, target: 60, expected: 60 },
        restated: false,
        changes: [
          { position: 7, eventId: ids[7], type: 'EventVoided', reason: 'Wrong referral', value: { before: 3, after: 2 } },
          { position: 8, eventId: ids[8], type: 'VictimIdentified', value: { before: 2, after: 3 } },
        ],
      });
      expect(view.indicators.some((i: any) => i.restated)).toBe(false);
    });

    it('given no atPosition, when restated since 0, then now is at the head and equals GET /indicators there', async () => {
      const view = await get('/api/v1/restatement?since=0');
      const now = await get('/api/v1/indicators');

      expect(view).toMatchObject({ asOf: '2016-12-31', since: 0, position: 8 });
      for (const code of CODES) {
        const { value, target, expected, status } = indicator(now, code);
        expect(indicator(view, code).now, code).toEqual({ value, target, expected, status });
      }
      // Positions 1, 2, 3, 5, 6, 7, 8 move 1.1 as of the end; the 2015 revision (4) does not.
      expect(indicator(view, '1.1').changes.map((c: any) => c.position)).toEqual([1, 2, 3, 5, 6, 7, 8]);
    });

    it('given sinceTime, when restated, then since is the position it resolves to', async () => {
      const view = await get(`/api/v1/restatement?sinceTime=${plusMs(times[2], 1)}&atTime=${times[3]}&asOf=2015-12-31`);
      expect(view).toMatchObject({ since: 2, position: 3 });
      expect(indicator(view, '1.1').changes).toHaveLength(1);
    });

    it('given a donor, when restated, then then and now without changes', async () => {
      const donor = await get('/api/v1/restatement?since=2&atPosition=3&asOf=2015-12-31', await srv.login('donor'));
      const auditor = await get('/api/v1/restatement?since=2&atPosition=3&asOf=2015-12-31');

      expect(donor.indicators.map((i: any) => i.code)).toEqual(CODES);
      for (const i of donor.indicators) expect(Object.keys(i).sort()).toEqual(['code', 'now', 'restated', 'then']);
      expect(donor.indicators).toEqual(auditor.indicators.map(({ changes: _changes, ...rest }: any) => rest));
    });

    it('given every role, when restated, then it is answered', async () => {
      for (const role of ['admin', 'manager', 'auditor', 'donor'] as const) {
        await get('/api/v1/restatement?since=8', await srv.login(role));
      }
    });

    it('given since after the position compared, or after the head, then 400 naming since', async () => {
      expectQueryProblem(await srv.api('GET', '/api/v1/restatement?since=5&atPosition=3', { token }), 'since');
      expectQueryProblem(await srv.api('GET', '/api/v1/restatement?since=9', { token }), 'since');
      expectQueryProblem(await srv.api('GET', `/api/v1/restatement?sinceTime=${times[5]}&atTime=${times[3]}`, { token }), 'sinceTime');
    });

    it('given neither or both of since and sinceTime, both atPosition and atTime, or a time that is no instant, then 400', async () => {
      const bad: Array<[string, string]> = [
        ['/api/v1/restatement', 'since'],
        ['/api/v1/restatement?asOf=2015-12-31', 'since'],
        [`/api/v1/restatement?since=1&sinceTime=${times[1]}`, 'sinceTime'],
        [`/api/v1/restatement?since=1&atPosition=2&atTime=${times[2]}`, 'atTime'],
        ['/api/v1/restatement?sinceTime=2015-02-30T10:00:00.000Z', 'sinceTime'],
        ['/api/v1/restatement?since=1&atTime=2015-03-01T10:00:00Z', 'atTime'],
        ['/api/v1/restatement?since=-1', 'since'],
        ['/api/v1/restatement?since=1&at=2', 'at'],
      ];
      for (const [path, param] of bad) expectQueryProblem(await srv.api('GET', path, { token }), param);
    });

    it('given the OpenAPI document, then it describes the restatement route and atTime wherever atPosition is', async () => {
      const doc = (await srv.api('GET', '/api/docs-json')).json;
      const params = (path: string) => (doc.paths[path]?.get?.parameters ?? []).map((p: any) => p.name).sort();
      expect(params('/api/v1/restatement')).toEqual(['asOf', 'atPosition', 'atTime', 'minPosition', 'since', 'sinceTime']);
      expect(doc.paths['/api/v1/restatement'].get.responses['200']).toBeDefined();
      for (const [path, get] of Object.entries<any>(doc.paths)) {
        const names = (get.get?.parameters ?? []).map((p: any) => p.name);
        if (names.includes('atPosition')) expect(names, path).toContain('atTime');
      }
    });

    describe('atTime on every route that takes atPosition', () => {
      const routes = ['/api/v1/indicators?', '/api/v1/logframe?', '/api/v1/indicators/1.1/series?', '/api/v1/indicators/2.1/breakdown?by=sex&'];

      it('given a recording time, then the log up to the last event recorded then', async () => {
        for (const route of routes) {
          expect((await get(`${route}atTime=${times[4]}`)).position, route).toBe(4);
          expect((await get(`${route}atTime=${times[1]}`)).position, route).toBe(1);
        }
      });

      it('given a time between two recordings, then the earlier one', async () => {
        for (const route of routes) expect((await get(`${route}atTime=${plusMs(times[2], 1)}`)).position, route).toBe(2);
        expect((await get(`/api/v1/indicators?atTime=${plusMs(times[3], -1)}`)).position).toBe(2);
      });

      it('given a time before the first recording, then position 0; in the future, then the head', async () => {
        for (const route of routes) {
          expect((await get(`${route}atTime=${plusMs(times[1], -1)}`)).position, route).toBe(0);
          expect((await get(`${route}atTime=2999-01-01T00:00:00.000Z`)).position, route).toBe(8);
        }
      });

      it('given atTime, then the figures are those known at the position it resolves to', async () => {
        const byTime = await get(`/api/v1/indicators?asOf=2015-12-31&atTime=${plusMs(times[3], 2)}`);
        const byPosition = await get('/api/v1/indicators?asOf=2015-12-31&atPosition=3');
        expect(byTime).toEqual(byPosition);
        expect(indicator(byTime, '1.1')).toMatchObject({ value: 1, expected: 35 });
        // The logframe's targets in effect: the 2015 revision (position 4) is not known yet at 3.
        expect(indicator(await get(`/api/v1/logframe?atTime=${times[3]}`), '1.1').targets).toEqual({ 2014: 5, 2015: 35, 2016: 60 });
        expect(indicator(await get(`/api/v1/logframe?atTime=${times[4]}`), '1.1').targets).toEqual({ 2014: 5, 2015: 40, 2016: 60 });
      });

      it('given atTime on the indicator export and the donor report, then they stand on the position it resolves to', async () => {
        const csv = await srv.api('GET', `/api/v1/indicators/export?format=csv&atTime=${times[4]}`, { token });
        expect(csv.status, csv.text.slice(0, 300)).toBe(200);
        expect(csv.headers.get('jalon-position')).toBe('4');
        const html = await srv.api('GET', `/api/v1/reports/donor?period=2015&format=html&atTime=${plusMs(times[2], 1)}`, { token });
        expect(html.status, html.text.slice(0, 300)).toBe(200);
        expect(html.headers.get('jalon-position')).toBe('2');
        expectQueryProblem(await srv.api('GET', `/api/v1/indicators/export?format=csv&atPosition=1&atTime=${times[1]}`, { token }), 'atTime');
        expectQueryProblem(await srv.api('GET', `/api/v1/reports/donor?period=2015&format=html&atTime=2015-13-01T00:00:00.000Z`, { token }), 'atTime');
      });

      it('given atTime with atPosition, or a time not in the recordedAt format, then 400 naming atTime', async () => {
        for (const route of routes) {
          expectQueryProblem(await srv.api('GET', `${route}atPosition=1&atTime=${times[1]}`, { token }), 'atTime');
          expectQueryProblem(await srv.api('GET', `${route}atTime=2015-02-30T10:00:00.000Z`, { token }), 'atTime');
          expectQueryProblem(await srv.api('GET', `${route}atTime=2015-03-01`, { token }), 'atTime');
        }
      });
    });
  });
}
