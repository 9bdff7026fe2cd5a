/**
 * The read audit (CONTRACT.md "Read audit", DOMAIN.md "Who sees what"): every successful answer
 * carrying events is recorded, durably, before it is sent, with the number of case events in it;
 * refusals record nothing; a read that cannot be recorded is a 503 with no data; auditors and
 * admins read the record, managers and donors may not; it survives a restart and is never exported.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, freshId, parseNdjson, RECORDED_AT, recorder } from '../support/fixtures.js';
import { refuseReadAudit } from '../support/read-audit-store.js';
import { startServer, useServer, type ServerHandle, type StoreFactory, type StoreHandle } from '../support/server.js';

async function allReads(srv: ServerHandle): Promise<any[]> {
  const res = await srv.api('GET', '/api/v1/audit/reads?limit=1000', { token: await srv.login('admin') });
  expect(res.status).toBe(200);
  return res.json.reads;
}

/** A CSO (position 1), a case (2) and its assistance (3): two case events of three. */
async function recordThree(srv: ServerHandle): Promise<string> {
  const rec = recorder(srv.api, await srv.login('manager'));
  const caseId = freshId('C');
  await rec.cso(freshId('K'));
  await rec.identify(caseId);
  await rec.assist(caseId);
  return caseId;
}

export function readAuditSuite(label: string, stores: StoreFactory): void {
  describe(`[${label}] read audit`, () => {
    const srv = useServer(stores);
    let auditor: string;

    beforeAll(async () => {
      await recordThree(srv);
      auditor = await srv.login('auditor');
      for (const role of ['admin', 'manager', 'donor'] as const) await srv.login(role);
    });

    it('given three events, two of them of a case, when the auditor reads pages and the export, then each answer is one record with its case events', async () => {
      const before = (await allReads(srv)).length;
      const started = new Date().toISOString();
      expect((await srv.api('GET', '/api/v1/events?limit=2', { token: auditor })).status).toBe(200);
      expect((await srv.api('GET', '/api/v1/events?after=2&type=AssistanceProvided,CsoMapped', { token: auditor })).status).toBe(200);
      const exported = await srv.api('GET', '/api/v1/events/export', { token: auditor });
      expect(exported.status).toBe(200);
      const reads = (await allReads(srv)).slice(before);
      const who = { username: 'qa-auditor', role: 'auditor', method: 'GET', status: 200 };
      expect(reads).toEqual([
        { id: before + 1, at: expect.stringMatching(RECORDED_AT), ...who, path: '/api/v1/events', query: { limit: '2' }, caseEvents: 1 },
        {
          id: before + 2,
          at: expect.stringMatching(RECORDED_AT),
          ...who,
          path: '/api/v1/events',
          query: { after: '2', type: 'AssistanceProvided,CsoMapped' },
          caseEvents: 1,
        },
        { id: before + 3, at: expect.stringMatching(RECORDED_AT), ...who, path: '/api/v1/events/export', query: {}, caseEvents: 2 },
      ]);
      for (const read of reads) expect(read.at >= started && read.at <= new Date().toISOString()).toBe(true);
    });

    it('given a page with no events, when it is read, then it is recorded with 0 case events', async () => {
      const before = (await allReads(srv)).length;
      const res = await srv.api('GET', '/api/v1/events?type=CaseClosed', { token: await srv.login('manager') });
      expect(res.json).toEqual({ events: [], next: null });
      expect((await allReads(srv)).slice(before)).toMatchObject([{ username: 'qa-manager', role: 'manager', query: { type: 'CaseClosed' }, caseEvents: 0 }]);
    });

    it('given refusals (no token, a donor, bad queries), when they are answered, then nothing is recorded', async () => {
      const before = await allReads(srv);
      const donor = await srv.login('donor');
      expectProblem(await srv.api('GET', '/api/v1/events'), 401);
      expectProblem(await srv.api('GET', '/api/v1/events/export', { token: 'not-a-token' }), 401);
      expectProblem(await srv.api('GET', '/api/v1/events', { token: donor }), 403);
      expectProblem(await srv.api('GET', '/api/v1/events/export', { token: donor }), 403);
      expectProblem(await srv.api('GET', '/api/v1/events?limit=0', { token: auditor }), 400);
      expectProblem(await srv.api('GET', '/api/v1/events?type=Nope', { token: auditor }), 400);
      expectProblem(await srv.api('GET', '/api/v1/events/export?all=1', { token: auditor }), 400);
      expect(await allReads(srv)).toEqual(before);
    });

    it('given the read audit, when a manager or a donor asks for it, then 403; an auditor and an admin read it, and reading it is not recorded', async () => {
      expectProblem(await srv.api('GET', '/api/v1/audit/reads', { token: await srv.login('manager') }), 403);
      expectProblem(await srv.api('GET', '/api/v1/audit/reads', { token: await srv.login('donor') }), 403);
      expectProblem(await srv.api('GET', '/api/v1/audit/reads'), 401);
      const first = await srv.api('GET', '/api/v1/audit/reads', { token: auditor });
      expect(first.status).toBe(200);
      const again = await srv.api('GET', '/api/v1/audit/reads', { token: await srv.login('admin') });
      expect(again.json).toEqual(first.json);
    });

    it('given several records, when paged and filtered by user name (in any case), then ids run 1, 2, 3… and pages follow each other', async () => {
      const all = await allReads(srv);
      expect(all.map((r) => r.id)).toEqual(all.map((_, i) => i + 1));
      const page1 = await srv.api('GET', '/api/v1/audit/reads?limit=2&username=QA-Auditor', { token: auditor });
      const mine = all.filter((r) => r.username === 'qa-auditor');
      expect(mine.length).toBeGreaterThanOrEqual(3);
      expect(page1.json).toEqual({ reads: mine.slice(0, 2), next: mine[1].id });
      const page2 = await srv.api('GET', `/api/v1/audit/reads?limit=1000&username=qa-auditor&after=${mine[1].id}`, { token: auditor });
      expect(page2.json).toEqual({ reads: mine.slice(2), next: null });
      const nobody = await srv.api('GET', '/api/v1/audit/reads?username=nobody', { token: auditor });
      expect(nobody.json).toEqual({ reads: [], next: null });
    });

    it('given bad paging or a bad user name, when the read audit is asked, then 400 naming the parameter', async () => {
      for (const query of ['limit=0', 'limit=1001', 'after=-1', 'username=a%20b', 'user=x']) {
        const res = await srv.api('GET', `/api/v1/audit/reads?${query}`, { token: auditor });
        expectProblem(res, 400);
      }
    });

    it('given reads recorded, when the log is exported, then the export holds events only: the read audit is never in it', async () => {
      const res = await srv.api('GET', '/api/v1/events/export', { token: auditor });
      const lines = parseNdjson(res.text);
      expect(lines.length).toBe(await srv.head());
      expect(res.text).not.toContain('/api/v1/events?');
      expect(res.text).not.toContain('caseEvents');
    });
  });

  describe(`[${label}] read audit that cannot be written`, () => {
    const srv = useServer(stores);

    it('given the audit store refusing every record, when events or the export are asked, then 503 with Retry-After and no data; once it accepts again, ids go on without a gap', async () => {
      await recordThree(srv);
      const auditor = await srv.login('auditor');
      expect((await srv.api('GET', '/api/v1/events', { token: auditor })).status).toBe(200);
      const lift = await refuseReadAudit(srv.server.store);
      try {
        for (const path of ['/api/v1/events', '/api/v1/events/export', '/api/v1/events?type=VictimIdentified']) {
          const res = await srv.api('GET', path, { token: auditor });
          expectProblem(res, 503);
          expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
          expect(res.text).not.toContain('VictimIdentified"');
          expect(res.text).not.toContain('"eventId"');
        }
        // Reads that carry no events do not depend on it.
        expect((await srv.api('GET', '/api/v1/audit/verify', { token: auditor })).status).toBe(200);
      } finally {
        await lift();
      }
      expect((await srv.api('GET', '/api/v1/events', { token: auditor })).status).toBe(200);
      expect((await allReads(srv)).map((r) => r.id)).toEqual([1, 2]);
    });
  });

  describe(`[${label}] read audit across a restart`, () => {
    let store: StoreHandle;
    beforeAll(async () => {
      const made = await stores();
      store = typeof made === 'string' ? { url: made } : made;
    });

    // Two server starts in one test: minutes on a loaded machine, seconds on a quiet one.
    it('given reads recorded, when the server stops and starts again on the same store, then they are still there and ids go on', { timeout: 240_000 }, async () => {
      // The first start creates admin with this password; the second finds admin there already.
      const env = { JALON_ADMIN_PASSWORD: 'admin-pw-restart-long-enough' };
      const login = async (server: Awaited<ReturnType<typeof startServer>>) =>
        (await server.api('POST', '/api/v1/auth/login', { body: { username: 'admin', password: env.JALON_ADMIN_PASSWORD } })).json.token as string;
      const first = await startServer(store.url, { env });
      try {
        const token = await login(first);
        expect((await first.api('GET', '/api/v1/events', { token })).status).toBe(200);
      } finally {
        await first.stop();
      }
      const second = await startServer(store.url, { env });
      try {
        const token = await login(second);
        expect((await second.api('GET', '/api/v1/events/export', { token })).status).toBe(200);
        const reads = (await second.api('GET', '/api/v1/audit/reads', { token })).json.reads;
        expect(reads.map((r: any) => [r.id, r.path])).toEqual([
          [1, '/api/v1/events'],
          [2, '/api/v1/events/export'],
        ]);
      } finally {
        await second.stop();
        await store.dispose?.();
      }
    });
  });
}
