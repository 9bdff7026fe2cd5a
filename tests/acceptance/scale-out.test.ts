/**
 * DESIGN.md "Scale-out": N API processes on one store. Two real server processes share one
 * PostgreSQL database (required under CI=true), and, since the SQLite adapter follows other
 * writers through PRAGMA data_version, one SQLite file as well. A write through one process is
 * read through the other with minPosition; writes interleaved through both end gap-free with an
 * intact chain; users and tokens are shared too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresSkipReason, startPostgres, type TestPostgres } from '../support/postgres-cluster.js';
import { assistanceBody, caseBody, csoBody, firstBadPlace, freshId, parseNdjson, trainingBody } from './support/fixtures.js';
import { PASSWORD, startServer, type Api, type ApiResponse, type RunningServer } from './support/server.js';

const skipReason = postgresSkipReason();
if (skipReason) console.warn(`\n⚠ PostgreSQL scale-out tests SKIPPED: ${skipReason}\n`);

let cluster: Promise<TestPostgres> | undefined;
afterAll(async () => (await cluster?.catch(() => undefined))?.stop());

const sqliteDirs: string[] = [];
afterAll(() => sqliteDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const expect201 = (res: ApiResponse, what: string): { position: number; eventIds: string[] } => {
  expect(res.status, `${what}: ${res.text}`).toBe(201);
  return res.json;
};

/** The first users a server printed, with their passwords (undefined: from JALON_ADMIN_PASSWORD). */
function firstUsersPrinted(server: RunningServer): Map<string, string | undefined> {
  const lines = server.stdout().matchAll(/^ {2}(\S+) +password: (.+)$/gm);
  return new Map([...lines].map(([, username, password]) => [username, password.startsWith('(from') ? undefined : password]));
}

/** The servers that started, or the first failure (with the server's output). */
function settled(results: Array<PromiseSettledResult<RunningServer>>): RunningServer[] {
  return results.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
}

async function stopAll(results: Array<PromiseSettledResult<RunningServer>>): Promise<void> {
  await Promise.all(results.map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined)));
}

function scaleOutSuite(label: string, newStore: () => Promise<string>): void {
  describe(`[${label}] two API processes on one store`, () => {
    let a: RunningServer;
    let b: RunningServer;
    let token: string;
    const adminPassword = `scale-admin-${process.pid}-password`;
    const head = async (api: Api) => {
      const res = await api('GET', '/api/v1/audit/verify', { token });
      expect(res.status, res.text).toBe(200);
      return res.json as { ok: boolean; events: number; head: { position: number; hash: string }; firstBadPosition: number | null };
    };
    const indicator = (res: ApiResponse, code: string) => res.json.indicators.find((i: { code: string }) => i.code === code).value;

    // Started as the block is collected, so that every server of the file boots at once.
    const starting = (async () => {
      const store = await newStore();
      // Both start together on the empty store, with the same first admin password.
      const env = { JALON_ADMIN_PASSWORD: adminPassword };
      return Promise.allSettled([startServer(store, { env }), startServer(store, { env })]);
    })();
    starting.catch(() => undefined);

    beforeAll(async () => {
      [a, b] = settled(await starting);
      const login = await a.api('POST', '/api/v1/auth/login', { body: { username: 'admin', password: adminPassword } });
      expect([200, 201], login.text).toContain(login.status);
      token = login.json.token;
    });
    afterAll(async () => stopAll(await starting.catch(() => [])));

    it('given two processes started together, when a token is made by one, then the other accepts it, and a user added through one logs in through the other', async () => {
      const me = await b.api('GET', '/api/v1/me', { token });
      expect(me.status, me.text).toBe(200);
      expect(me.json).toEqual({ username: 'admin', role: 'admin' });
      const added = await b.api('POST', '/api/v1/users', { token, body: { username: 'scale-manager', password: PASSWORD, role: 'manager' } });
      expect(added.status, added.text).toBe(201);
      const again = await a.api('POST', '/api/v1/users', { token, body: { username: 'SCALE-manager', password: PASSWORD, role: 'manager' } });
      expect(again.status, 'the name is taken, whatever its case').toBe(409);
      const login = await a.api('POST', '/api/v1/auth/login', { body: { username: 'scale-manager', password: PASSWORD } });
      expect([200, 201], login.text).toContain(login.status);
      expect(login.json.role).toBe('manager');
    });

    it('given a user signed in on both processes, when the password is changed through A, then every token is refused on B too and the new password logs in on B', async () => {
      const body = { username: 'scale-changer', password: PASSWORD, role: 'manager' };
      expect((await a.api('POST', '/api/v1/users', { token, body })).status).toBe(201);
      const signIn = async (server: RunningServer, password: string) => {
        const res = await server.api('POST', '/api/v1/auth/login', { body: { username: body.username, password } });
        expect([200, 201], res.text).toContain(res.status);
        return res.json.token as string;
      };
      const [onA, onB] = [await signIn(a, PASSWORD), await signIn(b, PASSWORD)];
      expect((await b.api('GET', '/api/v1/me', { token: onB })).status).toBe(200);
      const newPassword = `${PASSWORD}-changed`;
      const changed = await a.api('POST', '/api/v1/me/password', { token: onA, body: { currentPassword: PASSWORD, newPassword } });
      expect(changed.status, changed.text).toBe(204);
      expect((await b.api('GET', '/api/v1/me', { token: onB })).status).toBe(401);
      expect((await b.api('GET', '/api/v1/me', { token: onA })).status).toBe(401);
      const fresh = await signIn(b, newPassword);
      expect((await a.api('GET', '/api/v1/me', { token: fresh })).json).toEqual({ username: body.username, role: 'manager' });
    });

    it('given a command through process A, when process B is asked with minPosition = its position, then B shows the new value (and the other way round)', async () => {
      for (const [writer, reader] of [[a, b], [b, a], [a, b], [b, a]] as const) {
        const before = await reader.api('GET', '/api/v1/indicators', { token });
        const { position } = expect201(await writer.api('POST', '/api/v1/cases', { token, body: caseBody(freshId('case')) }), 'POST /cases');
        const after = await reader.api('GET', `/api/v1/indicators?minPosition=${position}`, { token });
        expect(after.status, after.text).toBe(200);
        expect(after.json.position).toBeGreaterThanOrEqual(position);
        expect(indicator(after, '1.1')).toBe(indicator(before, '1.1') + 1);
      }
    });

    it('given writes interleaved through both processes, some on one stream, when done, then every one is accepted, positions are gap-free and verify is ok on both', async () => {
      const shared = freshId('case');
      expect201(await a.api('POST', '/api/v1/cases', { token, body: caseBody(shared) }), 'POST /cases');
      const start = (await head(a.api)).head.position;
      const writes: Array<Promise<ApiResponse>> = [];
      for (let i = 0; i < 6; i++) {
        const via = i % 2 === 0 ? a : b;
        const other = via === a ? b : a;
        writes.push(via.api('POST', `/api/v1/cases/${shared}/assistance`, { token, body: assistanceBody() }));
        writes.push(other.api('POST', '/api/v1/csos', { token, body: csoBody(freshId('cso')) }));
        writes.push(via.api('POST', '/api/v1/trainings', { token, body: trainingBody(freshId('training')) }));
      }
      const answers = await Promise.all(writes);
      const positions = answers.map((res, i) => expect201(res, `write ${i}`).position).sort((x, y) => x - y);
      expect(positions).toEqual(Array.from({ length: writes.length }, (_, i) => start + 1 + i));

      const [viaA, viaB] = await Promise.all([head(a.api), head(b.api)]);
      expect(viaA).toEqual(viaB);
      expect(viaA).toMatchObject({ ok: true, events: start + writes.length, firstBadPosition: null });
      expect(viaA.head.position).toBe(start + writes.length);

      const exported = await b.api('GET', '/api/v1/events/export', { token });
      expect(exported.status).toBe(200);
      const events = parseNdjson(exported.text);
      expect(events.map((e) => e.position)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
      expect(firstBadPlace(events)).toBeNull();
      expect(events.at(-1)!.hash).toBe(viaA.head.hash);
      const stream = events.filter((e) => e.streamId === `case-${shared}`).map((e) => e.revision);
      expect(stream).toEqual([0, 1, 2, 3, 4, 5, 6]);

      // Both read models reach the same answers.
      const at = viaA.head.position;
      const [ia, ib] = await Promise.all([a, b].map((s) => s.api('GET', `/api/v1/indicators?minPosition=${at}`, { token })));
      expect(ia.status, ia.text).toBe(200);
      expect(ia.json).toEqual(ib.json);
      expect(ia.json.position).toBe(at);
    });
  });

  describe(`[${label}] two API processes started together on one empty store, with the demo`, () => {
    // Each with a JALON_ADMIN_PASSWORD of its own (support/server.ts makes one per process).
    const starting = (async () => {
      const store = await newStore();
      return Promise.allSettled([startServer(store, { demo: true }), startServer(store, { demo: true })]);
    })();
    starting.catch(() => undefined);
    afterAll(async () => stopAll(await starting.catch(() => [])));

    it('given both load the demo and make the first users at once, when they serve, then the log holds the demo once, intact, each first user is printed by one process with a password that works, and both answer alike', async () => {
      const [one, two] = settled(await starting);
      // Each process prints only the first users it created itself; together, each one once.
      const printed = [one, two].map((server) => firstUsersPrinted(server));
      expect([...printed[0].keys(), ...printed[1].keys()].sort()).toEqual(['admin', 'auditor', 'donor', 'manager']);
      const admin = printed[0].has('admin') ? one : two;
      const tokens = new Map<string, string>();
      for (const [index, users] of printed.entries()) {
        for (const [username, password] of users) {
          const login = await [two, one][index].api('POST', '/api/v1/auth/login', {
            body: { username, password: password ?? admin.adminPassword },
          });
          expect([200, 201], `${username}: ${login.text}`).toContain(login.status);
          tokens.set(username, login.json.token);
        }
      }
      const auth = { token: tokens.get('admin')! };
      const [v1, v2] = await Promise.all([one, two].map((s) => s.api('GET', '/api/v1/audit/verify', auth)));
      expect(v1.json).toEqual(v2.json);
      expect(v1.json).toMatchObject({ ok: true, firstBadPosition: null });
      const events = parseNdjson((await two.api('GET', '/api/v1/events/export', auth)).text);
      expect(events.length).toBe(v1.json.events);
      expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
      expect(events.every((e) => e.metadata.recordedBy === events[0].metadata.recordedBy)).toBe(true);
      const at = v1.json.head.position;
      const [i1, i2] = await Promise.all([one, two].map((s) => s.api('GET', `/api/v1/indicators?minPosition=${at}`, auth)));
      expect(i1.status, i1.text).toBe(200);
      expect(i1.json).toEqual(i2.json);
    });
  });
}

if (skipReason) {
  describe.skip('[postgres] two API processes on one store', () => it(`skipped: ${skipReason}`, () => undefined));
} else {
  scaleOutSuite('postgres', async () => (await (cluster ??= startPostgres())).createDatabase());
}

scaleOutSuite('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-scale-'));
  sqliteDirs.push(dir);
  return `sqlite:${join(dir, 'j.db')}`;
});
