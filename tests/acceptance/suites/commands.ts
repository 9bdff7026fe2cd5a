/**
 * Commands as a client sees them (CONTRACT.md "Commands", DOMAIN.md "Envelope"): idempotent
 * retries, reading one's own writes, the envelope of what was appended, paging through the log,
 * verification, and concurrent commands on one stream.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ENVELOPE_KEYS,
  HEX64,
  RECORDED_AT,
  UUID,
  assistanceBody,
  caseBody,
  csoBody,
  expectAccepted,
  expectProblem,
  expectRefused,
  firstBadPlace,
  freshId,
  nullPaths,
  parseNdjson,
  recorder,
  type Envelope,
  type Recorder,
} from '../support/fixtures.js';
import { useServer, type StoreFactory } from '../support/server.js';

export function commandsSuite(label: string, stores: StoreFactory): void {
  describe(`[${label}] commands`, () => {
    const srv = useServer(stores);
    let manager: string;
    let admin: string;
    let auditor: string;
    let rec: Recorder;

    beforeAll(async () => {
      [manager, admin, auditor] = await Promise.all([srv.login('manager'), srv.login('admin'), srv.login('auditor')]);
      rec = recorder(srv.api, manager);
    });

    const postCase = (token: string, body: unknown, key?: string) =>
      srv.api('POST', '/api/v1/cases', { token, body, headers: key ? { 'idempotency-key': key } : {} });
    const stream = async (streamId: string): Promise<Envelope[]> => {
      const res = await srv.api('GET', `/api/v1/events?stream=${streamId}&limit=1000`, { token: auditor });
      expect(res.status).toBe(200);
      return res.json.events;
    };

    describe('idempotent retries', () => {
      it('given a command sent with an Idempotency-Key, when the same user retries it with the same body, then it gets the same 201 body and one event was appended', async () => {
        const key = freshId('key');
        const body = caseBody(freshId('case'));
        const before = await srv.head();
        const first = await postCase(manager, body, key);
        const accepted = expectAccepted(first, 'first');
        await rec.identify(freshId('case')); // the head moves on in between
        const retry = await postCase(manager, body, key);
        expect(retry.status).toBe(201);
        expect(retry.json).toEqual(accepted);
        expect(await srv.head()).toBe(before + 2);
        const events = await stream(`case-${body.caseId}`);
        expect(events).toHaveLength(1);
        expect(events[0].eventId).toBe(accepted.eventIds[0]);
        expect(events[0].metadata.commandId).toBe(key);
      });

      it('given a used key, when the retry carries the same body with its keys in another order, then it is the same request (canonical JSON)', async () => {
        const key = freshId('key');
        const body = caseBody(freshId('case'));
        const first = expectAccepted(await postCase(manager, body, key), 'first');
        const reordered = Object.fromEntries(Object.entries(body).reverse());
        const before = await srv.head();
        const retry = await srv.api('POST', '/api/v1/cases', { token: manager, body: JSON.stringify(reordered, null, 2), headers: { 'idempotency-key': key } });
        expect(retry.status).toBe(201);
        expect(retry.json).toEqual(first);
        expect(await srv.head()).toBe(before);
      });

      it('given a used key, when the same user sends it with another body, then the answer is 409 and nothing is appended', async () => {
        const key = freshId('key');
        await postCase(manager, caseBody(freshId('case')), key).then((r) => expectAccepted(r, 'first'));
        await expectRefused(srv, () => postCase(manager, caseBody(freshId('case')), key), 409);
      });

      it('given a used key, when the same user sends the same body to another path, then the answer is 409 and nothing is appended', async () => {
        const [a, b] = [freshId('case'), freshId('case')];
        await rec.identify(a);
        await rec.identify(b);
        const key = freshId('key');
        const body = assistanceBody();
        expectAccepted(await srv.api('POST', `/api/v1/cases/${a}/assistance`, { token: manager, body, headers: { 'idempotency-key': key } }), 'first');
        await expectRefused(srv, () => srv.api('POST', `/api/v1/cases/${b}/assistance`, { token: manager, body, headers: { 'idempotency-key': key } }), 409);
      });

      it("given a key used by one user, when another user sends the same key, then it is independent: recorded as the other user's own command", async () => {
        const key = freshId('key');
        const mine = expectAccepted(await postCase(manager, caseBody(freshId('case')), key), 'manager');
        const otherBody = caseBody(freshId('case'));
        const before = await srv.head();
        const theirs = expectAccepted(await postCase(admin, otherBody, key), 'admin');
        expect(theirs.eventIds).not.toEqual(mine.eventIds);
        expect(await srv.head()).toBe(before + 1);
        const [event] = await stream(`case-${otherBody.caseId}`);
        expect(event.metadata).toMatchObject({ recordedBy: srv.username('admin'), commandId: key });
        // And each user's retry gets its own first answer.
        expect((await postCase(admin, otherBody, key)).json).toEqual(theirs);
      });

      it('given a key whose first use was refused, when the same user sends a valid body with it, then it is accepted: only successes are remembered', async () => {
        const key = freshId('key');
        expectProblem(await postCase(manager, caseBody(freshId('case'), { sex: 'x' }), key), 400);
        const existing = freshId('case');
        await rec.identify(existing);
        expectProblem(await postCase(manager, caseBody(existing), key), 409);
        expectAccepted(await postCase(manager, caseBody(freshId('case')), key), 'after refusals');
      });

      it('given the same key and body sent five times at once, when all are answered, then one event was appended and every 201 is the same', async () => {
        const key = freshId('key');
        const body = caseBody(freshId('case'));
        const before = await srv.head();
        const answers = await Promise.all(Array.from({ length: 5 }, () => postCase(manager, body, key)));
        expect(answers.every((a) => a.status < 500), answers.map((a) => a.status).join(',')).toBe(true);
        const ok = answers.filter((a) => a.status === 201);
        expect(ok.length).toBeGreaterThanOrEqual(1);
        for (const a of ok) expect(a.json).toEqual(ok[0].json);
        expect(await srv.head()).toBe(before + 1);
        expect(await stream(`case-${body.caseId}`)).toHaveLength(1);
      });
    });

    describe('read-your-writes', () => {
      it("given a command's position, when indicators are asked with minPosition = it, then they show the new value", async () => {
        const before = await srv.api('GET', '/api/v1/indicators', { token: auditor });
        const count = (view: any) => view.indicators.find((i: any) => i.code === '1.1').value;
        const { position, eventIds } = await rec.identify(freshId('case'));
        const after = await srv.api('GET', `/api/v1/indicators?minPosition=${position}`, { token: auditor });
        expect(after.status).toBe(200);
        expect(after.json.position).toBeGreaterThanOrEqual(position);
        expect(count(after.json)).toBe(count(before.json) + 1);
        // `position` is the log position of the appended event.
        const page = await srv.api('GET', `/api/v1/events?after=${position - 1}&limit=1`, { token: auditor });
        expect(page.json.events[0]).toMatchObject({ position, eventId: eventIds[0], type: 'VictimIdentified' });
        expect(position).toBe(await srv.head());
      });

      it('given the head, when indicators are asked with minPosition above it, then the answer is 400', async () => {
        const head = await srv.head();
        expectProblem(await srv.api('GET', `/api/v1/indicators?minPosition=${head + 1}`, { token: auditor }), 400);
      });
    });

    describe('concurrent commands on one stream', () => {
      it('given one case, when eight assistances are posted at once, then all are accepted with distinct, gap-free revisions', async () => {
        const id = freshId('case');
        await rec.identify(id);
        const answers = await Promise.all(
          Array.from({ length: 8 }, (_, i) => srv.api('POST', `/api/v1/cases/${id}/assistance`, { token: manager, body: assistanceBody({ providedOn: `2015-04-${String(i + 1).padStart(2, '0')}` }) })),
        );
        expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
        const events = await stream(`case-${id}`);
        expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
        expect(new Set(answers.map((a) => a.json.position)).size).toBe(8);
      });

      it('given a new case id, when six identifications of it are posted at once, then exactly one is accepted and the others are 409', async () => {
        const id = freshId('case');
        const answers = await Promise.all(Array.from({ length: 6 }, () => postCase(manager, caseBody(id))));
        expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
        for (const a of answers.filter((x) => x.status === 409)) expectProblem(a, 409);
        expect(await stream(`case-${id}`)).toHaveLength(1);
      });
    });

    describe('the envelope', () => {
      it('given commands with and without a key, when their events are read, then each envelope has exactly the documented keys and values', async () => {
        const id = freshId('case');
        const key = freshId('key');
        const t0 = Date.now();
        const identified = expectAccepted(await postCase(manager, caseBody(id), key), 'identify');
        const assisted = await rec.assist(id, { providedOn: '2015-04-02', assistanceType: 'medical' });
        const voided = await srv.api('POST', `/api/v1/events/${assisted.eventIds[0]}/void`, { token: admin, body: { reason: 'Duplicate entry' } });
        expectAccepted(voided, 'void');
        const t1 = Date.now();
        const events = await stream(`case-${id}`);
        expect(events.map((e) => e.type)).toEqual(['VictimIdentified', 'AssistanceProvided', 'EventVoided']);
        for (const [i, e] of events.entries()) {
          expect(Object.keys(e).sort()).toEqual(ENVELOPE_KEYS);
          expect(e.eventId).toMatch(UUID);
          expect(e.streamId).toBe(`case-${id}`);
          expect(e.revision).toBe(i);
          expect(e.hash).toMatch(HEX64);
          expect(e.metadata.recordedAt).toMatch(RECORDED_AT);
          const at = Date.parse(e.metadata.recordedAt);
          expect(at).toBeGreaterThanOrEqual(t0 - 1000);
          expect(at).toBeLessThanOrEqual(t1 + 1000);
          expect(e.metadata.schemaVersion).toBe(1);
          expect(nullPaths(e), 'an optional field is absent, never null').toEqual([]);
        }
        const [first, second, third] = events;
        expect(first.eventId).toBe(identified.eventIds[0]);
        expect(first.data).toEqual(caseBody(id));
        expect(first.metadata).toEqual({ recordedAt: first.metadata.recordedAt, recordedBy: srv.username('manager'), commandId: key, schemaVersion: 1 });
        expect(second.data).toEqual({ caseId: id, providedOn: '2015-04-02', assistanceType: 'medical' });
        expect(Object.keys(second.metadata).sort(), 'commandId only with an Idempotency-Key').toEqual(['recordedAt', 'recordedBy', 'schemaVersion']);
        expect(third.data).toEqual({ eventId: assisted.eventIds[0], reason: 'Duplicate entry' });
        expect(third.metadata.recordedBy).toBe(srv.username('admin'));
        expect(second.position).toBeGreaterThan(first.position);
        expect(third.position).toBeGreaterThan(second.position);
      });

      it('given a CSO mapped without a city, when its event is read, then data has no city key at all', async () => {
        const id = freshId('cso');
        await rec.cso(id);
        const [e] = await stream(`cso-${id}`);
        expect(e.data).toEqual(csoBody(id));
        expect('city' in e.data).toBe(false);
        expect(e.type).toBe('CsoMapped');
      });

      it('given a target set for 2.1, when its event is read, then it sits on stream indicator-2.1 with the code from the path', async () => {
        const { eventIds } = await rec.target('2.1', { period: '2015', value: 95 });
        const events = await stream('indicator-2.1');
        const e = events.find((x) => x.eventId === eventIds[0])!;
        expect(e).toMatchObject({ type: 'IndicatorTargetSet', data: { code: '2.1', period: '2015', value: 95, reason: 'Revised at the mid-term review' } });
      });
    });

    describe('paging through the log', () => {
      let all: Envelope[];
      beforeAll(async () => {
        // Enough events for the default limit of 100 to matter.
        for (let batch = 0; batch < 11; batch++) {
          await Promise.all(Array.from({ length: 10 }, () => rec.cso(freshId('cso'))));
        }
        // What the filters below look for, written here rather than left to the tests above:
        // each test of this block runs alone (-t NAME).
        const caseId = freshId('case');
        await rec.identify(caseId);
        const assisted = await rec.assist(caseId);
        await rec.assist(caseId, { providedOn: '2015-05-02' });
        await rec.void(assisted.eventIds[0]);
        const res = await srv.api('GET', '/api/v1/events?limit=1000', { token: auditor });
        expect(res.status).toBe(200);
        all = res.json.events;
        expect(res.json.next).toBeNull();
      });

      it('given the whole log, then positions run 1, 2, 3… without a gap and match the head', async () => {
        expect(all.map((e) => e.position)).toEqual(all.map((_, i) => i + 1));
        expect(all.length).toBe(await srv.head());
      });

      it('given more than 100 events, when events are asked without a limit, then the first 100 come with next = the 100th position', async () => {
        const res = await srv.api('GET', '/api/v1/events', { token: auditor });
        expect(res.json.events).toHaveLength(100);
        expect(res.json.events.map((e: Envelope) => e.position)).toEqual(all.slice(0, 100).map((e) => e.position));
        expect(res.json.next).toBe(100);
      });

      it('given pages of 7, when a client follows next until null, then it has read the whole log once, in order', async () => {
        const read: Envelope[] = [];
        let after = 0;
        for (let pages = 0; pages < 1000; pages++) {
          const res = await srv.api('GET', `/api/v1/events?after=${after}&limit=7`, { token: auditor });
          expect(res.status).toBe(200);
          read.push(...res.json.events);
          if (res.json.next === null) break;
          expect(res.json.next).toBe(res.json.events.at(-1).position);
          after = res.json.next;
        }
        expect(read).toEqual(all);
      });

      it('given a page that ends with the last event, then next is null; given one that ends before it, next is its last position', async () => {
        const n = all.length;
        const last = await srv.api('GET', `/api/v1/events?after=${n - 3}&limit=3`, { token: auditor });
        expect(last.json.events.map((e: Envelope) => e.position)).toEqual([n - 2, n - 1, n]);
        expect(last.json.next).toBeNull();
        const notLast = await srv.api('GET', `/api/v1/events?after=${n - 3}&limit=2`, { token: auditor });
        expect(notLast.json.next).toBe(n - 1);
      });

      it('given after = the head, then the page is empty and next is null', async () => {
        const res = await srv.api('GET', `/api/v1/events?after=${all.length}`, { token: auditor });
        expect(res.status).toBe(200);
        expect(res.json).toEqual({ events: [], next: null });
      });

      it('given a type filter, when a client pages one by one, then it gets exactly the events of that type and next is null after the last match', async () => {
        const expected = all.filter((e) => e.type === 'EventVoided');
        expect(expected.length).toBeGreaterThanOrEqual(1);
        const read: Envelope[] = [];
        let after = 0;
        for (let pages = 0; pages < 100; pages++) {
          const res = await srv.api('GET', `/api/v1/events?type=EventVoided&after=${after}&limit=1`, { token: auditor });
          read.push(...res.json.events);
          if (res.json.next === null) break;
          after = res.json.next;
        }
        expect(read).toEqual(expected);
      });

      it('given a stream filter, then the page holds exactly that stream, in revision order', async () => {
        const target = all.find((e) => e.type === 'AssistanceProvided')!.streamId;
        const res = await srv.api('GET', `/api/v1/events?stream=${target}`, { token: auditor });
        expect(res.json.events).toEqual(all.filter((e) => e.streamId === target));
        expect(res.json.events.map((e: Envelope) => e.revision)).toEqual(res.json.events.map((_: unknown, i: number) => i));
        expect(res.json.next).toBeNull();
      });

      it('given a type and a stream filter together, then both apply', async () => {
        const target = all.find((e) => e.type === 'EventVoided')!.streamId;
        const res = await srv.api('GET', `/api/v1/events?stream=${target}&type=EventVoided`, { token: auditor });
        expect(res.json.events).toEqual(all.filter((e) => e.streamId === target && e.type === 'EventVoided'));
      });

      it('given the log, when the export is read, then it is the same envelopes, one a line, in position order', async () => {
        const res = await srv.api('GET', '/api/v1/events/export', { token: auditor });
        expect(res.status).toBe(200);
        const lines = res.text.split('\n').filter((l) => l !== '');
        expect(lines.length).toBe(all.length);
        for (const line of lines) expect(Object.keys(JSON.parse(line)).sort()).toEqual(ENVELOPE_KEYS);
        expect(parseNdjson(res.text)).toEqual(all);
      });

      it('given the log, when it is verified, then {ok: true, events, head: {position, hash}, firstBadPosition: null} matches a chain computed here', async () => {
        const res = await srv.api('GET', '/api/v1/audit/verify', { token: auditor });
        expect(res.status).toBe(200);
        expect(res.json).toEqual({
          ok: true,
          events: all.length,
          head: { position: all.length, hash: all.at(-1)!.hash },
          firstBadPosition: null,
        });
        expect(firstBadPlace(all), 'the hash chain, recomputed from DOMAIN.md "Integrity"').toBeNull();
      });
    });
  });
}
