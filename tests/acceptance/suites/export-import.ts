/**
 * Export → import (CONTRACT.md "Queries", "Export format"; DOMAIN.md "Integrity"): an export
 * restores into an empty store with the same answers and the same head hash; a tampered export
 * or a non-empty store is refused and nothing is written.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ENVELOPE_KEYS,
  caseBody,
  expectAccepted,
  expectProblem,
  expectRefused,
  firstBadPlace,
  freshId,
  parseNdjson,
  rechain,
  recorder,
  toNdjson,
  type Envelope,
} from '../support/fixtures.js';
import { useServer, type ServerHandle, type StoreFactory } from '../support/server.js';

const NDJSON = { 'content-type': 'application/x-ndjson' };

/** Whether the problem names `position`: a field holding it, or the number in its text. */
function namesPosition(problem: any, position: number): boolean {
  if (problem?.firstBadPosition === position || problem?.position === position) return true;
  const texts = [problem?.detail, ...(problem?.errors ?? []).flatMap((e: any) => [e.path, e.message])];
  return texts.some((t) => typeof t === 'string' && new RegExp(`(^|\\D)${position}(\\D|$)`).test(t));
}

async function verify(srv: ServerHandle) {
  const res = await srv.api('GET', '/api/v1/audit/verify', { token: await srv.login('auditor') });
  expect(res.status).toBe(200);
  return res.json;
}

export function exportImportSuite(label: string, stores: StoreFactory): void {
  describe(`[${label}] export → import`, () => {
    const source = useServer(stores, { demo: true });
    const target = useServer(stores);
    let exported: string;
    let events: Envelope[];
    let demoHead: { position: number; hash: string };
    // A command sent with a key before the export, to be retried after the restore.
    const keyedCase = caseBody(freshId('case'));
    let keyedAnswer: { eventIds: string[]; position: number };

    const importInto = async (srv: ServerHandle, body: string) =>
      srv.api('POST', '/api/v1/events/import', { token: await srv.login('admin'), body, headers: NDJSON });

    beforeAll(async () => {
      demoHead = (await verify(source)).head;
      // Some events of our own on top of the demo: a key, a void, another user.
      const manager = await source.login('manager');
      const rec = recorder(source.api, manager);
      const id = keyedCase.caseId as string;
      keyedAnswer = expectAccepted(await source.api('POST', '/api/v1/cases', { token: manager, body: keyedCase, headers: { 'idempotency-key': 'k-1' } }), 'case');
      const assisted = await rec.assist(id, { providedOn: '2015-04-01' });
      await recorder(source.api, await source.login('admin')).void(assisted.eventIds[0]);
      await rec.target('2.2', { period: '2015', value: 55 });
      const res = await source.api('GET', '/api/v1/events/export', { token: await source.login('auditor') });
      expect(res.status).toBe(200);
      exported = res.text;
      events = parseNdjson(exported);
    });

    it('given the demo history, when the log is exported, then each line is one envelope with exactly the eight keys, in position order', () => {
      expect(demoHead.position).toBeGreaterThan(0);
      expect(exported.endsWith('\n') || !exported.includes('\n\n')).toBe(true);
      for (const line of exported.split('\n').filter((l) => l !== '')) expect(Object.keys(JSON.parse(line)).sort()).toEqual(ENVELOPE_KEYS);
      expect(events.map((e) => e.position)).toEqual(events.map((_, i) => i + 1));
      expect(events.length).toBe(demoHead.position + 4);
    });

    it('given the export, when its hash chain is recomputed here from DOMAIN.md, then it holds and ends at the head that verify reports', async () => {
      expect(firstBadPlace(events)).toBeNull();
      const report = await verify(source);
      expect(report).toEqual({ ok: true, events: events.length, head: { position: events.length, hash: events.at(-1)!.hash }, firstBadPosition: null });
      expect(events[demoHead.position - 1].hash).toBe(demoHead.hash);
    });

    it('given the export, then it holds no credential: users are kept apart from the log', () => {
      expect(exported).not.toContain(source.server.adminPassword);
      expect(exported.toLowerCase()).not.toContain('password');
    });

    describe('a log of 3000 events built here, over 1 MiB, into an empty store', () => {
      const big = useServer(stores);
      const log = syntheticLog(3000);
      const body = toNdjson(log);
      // Imported before the tests, not by the first: each test of the block runs alone (-t NAME).
      let imported: Awaited<ReturnType<typeof importInto>>;
      beforeAll(async () => {
        imported = await importInto(big, body);
      });

      it('given the log, when admin imports it, then it is accepted (import is excepted from the 1 MiB limit) and verify reports its head', async () => {
        expect(Buffer.byteLength(body)).toBeGreaterThan(1024 * 1024);
        const res = imported;
        expect([200, 201], `${res.status} ${res.text.slice(0, 300)}`).toContain(res.status);
        expect(await verify(big)).toEqual({ ok: true, events: 3000, head: { position: 3000, hash: log.at(-1)!.hash }, firstBadPosition: null });
      });

      it('given the imported log, when indicators are read, then 2.5 counts 3000 CSOs, 1500 of them by 2014-12-31, 250 a region', async () => {
        const token = await big.login('auditor');
        const now = await big.api('GET', '/api/v1/indicators?minPosition=3000', { token });
        expect(now.json.indicators.find((i: any) => i.code === '2.5')).toMatchObject({ value: 3000, status: 'green' });
        const then = await big.api('GET', '/api/v1/indicators?asOf=2014-12-31&minPosition=3000', { token });
        expect(then.json.indicators.find((i: any) => i.code === '2.5').value).toBe(1500);
        const byRegion = await big.api('GET', '/api/v1/indicators/2.5/breakdown?by=region', { token });
        expect(byRegion.json.cells).toEqual([...REGIONS].sort().map((key) => ({ key, value: 250, suppressed: false })));
        const exported = await big.api('GET', '/api/v1/events/export', { token });
        expect(parseNdjson(exported.text)).toEqual(log);
      });
    });

    describe('tampered exports into an empty store', () => {
      const variant = (list: Envelope[], place: number) => ({ body: toNdjson(list), place });
      const tampered: Array<[string, () => { body: string; place: number }]> = [
        [
          'one changed field (a date in data at line 137)',
          () => variant(events.map((e, i) => (i === 136 ? { ...e, data: { ...e.data, ...changeDate(e.data) } } : e)), 137),
        ],
        [
          'one changed metadata field (recordedBy at line 211)',
          () => variant(events.map((e, i) => (i === 210 ? { ...e, metadata: { ...e.metadata, recordedBy: 'mallory' } } : e)), 211),
        ],
        ['one removed line (line 89)', () => variant(events.filter((_, i) => i !== 88), 89)],
        ['two lines swapped (lines 53 and 54)', () => variant(events.map((e, i) => (i === 52 ? events[53] : i === 53 ? events[52] : e)), 53)],
        ['a line inserted (a copy of line 40 after it)', () => variant([...events.slice(0, 40), events[39], ...events.slice(40)], 41)],
        [
          'an event breaking DOMAIN.md with the chain recomputed (nationality "ma")',
          () => {
            const at = events.findIndex((e, i) => i > 100 && e.type === 'VictimIdentified');
            return variant(rechain(events.map((e, i) => (i === at ? { ...e, data: { ...e.data, nationality: 'ma' } } : e))), at + 1);
          },
        ],
        [
          'an event breaking a rule with the chain recomputed (a second identification of a case in effect)',
          () => {
            const voided = new Set(events.filter((e) => e.type === 'EventVoided').map((e) => e.data.eventId));
            const first = events.find((e) => e.type === 'VictimIdentified' && !voided.has(e.eventId))!;
            const revision = events.filter((e) => e.streamId === first.streamId).length;
            const copy = { ...first, eventId: '0f0e0d0c-0b0a-4908-8706-050403020100', position: events.length + 1, revision };
            return variant(rechain([...events, copy]), events.length + 1);
          },
        ],
      ];

      it.each(tampered)('given %s, when admin imports it, then the answer is 400 naming the first bad position and nothing is written', async (_, make) => {
        const { body, place } = make();
        const res = await importInto(target, body);
        expect(res.status, res.text.slice(0, 400)).toBe(400);
        expect(namesPosition(res.json, place), `the problem names position ${place}: ${res.text.slice(0, 400)}`).toBe(true);
        const report = await verify(target);
        expect(report).toMatchObject({ ok: true, events: 0, head: { position: 0 } });
        // Last, the letter of CONTRACT.md "Errors" (problem+json, and errors[] for invalid input).
        expectProblem(res, 400);
      });

      it('given a line that is not JSON (line 10), when admin imports it, then the answer is 400 naming position 10 and nothing is written', async () => {
        const lines = exported.split('\n');
        lines[9] = '{"position": 10, "eventId": ';
        const res = await importInto(target, lines.join('\n'));
        expect(res.status, res.text.slice(0, 400)).toBe(400);
        expect(namesPosition(res.json, 10), `the problem names position 10: ${res.text.slice(0, 400)}`).toBe(true);
        expect((await verify(target)).events).toBe(0);
        expectProblem(res, 400);
      });

      it('given an intact export, when a manager imports it, then the answer is 403 and nothing is written', async () => {
        const res = await target.api('POST', '/api/v1/events/import', { token: await target.login('manager'), body: exported, headers: NDJSON });
        expectProblem(res, 403);
        expect((await verify(target)).events).toBe(0);
      });
    });

    describe('an intact export into an empty store', () => {
      beforeAll(async () => {
        const res = await importInto(target, exported);
        expect([200, 201], `import: ${res.status} ${res.text.slice(0, 400)}`).toContain(res.status);
      });

      it('given the restore, when both are verified, then the head position and hash are identical', async () => {
        expect(await verify(target)).toEqual(await verify(source));
      });

      it('given the restore, when both are exported, then the exports are identical byte for byte', async () => {
        const again = await target.api('GET', '/api/v1/events/export', { token: await target.login('auditor') });
        expect(again.text).toBe(exported);
      });

      it.each([
        '/api/v1/indicators',
        '/api/v1/indicators?asOf=2015-06-30',
        '/api/v1/indicators?atPosition=100',
        '/api/v1/logframe',
        '/api/v1/indicators/1.1/series?period=quarter',
        '/api/v1/indicators/2.4/series?period=year',
        '/api/v1/indicators/1.1/breakdown?by=nationality',
        '/api/v1/indicators/2.1/breakdown?by=region',
      ])('given the restore, when %s is asked of both, then the answers are identical', async (path) => {
        const head = events.length;
        const sep = path.includes('?') ? '&' : '?';
        const withMin = path.includes('atPosition') ? path : `${path}${sep}minPosition=${head}`;
        const [a, b] = await Promise.all([
          source.api('GET', withMin, { token: await source.login('auditor') }),
          target.api('GET', withMin, { token: await target.login('auditor') }),
        ]);
        expect(a.status).toBe(200);
        expect(b.json).toEqual(a.json);
      });

      it('given the restore, when the same user retries a command with the key it used before the export, then the first 201 is answered again and nothing is appended', async () => {
        const manager = await target.login('manager');
        const before = await verify(target);
        const retry = await target.api('POST', '/api/v1/cases', { token: manager, body: keyedCase, headers: { 'idempotency-key': 'k-1' } });
        expect(retry.status, retry.text).toBe(201);
        expect(retry.json).toEqual(keyedAnswer);
        expect(await verify(target)).toEqual(before);
      });

      it('given the restore, when the same user sends the same key with another body, then it is a 409 and nothing is appended', async () => {
        const manager = await target.login('manager');
        const other = caseBody(freshId('case'));
        await expectRefused(target, () => target.api('POST', '/api/v1/cases', { token: manager, body: other, headers: { 'idempotency-key': 'k-1' } }), 409);
      });

      it('given the demo history, before and after the restore, when the logframe is read, then it carries the demo notice', async () => {
        for (const srv of [source, target]) {
          const res = await srv.api('GET', '/api/v1/logframe', { token: await srv.login('auditor') });
          expect(res.status).toBe(200);
          expect(res.json.project.demo).toMatchObject({ fr: expect.any(String), en: expect.any(String) });
        }
      });

      it('given a store that is no longer empty, when the export is imported again, then the answer is 409 and nothing is written', async () => {
        const before = await verify(target);
        expectProblem(await importInto(target, exported), 409);
        expect(await verify(target)).toEqual(before);
        const sourceBefore = await verify(source);
        expectProblem(await importInto(source, exported), 409);
        expect(await verify(source)).toEqual(sourceBefore);
      });

      it('given the restored log, when a command is recorded, then the chain goes on from the imported head', async () => {
        const manager = await target.login('manager');
        const { position } = await recorder(target.api, manager).identify(freshId('case'));
        expect(position).toBe(events.length + 1);
        const report = await verify(target);
        expect(report).toMatchObject({ ok: true, events: events.length + 1, firstBadPosition: null });
        const res = await target.api('GET', '/api/v1/events/export', { token: await target.login('auditor') });
        const all = parseNdjson(res.text);
        expect(firstBadPlace(all)).toBeNull();
        expect(all.slice(0, events.length)).toEqual(events);
      });
    });
  });
}

/** A log built here, event by event, from DOMAIN.md alone: `n` CSOs mapped round the 12 regions. */
const REGIONS = [
  'tanger-tetouan-al-hoceima', 'oriental', 'fes-meknes', 'rabat-sale-kenitra', 'beni-mellal-khenifra', 'casablanca-settat',
  'marrakech-safi', 'draa-tafilalet', 'souss-massa', 'guelmim-oued-noun', 'laayoune-sakia-el-hamra', 'dakhla-oued-ed-dahab',
];
function syntheticLog(n: number): Envelope[] {
  const events = Array.from({ length: n }, (_, i) => ({
    position: i + 1,
    eventId: randomUUID(),
    type: 'CsoMapped',
    streamId: `cso-s${i}`,
    revision: 0,
    data: { csoId: `s${i}`, name: `Association numéro ${i}`, region: REGIONS[i % 12], domains: ['protection', 'advocacy'], mappedOn: i % 2 ? '2015-01-15' : '2014-11-03' },
    metadata: { recordedAt: `2017-01-15T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000Z`, recordedBy: 'archivist', schemaVersion: 1 },
    hash: '',
  }));
  return rechain(events);
}

/** Moves the event's business date (or its reason, for events without one) by a little. */
function changeDate(data: Record<string, unknown>): Record<string, unknown> {
  for (const key of ['mappedOn', 'assessedOn', 'signedOn', 'heldOn', 'identifiedOn', 'providedOn', 'closedOn']) {
    if (typeof data[key] === 'string') return { [key]: data[key] === '2015-06-15' ? '2015-06-16' : '2015-06-15' };
  }
  return { reason: `${String(data.reason ?? '')} (edited)` };
}
