/**
 * Hardening of the API: login lock-out and throttle, password changes that revoke tokens, token
 * expiry, security headers (with a CSP the dashboard and the docs viewer live with), CORS closed,
 * and secrets that never reach the logs.
 */
import { describe, expect, it } from 'vitest';
import { sqliteStore } from '../acceptance/support/sqlite.js';
import { useServer, type Api } from '../acceptance/support/server.js';
import { answerProblem, send } from './support.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LOCKOUT_SECONDS = 3;

async function login(api: Api, username: string, password: string) {
  return api('POST', '/api/v1/auth/login', { body: { username, password } });
}

function expectProblem(res: { status: number; headers: Headers; json: any; text: string }, status: number) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.json).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
}

describe('hardening (lock-out, passwords, headers, CORS, logs)', () => {
  const server = useServer(sqliteStore, {
    env: { LOG_LEVEL: 'debug', JALON_LOGIN_LOCKOUT: '3', JALON_LOGIN_LOCKOUT_SECONDS: String(LOCKOUT_SECONDS), JALON_LOGIN_LIMIT: '1000' },
  });
  /** Every password and token the tests use: none may appear in the server's output. */
  const secrets = new Set<string>();

  async function newUser(username: string, role: string, password: string) {
    const admin = await server.login('admin');
    const res = await server.api('POST', '/api/v1/users', { token: admin, body: { username, password, role } });
    expect(res.status, res.text).toBe(201);
    secrets.add(password);
  }

  async function tokenOf(username: string, password: string): Promise<string> {
    const res = await login(server.api, username, password);
    expect(res.status, res.text).toBe(200);
    secrets.add(res.json.token);
    return res.json.token;
  }

  it('locks a user name out after repeated failures, with Retry-After, even for the right password', async () => {
    await newUser('locky', 'donor', 'locky-password-1');
    for (let i = 0; i < 3; i++) expect((await login(server.api, 'locky', `wrong-${i}`)).status).toBe(401);
    const locked = await login(server.api, 'LOCKY', 'locky-password-1');
    expectProblem(locked, 429);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(LOCKOUT_SECONDS);
    // Another name is not affected, and unknown names lock the same way (no enumeration).
    expect((await login(server.api, 'admin', server.server.adminPassword)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await login(server.api, 'nobody-here', 'whatever-1')).status).toBe(401);
    expectProblem(await login(server.api, 'nobody-here', 'whatever-1'), 429);
    await sleep(LOCKOUT_SECONDS * 1000 + 300);
    expect((await login(server.api, 'locky', 'locky-password-1')).status).toBe(200);
  });

  it('changes the own password (any role): 204, every token of the user revoked, the new one works', async () => {
    await newUser('changer', 'auditor', 'changer-password-1');
    const first = await tokenOf('changer', 'changer-password-1');
    const second = await tokenOf('changer', 'changer-password-1');
    const other = await server.login('admin');
    const change = (token: string, body: unknown) => server.api('POST', '/api/v1/me/password', { token, body });

    expectProblem(await change(first, { currentPassword: 'not-it', newPassword: 'changer-password-2' }), 400);
    expectProblem(await change(first, { currentPassword: 'changer-password-1', newPassword: 'changer-password-1' }), 400);
    expectProblem(await change(first, { currentPassword: 'changer-password-1', newPassword: 'short' }), 400);
    expectProblem(await change(first, { currentPassword: 'changer-password-1', newPassword: 'changer-password-2', x: 1 }), 400);
    expectProblem(await server.api('POST', '/api/v1/me/password', { body: { currentPassword: 'a', newPassword: 'b' } }), 401);
    expect((await server.api('GET', '/api/v1/me', { token: first })).status).toBe(200);

    secrets.add('changer-password-2');
    const done = await change(first, { currentPassword: 'changer-password-1', newPassword: 'changer-password-2' });
    expect(done.status, done.text).toBe(204);
    expect(done.text).toBe('');
    expectProblem(await server.api('GET', '/api/v1/me', { token: first }), 401);
    expectProblem(await server.api('GET', '/api/v1/me', { token: second }), 401);
    expect((await server.api('GET', '/api/v1/me', { token: other })).status).toBe(200);
    expect((await login(server.api, 'changer', 'changer-password-1')).status).toBe(401);
    const fresh = await tokenOf('changer', 'changer-password-2');
    expect((await server.api('GET', '/api/v1/me', { token: fresh })).json).toEqual({ username: 'changer', role: 'auditor' });
  });

  it("lets an admin set a user's password, revoking that user's tokens only (404 unknown, 403 others)", async () => {
    await newUser('target', 'manager', 'target-password-1');
    const targetToken = await tokenOf('target', 'target-password-1');
    const admin = await server.login('admin');
    const set = (token: string | undefined, name: string, body: unknown) =>
      server.api('POST', `/api/v1/users/${name}/password`, { token, body });

    expectProblem(await set(undefined, 'target', { newPassword: 'target-password-2' }), 401);
    expectProblem(await set(targetToken, 'target', { newPassword: 'target-password-2' }), 403);
    expectProblem(await set(admin, 'target', { newPassword: 'short' }), 400);
    expectProblem(await set(admin, 'not%20a%20name', { newPassword: 'target-password-2' }), 400);
    expectProblem(await set(admin, 'no-such-user', { newPassword: 'target-password-2' }), 404);
    expect((await server.api('GET', '/api/v1/me', { token: targetToken })).status).toBe(200);

    secrets.add('target-password-2');
    const done = await set(admin, 'TARGET', { newPassword: 'target-password-2' });
    expect(done.status, done.text).toBe(204);
    expectProblem(await server.api('GET', '/api/v1/me', { token: targetToken }), 401);
    expect((await server.api('GET', '/api/v1/me', { token: admin })).status).toBe(200);
    expect((await login(server.api, 'target', 'target-password-1')).status).toBe(401);
    await tokenOf('target', 'target-password-2');
  });

  it('documents both password routes in the OpenAPI document', async () => {
    const doc = (await server.api('GET', '/api/docs-json')).json;
    const own = doc.paths['/api/v1/me/password']?.post;
    const admin = doc.paths['/api/v1/users/{username}/password']?.post;
    expect(Object.keys(own?.responses ?? {})).toEqual(expect.arrayContaining(['204', '400', '401', '403', '429']));
    expect(Object.keys(admin?.responses ?? {})).toEqual(expect.arrayContaining(['204', '400', '401', '403', '404']));
    expect(own.requestBody.content['application/json'].schema.required).toEqual(['currentPassword', 'newPassword']);
    expect(admin.requestBody.content['application/json'].schema.required).toEqual(['newPassword']);
  });

  it('sends security headers, with a CSP that the dashboard and the docs viewer load under', async () => {
    for (const path of ['/api/v1/health', '/api/docs', '/']) {
      const res = await send(server.server.url, { method: 'GET', path });
      if (path === '/' && res.status === 404) continue; // the dashboard is not built
      expect(res.status, path).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(csp, path).toMatch(/frame-ancestors 'self'/);
      expect(csp, path).toMatch(/object-src 'none'/);
      expect(csp, path).not.toMatch(/unsafe-eval/);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-powered-by'), path).toBeNull();
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      if (!path.startsWith('/api/v1/')) {
        // script-src 'self' allows no inline script: every script must come from a same-origin file.
        const scripts = [...res.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
        expect(scripts.length, path).toBeGreaterThan(0);
        for (const [, attrs, inline] of scripts) {
          expect(inline.trim(), `${path}: an inline script`).toBe('');
          const src = /src="([^"]+)"/.exec(attrs)?.[1] ?? '';
          expect(src, path).not.toMatch(/^(https?:)?\/\//);
          const file = await send(server.server.url, { method: 'GET', path: new URL(src, server.server.url + path).pathname });
          expect(file.status, `${path} → ${src}`).toBe(200);
        }
      }
    }
    expect((await send(server.server.url, { method: 'GET', path: '/api/v1/health' })).headers.get('cache-control')).toBe('no-store');
  });

  it('keeps CORS closed: no Access-Control-Allow-* for a foreign origin, preflight or not', async () => {
    const admin = await server.login('admin');
    const origin = 'https://evil.example';
    const answers = [
      await send(server.server.url, { method: 'GET', path: '/api/v1/health', headers: { origin } }),
      await send(server.server.url, { method: 'GET', path: '/api/v1/me', headers: { origin, authorization: `Bearer ${admin}` } }),
      await send(server.server.url, {
        method: 'OPTIONS',
        path: '/api/v1/csos',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      }),
      await send(server.server.url, { method: 'OPTIONS', path: '/api/v1/auth/login', headers: { origin, 'access-control-request-method': 'POST' } }),
    ];
    for (const res of answers) {
      for (const name of ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-methods', 'access-control-allow-headers'])
        expect(res.headers.get(name)).toBeNull();
      expect(answerProblem('GET', res)).toBeUndefined();
    }
  });

  it('refuses text with a lone surrogate with 400 (it was a 500: the hash chain cannot canonicalize it)', async () => {
    const manager = await server.login('manager');
    const body = '{"csoId":"lone","name":"a\\ud800b","region":"oriental","domains":["health"],"mappedOn":"2015-01-10"}';
    const before = await server.head();
    for (const headers of [{}, { 'idempotency-key': 'lone-1' }]) {
      const res = await server.api('POST', '/api/v1/csos', { token: manager, body, headers });
      expectProblem(res, 400);
      expect(res.json.errors).toEqual([{ path: '/name', message: expect.stringMatching(/surrogate/) }]);
    }
    expect(await server.head()).toBe(before);
    // A well-formed pair (an emoji), NUL and bidi controls are Unicode text: recorded, chain intact.
    const ok = await server.api('POST', '/api/v1/csos', {
      token: manager,
      body: { csoId: 'emoji', name: 'a\ud83d\ude00\u0000\u202eb', region: 'oriental', domains: ['health'], mappedOn: '2015-01-10' },
    });
    expect(ok.status, ok.text).toBe(201);
    const verify = await server.api('GET', '/api/v1/audit/verify', { token: manager });
    expect(verify.json).toMatchObject({ ok: true, firstBadPosition: null });
  });

  it('never logs a password or a token, even at LOG_LEVEL=debug', async () => {
    secrets.add(server.server.adminPassword);
    const admin = await server.login('admin');
    secrets.add(admin);
    const manager = await server.login('manager');
    secrets.add(manager);
    // Requests that carry secrets in every place a logger might look: headers, bodies, bad JSON.
    await server.api('POST', '/api/v1/csos', {
      token: manager,
      headers: { 'idempotency-key': 'sec-log-1' },
      body: { csoId: 'log-cso', name: 'Logged', region: 'oriental', domains: ['health'], mappedOn: '2015-01-10' },
    });
    await server.api('POST', '/api/v1/csos', { token: manager, body: { csoId: 'bad id' } });
    await server.api('POST', '/api/v1/auth/login', { body: `{"username":"admin","password":"${server.server.adminPassword}"` });
    await server.api('POST', '/api/v1/auth/login', { body: { username: 'admin', password: server.server.adminPassword, extra: 1 } });
    await server.api('GET', `/api/v1/me?token=${admin}`, { token: admin });
    await server.api('GET', '/api/v1/me', { headers: { authorization: `Basic ${Buffer.from(`admin:${server.server.adminPassword}`).toString('base64')}` } });
    await sleep(200);
    const output = server.server.stdout() + server.server.stderr();
    expect(output).toMatch(/"level":20/); // debug lines were written
    const found = [...secrets].filter((s) => output.includes(s) || output.includes(Buffer.from(s).toString('base64')));
    expect(found.map((s) => `${s.slice(0, 4)}…`)).toEqual([]);
    expect(secrets.size).toBeGreaterThanOrEqual(10);
  });
});

describe('tokens expire', () => {
  // JALON_TOKEN_TTL_HOURS in hours: 0.0008 h is about 2.9 s. The login throttle allows 3 a minute.
  const server = useServer(sqliteStore, { env: { JALON_TOKEN_TTL_HOURS: '0.0008', JALON_LOGIN_LIMIT: '3' } });

  it('refuses an expired token with 401 problem+json', async () => {
    const res = await login(server.api, 'admin', server.server.adminPassword);
    expect(res.status).toBe(200);
    const expiresAt = Date.parse(res.json.expiresAt);
    expect(expiresAt - Date.now()).toBeLessThan(3_000);
    expect((await server.api('GET', '/api/v1/me', { token: res.json.token })).status).toBe(200);
    await sleep(Math.max(0, expiresAt - Date.now()) + 300);
    const expired = await server.api('GET', '/api/v1/me', { token: res.json.token });
    expectProblem(expired, 401);
    expect(expired.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('throttles logins per user name and address: 429 with Retry-After past the limit', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await login(server.api, 'throttled', `wrong-${i}`));
    expect(answers.slice(0, 3).map((r) => r.status)).toEqual([401, 401, 401]);
    expectProblem(answers[3], 429);
    expect(Number(answers[3].headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
