/**
 * The log browser's API (GET /api/v1/events filters, newest first) and verification against a
 * pasted hash (GET /api/v1/audit/verify?expectHead=…), on seven events recorded here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectQueryProblem, freshId, recorder } from '../support/fixtures.js';
import { useServer, type StoreFactory } from '../support/server.js';

export function logBrowserSuite(label: string, stores: StoreFactory): void {
  describe(`[${label}] log browser and verification`, () => {
    const srv = useServer(stores);
    const caseId = freshId('C');
    let auditor: string;
    let all: any[];

    const page = async (query: string) => {
      const res = await srv.api('GET', `/api/v1/events?${query}`, { token: auditor });
      expect(res.status, res.text).toBe(200);
      return { positions: res.json.events.map((e: any) => e.position), next: res.json.next };
    };
    const positions = async (query: string) => (await page(query)).positions;

    beforeAll(async () => {
      const manager = recorder(srv.api, await srv.login('manager'));
      const admin = recorder(srv.api, await srv.login('admin'));
      await manager.cso(freshId('K'), { mappedOn: '2015-01-15' }); // 1
      await manager.training(freshId('T'), { heldOn: '2015-02-10' }); // 2
      await admin.identify(caseId, { identifiedOn: '2015-03-10' }); // 3
      const assisted = await manager.assist(caseId, { providedOn: '2015-03-20' }); // 4
      await admin.target('2.2', { period: '2015', value: 55 }); // 5
      await manager.void(assisted.eventIds[0]); // 6
      await manager.close(caseId, { closedOn: '2015-06-30' }); // 7
      auditor = await srv.login('auditor');
      all = (await srv.api('GET', '/api/v1/events', { token: auditor })).json.events;
      expect(all.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    });

    it('given seven events, when filtered by one or several types, a stream or who recorded them, then exactly those come', async () => {
      expect(await positions('type=CsoMapped')).toEqual([1]);
      expect(await positions('type=CaseClosed,CsoMapped')).toEqual([1, 7]);
      expect(await positions(`stream=case-${caseId}`)).toEqual([3, 4, 6, 7]);
      expect(await positions('recordedBy=admin')).toEqual([3, 5]);
      expect(await positions(`stream=case-${caseId}&recordedBy=qa-manager`)).toEqual([4, 6, 7]);
    });

    it('given seven events, when filtered by business date, then target revisions and voids (which have none) are left out', async () => {
      expect(await positions('from=2015-02-01&to=2015-03-15')).toEqual([2, 3]);
      expect(await positions('from=2015-03-11')).toEqual([4, 7]);
      expect(await positions('to=2015-01-31')).toEqual([1]);
      expect(await positions('from=2015-01-15&to=2015-01-15')).toEqual([1]);
    });

    it('given seven events, when filtered by the time they were recorded, then the bounds are inclusive', async () => {
      const [from, to] = [all[2].metadata.recordedAt, all[4].metadata.recordedAt];
      const expected = all.filter((e) => e.metadata.recordedAt >= from && e.metadata.recordedAt <= to).map((e) => e.position);
      expect(expected).toEqual(expect.arrayContaining([3, 4, 5]));
      expect(await positions(`recordedFrom=${from}&recordedTo=${to}`)).toEqual(expected);
      expect(await positions(`recordedFrom=${all[6].metadata.recordedAt}`)).toEqual([7]);
      expect(await positions('recordedTo=2000-01-01T00:00:00.000Z')).toEqual([]);
    });

    it('given seven events, when paged newest first, then `next` is the `before` of the following page until null', async () => {
      expect(await page('order=desc&limit=3')).toEqual({ positions: [7, 6, 5], next: 5 });
      expect(await page('order=desc&limit=3&before=5')).toEqual({ positions: [4, 3, 2], next: 2 });
      expect(await page('order=desc&limit=3&before=2')).toEqual({ positions: [1], next: null });
      expect(await page('order=desc&limit=2&recordedBy=admin')).toEqual({ positions: [5, 3], next: null });
    });

    it('given seven events, when paged oldest first with a filter, then `next` is the `after` of the following page until null', async () => {
      expect(await page('recordedBy=qa-manager&limit=2')).toEqual({ positions: [1, 2], next: 2 });
      expect(await page('recordedBy=qa-manager&limit=2&after=2')).toEqual({ positions: [4, 6], next: 6 });
      expect(await page('recordedBy=qa-manager&limit=2&after=6')).toEqual({ positions: [7], next: null });
      expect(await page('after=2&before=5')).toEqual({ positions: [3, 4], next: null });
    });

    it('given bad filters, when the log is asked, then 400 naming each bad parameter', async () => {
      const bad: Array<[string, string]> = [
        ['from=2015-02-30', 'from'],
        ['from=2015-03-01&to=2015-02-01', 'to'],
        ['recordedFrom=2015-01-01', 'recordedFrom'],
        ['recordedTo=2015-01-01T00:00:00Z', 'recordedTo'],
        ['recordedFrom=2015-02-30T00:00:00.000Z', 'recordedFrom'],
        ['recordedFrom=2015-02-02T00:00:00.000Z&recordedTo=2015-02-01T00:00:00.000Z', 'recordedTo'],
        ['order=up', 'order'],
        ['type=CsoMapped,Nope', 'type'],
        ['type=CsoMapped&type=CaseClosed', 'type'],
        ['before=-1', 'before'],
        ['recordedBy=', 'recordedBy'],
      ];
      for (const [query, param] of bad) expectQueryProblem(await srv.api('GET', `/api/v1/events?${query}`, { token: auditor }), param);
    });

    it('given a hash of the chain, when verify is asked to expect it, then it says it is found and where, keeping the other fields', async () => {
      const res = await srv.api('GET', `/api/v1/audit/verify?expectHead=${all[2].hash}`, { token: auditor });
      expect(res.json).toEqual({
        ok: true,
        events: 7,
        head: { position: 7, hash: all[6].hash },
        firstBadPosition: null,
        expectHead: { hash: all[2].hash, found: true, position: 3 },
      });
      const head = await srv.api('GET', `/api/v1/audit/verify?expectHead=${all[6].hash}`, { token: await srv.login('manager') });
      expect(head.json.expectHead).toEqual({ hash: all[6].hash, found: true, position: 7 });
    });

    it('given a hash not in the chain, when verify expects it, then found is false; without expectHead the answer is as before', async () => {
      const unknown = 'ab'.repeat(32);
      const res = await srv.api('GET', `/api/v1/audit/verify?expectHead=${unknown}`, { token: auditor });
      expect(res.json).toMatchObject({ ok: true, events: 7, expectHead: { hash: unknown, found: false, position: null } });
      const plain = await srv.api('GET', '/api/v1/audit/verify', { token: auditor });
      expect(Object.keys(plain.json).sort()).toEqual(['events', 'firstBadPosition', 'head', 'ok']);
    });

    it('given a malformed hash, when verify expects it, then 400; a donor gets 403 first', async () => {
      for (const hash of [all[2].hash.toUpperCase(), all[2].hash.slice(1), `${all[2].hash}0`, 'g'.repeat(64)]) {
        expectQueryProblem(await srv.api('GET', `/api/v1/audit/verify?expectHead=${hash}`, { token: auditor }), 'expectHead');
      }
      expectProblem(await srv.api('GET', '/api/v1/audit/verify?expectHead=nope', { token: await srv.login('donor') }), 403);
    });
  });
}
