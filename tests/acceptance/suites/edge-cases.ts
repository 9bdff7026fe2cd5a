/**
 * Edge cases found on review (issue 8): the order of a reused key's refusals, the key's
 * fingerprint against the route as routed, the header's and the body's errors together, dates of
 * the years 0-99, the demo notice that no user can imitate, and a login lock-out that an attacker
 * cannot turn against the real user.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assessmentBody,
  assistanceBody,
  caseBody,
  csoBody,
  expectAccepted,
  expectProblem,
  expectRefused,
  freshId,
  voidBody,
} from '../support/fixtures.js';
import { useServer, type StoreFactory } from '../support/server.js';

/** POST /api/v1/auth/login from a given local address (127.0.0.0/8 is all loopback on Linux). */
function loginFrom(baseUrl: string, localAddress: string, username: string, password: string): Promise<number> {
  const url = new URL('/api/v1/auth/login', baseUrl);
  const body = JSON.stringify({ username, password });
  return new Promise((done, failed) => {
    const req = request(
      { host: '127.0.0.1', port: url.port, path: url.pathname, method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
      },
    );
    req.on('error', failed);
    req.end(body);
  });
}

export function edgeCasesSuite(label: string, stores: StoreFactory): void {
  describe(`[${label}] edge cases`, () => {
    const srv = useServer(stores);
    let manager: string;
    const keyed = (key: string) => ({ 'idempotency-key': key });

    beforeAll(async () => {
      manager = await srv.login('manager');
    });

    describe('a reused Idempotency-Key on a path naming an unknown resource: 404 comes before 409', () => {
      it('given a used key, when it is sent for assistance to an unknown case, then the answer is 404', async () => {
        const key = freshId('key');
        expectAccepted(await srv.api('POST', '/api/v1/cases', { token: manager, body: caseBody(freshId('case')), headers: keyed(key) }), 'first');
        const unknown = `/api/v1/cases/${freshId('nobody')}/assistance`;
        await expectRefused(srv, () => srv.api('POST', unknown, { token: manager, body: assistanceBody(), headers: keyed(key) }), 404);
      });

      it('given a used key, when it is sent for an assessment of an unknown CSO, then the answer is 404', async () => {
        const key = freshId('key');
        expectAccepted(await srv.api('POST', '/api/v1/csos', { token: manager, body: csoBody(freshId('cso')), headers: keyed(key) }), 'first');
        const unknown = `/api/v1/csos/${freshId('nocso')}/assessments`;
        await expectRefused(srv, () => srv.api('POST', unknown, { token: manager, body: assessmentBody(), headers: keyed(key) }), 404);
      });

      it('given a used key, when it is sent to void an event that is not in the log, then the answer is 404', async () => {
        const key = freshId('key');
        expectAccepted(await srv.api('POST', '/api/v1/cases', { token: manager, body: caseBody(freshId('case')), headers: keyed(key) }), 'first');
        const unknown = `/api/v1/events/${randomUUID()}/void`;
        await expectRefused(srv, () => srv.api('POST', unknown, { token: manager, body: voidBody(), headers: keyed(key) }), 404);
      });

      it('given a used key, when it is sent to a known case with another body, then it is still 409', async () => {
        const id = freshId('case');
        const key = freshId('key');
        expectAccepted(await srv.api('POST', '/api/v1/cases', { token: manager, body: caseBody(id), headers: keyed(key) }), 'first');
        const path = `/api/v1/cases/${id}/assistance`;
        await expectRefused(srv, () => srv.api('POST', path, { token: manager, body: assistanceBody(), headers: keyed(key) }), 409);
      });
    });

    describe('the fingerprint names the route as routed', () => {
      it.each(['/api/v1/cases/', '/API/V1/Cases', '/api/v1/CASES/'])(
        'given a command sent to /api/v1/cases with a key, when it is retried on %s with the same key and body, then the first 201 is answered again',
        async (again) => {
          const key = freshId('key');
          const body = caseBody(freshId('case'));
          const first = expectAccepted(await srv.api('POST', '/api/v1/cases', { token: manager, body, headers: keyed(key) }), 'first');
          const before = await srv.head();
          const retry = await srv.api('POST', again, { token: manager, body, headers: keyed(key) });
          expect(retry.status, retry.text).toBe(201);
          expect(retry.json).toEqual(first);
          expect(await srv.head()).toBe(before);
        },
      );

      it('given assistance sent with a key, when it is retried with the case id percent-encoded, then it is the same request', async () => {
        const id = freshId('case');
        expectAccepted(await srv.api('POST', '/api/v1/cases', { token: manager, body: caseBody(id) }), 'case');
        const key = freshId('key');
        const first = expectAccepted(await srv.api('POST', `/api/v1/cases/${id}/assistance`, { token: manager, body: assistanceBody(), headers: keyed(key) }), 'first');
        const encoded = `/api/v1/cases/${encodeURIComponent(id).replace(/-/g, '%2D')}/assistance/`;
        const retry = await srv.api('POST', encoded, { token: manager, body: assistanceBody(), headers: keyed(key) });
        expect(retry.status, retry.text).toBe(201);
        expect(retry.json).toEqual(first);
      });
    });

    it('given a malformed Idempotency-Key and a body with a bad field, when the command is sent, then one 400 names both', async () => {
      const before = await srv.head();
      const res = await srv.api('POST', '/api/v1/cases', { token: manager, body: caseBody(freshId('case'), { sex: 'x' }), headers: { 'idempotency-key': 'clé' } });
      expectProblem(res, 400, ['/sex']);
      expect(res.json.errors.some((e: { message: string }) => /Idempotency-Key/.test(e.message)), JSON.stringify(res.json.errors)).toBe(true);
      expect(await srv.head()).toBe(before);
    });

    it.each(['0050-01-01', '0000-02-29', '0099-12-31'])('given a business date of the years 0-99 (%s), when indicators are asked as of it, then it is taken as written', async (asOf) => {
      const res = await srv.api('GET', `/api/v1/indicators?asOf=${asOf}`, { token: manager });
      expect(res.status, res.text).toBe(200);
      expect(res.json.asOf).toBe(asOf);
      // Before the project began nothing counts yet.
      expect(res.json.indicators.find((i: { code: string }) => i.code === '1.1').value).toBe(0);
    });
  });

  describe(`[${label}] edge cases on a fresh log (the demo notice, the login lock-out)`, () => {
    const srv = useServer(stores, { env: { JALON_LOGIN_LOCKOUT: '3' } });
    let admin: string;

    beforeAll(async () => {
      admin = await srv.login('admin');
    });

    it('given a user named "demo" who records the first event of a log, when the logframe is read, then it carries no demo notice', async () => {
      const created = await srv.api('POST', '/api/v1/users', { token: admin, body: { username: 'demo', password: 'demo-password-long-enough', role: 'manager' } });
      // Refusing the name would do as well; either way no notice may follow.
      if (created.status === 201) {
        const login = await srv.api('POST', '/api/v1/auth/login', { body: { username: 'demo', password: 'demo-password-long-enough' } });
        expect(login.status).toBe(200);
        const first = expectAccepted(await srv.api('POST', '/api/v1/cases', { token: login.json.token, body: caseBody(freshId('case')) }), 'first event');
        expect(first.position).toBe(1);
      } else expectProblem(created, 400);
      const logframe = await srv.api('GET', `/api/v1/logframe?minPosition=${await srv.head()}`, { token: admin });
      expect(logframe.status).toBe(200);
      expect(logframe.json.project.demo).toBeUndefined();
    });

    it('given JALON_LOGIN_LOCKOUT bad guesses at admin from one address, when admin logs in from another, then the guesser is locked out and admin is not', async () => {
      const { url, adminPassword } = srv.server;
      for (let i = 0; i < 3; i++) expect(await loginFrom(url, '127.0.0.1', 'admin', `wrong-${i}`)).toBe(401);
      expect(await loginFrom(url, '127.0.0.1', 'admin', 'wrong-again'), 'the guesser is locked out').toBe(429);
      expect(await loginFrom(url, '127.0.0.1', 'admin', adminPassword), 'even with the right password, from there').toBe(429);
      expect(await loginFrom(url, '127.0.0.2', 'admin', adminPassword), 'the real admin from elsewhere').toBe(200);
    });
  });
}
