/**
 * Who may call what (DOMAIN.md "Who sees what", CONTRACT.md "Auth"): every route against every
 * role, no token and a bad token, with the status each pair must get.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  agreementBody,
  assessmentBody,
  assistanceBody,
  caseBody,
  closureBody,
  csoBody,
  expectProblem,
  freshId,
  recorder,
  targetBody,
  trainingBody,
  voidBody,
  type Body,
} from '../support/fixtures.js';
import { PASSWORD, ROLES, useServer, type Role, type ServerHandle, type StoreFactory } from '../support/server.js';

type Caller = Role | 'no token' | 'bad token';
const CALLERS: Caller[] = [...ROLES, 'no token', 'bad token'];

interface Call {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}
interface Route {
  method: 'GET' | 'POST';
  route: string;
  /** Builds a fresh request (and whatever it needs recorded first, as admin). */
  prepare: (srv: ServerHandle) => Promise<Call>;
  expected: Record<Caller, number>;
}

const everyone = (status: number): Record<Caller, number> => ({
  admin: status,
  manager: status,
  auditor: status,
  donor: status,
  'no token': status,
  'bad token': status,
});
const readers = { admin: 200, manager: 200, auditor: 200, donor: 200, 'no token': 401, 'bad token': 401 };
const logReaders = { admin: 200, manager: 200, auditor: 200, donor: 403, 'no token': 401, 'bad token': 401 };
const auditReaders = { admin: 200, manager: 403, auditor: 200, donor: 403, 'no token': 401, 'bad token': 401 };
const recorders = { admin: 201, manager: 201, auditor: 403, donor: 403, 'no token': 401, 'bad token': 401 };

async function adminRecorder(srv: ServerHandle) {
  return recorder(srv.api, await srv.login('admin'));
}

const fixed = (path: string, body?: Body): Route['prepare'] => async () => ({ path, body });

const ROUTES: Route[] = [
  { method: 'GET', route: '/api/v1/health', prepare: fixed('/api/v1/health'), expected: everyone(200) },
  { method: 'GET', route: '/api/docs', prepare: fixed('/api/docs'), expected: everyone(200) },
  { method: 'GET', route: '/api/v1/me', prepare: fixed('/api/v1/me'), expected: readers },
  {
    method: 'POST',
    route: '/api/v1/users',
    prepare: async () => ({ path: '/api/v1/users', body: { username: freshId('user'), password: PASSWORD, role: 'auditor' } }),
    expected: { admin: 201, manager: 403, auditor: 403, donor: 403, 'no token': 401, 'bad token': 401 },
  },
  { method: 'GET', route: '/api/v1/logframe', prepare: fixed('/api/v1/logframe'), expected: readers },
  { method: 'GET', route: '/api/v1/indicators', prepare: fixed('/api/v1/indicators'), expected: readers },
  {
    method: 'GET',
    route: '/api/v1/indicators/{code}/series',
    prepare: fixed('/api/v1/indicators/1.1/series?period=quarter'),
    expected: readers,
  },
  {
    method: 'GET',
    route: '/api/v1/indicators/{code}/breakdown',
    prepare: fixed('/api/v1/indicators/1.1/breakdown?by=sex'),
    expected: readers,
  },
  { method: 'GET', route: '/api/v1/restatement', prepare: fixed('/api/v1/restatement?since=0'), expected: readers },
  { method: 'GET', route: '/api/v1/events', prepare: fixed('/api/v1/events'), expected: logReaders },
  { method: 'GET', route: '/api/v1/events/export', prepare: fixed('/api/v1/events/export'), expected: logReaders },
  { method: 'GET', route: '/api/v1/audit/verify', prepare: fixed('/api/v1/audit/verify'), expected: logReaders },
  { method: 'GET', route: '/api/v1/audit/reads', prepare: fixed('/api/v1/audit/reads'), expected: auditReaders },
  {
    method: 'POST',
    route: '/api/v1/events/import',
    // The store already holds events, so an allowed caller meets the 409 of a non-empty store.
    prepare: async (srv) => {
      const exported = await srv.api('GET', '/api/v1/events/export', { token: await srv.login('admin') });
      return { path: '/api/v1/events/import', body: exported.text, headers: { 'content-type': 'application/x-ndjson' } };
    },
    expected: { admin: 409, manager: 403, auditor: 403, donor: 403, 'no token': 401, 'bad token': 401 },
  },
  {
    method: 'POST',
    route: '/api/v1/csos',
    prepare: async () => ({ path: '/api/v1/csos', body: csoBody(freshId('cso')) }),
    expected: recorders,
  },
  {
    method: 'POST',
    route: '/api/v1/csos/{csoId}/assessments',
    prepare: async (srv) => {
      const id = freshId('cso');
      await (await adminRecorder(srv)).cso(id);
      return { path: `/api/v1/csos/${id}/assessments`, body: assessmentBody() };
    },
    expected: recorders,
  },
  {
    method: 'POST',
    route: '/api/v1/csos/{csoId}/agreement',
    prepare: async (srv) => {
      const id = freshId('cso');
      await (await adminRecorder(srv)).cso(id);
      return { path: `/api/v1/csos/${id}/agreement`, body: agreementBody() };
    },
    expected: recorders,
  },
  {
    method: 'POST',
    route: '/api/v1/trainings',
    prepare: async () => ({ path: '/api/v1/trainings', body: trainingBody(freshId('tr')) }),
    expected: recorders,
  },
  {
    method: 'POST',
    route: '/api/v1/cases',
    prepare: async () => ({ path: '/api/v1/cases', body: caseBody(freshId('case')) }),
    expected: recorders,
  },
  {
    method: 'POST',
    route: '/api/v1/cases/{caseId}/assistance',
    prepare: async (srv) => {
      const id = freshId('case');
      await (await adminRecorder(srv)).identify(id);
      return { path: `/api/v1/cases/${id}/assistance`, body: assistanceBody() };
    },
    expected: recorders,
  },
  {
    method: 'POST',
    route: '/api/v1/cases/{caseId}/closure',
    prepare: async (srv) => {
      const id = freshId('case');
      await (await adminRecorder(srv)).identify(id);
      return { path: `/api/v1/cases/${id}/closure`, body: closureBody() };
    },
    expected: recorders,
  },
  {
    method: 'POST',
    route: '/api/v1/indicators/{code}/targets',
    prepare: fixed('/api/v1/indicators/2.4/targets', targetBody()),
    expected: recorders,
  },
  {
    method: 'POST',
    route: '/api/v1/events/{eventId}/void',
    prepare: async (srv) => {
      const { eventIds } = await (await adminRecorder(srv)).identify(freshId('case'));
      return { path: `/api/v1/events/${eventIds[0]}/void`, body: voidBody() };
    },
    expected: recorders,
  },
];

async function tokenFor(srv: ServerHandle, caller: Caller): Promise<string | undefined> {
  if (caller === 'no token') return undefined;
  if (caller === 'bad token') return 'not-a-token.at-all';
  return srv.login(caller);
}

export function accessSuite(label: string, stores: StoreFactory): void {
  describe(`[${label}] access: every route × every role`, () => {
    const srv = useServer(stores);
    beforeAll(async () => {
      // The store holds events, as the import row needs.
      await (await adminRecorder(srv)).cso(freshId('cso'));
    });

    const cases = ROUTES.flatMap((r) => CALLERS.map((caller) => ({ ...r, caller, status: r.expected[caller] })));
    it.each(cases)(
      'given a store with events, when $caller calls $method $route, then the answer is $status',
      async ({ method, prepare, caller, status }) => {
        const token = await tokenFor(srv, caller);
        const call = await prepare(srv);
        const before = await srv.head();
        const res = await srv.api(method, call.path, { token, body: call.body, headers: call.headers });
        const after = await srv.head();
        expect(res.status, `${method} ${call.path} as ${caller}: ${res.text.slice(0, 300)}`).toBe(status);
        if (status >= 400) {
          expectProblem(res, status);
          expect(after, 'a refused request appends nothing').toBe(before);
        }
        // Users are kept apart from the log; a command appends one event.
        if (status === 201) expect(after).toBe(call.path === '/api/v1/users' ? before : before + 1);
      },
    );

    it('given each role, when it asks GET /api/v1/me, then it gets its own {username, role} and nothing else', async () => {
      for (const role of ROLES) {
        const res = await srv.api('GET', '/api/v1/me', { token: await srv.login(role) });
        expect(res.status).toBe(200);
        expect(res.json).toEqual({ username: srv.username(role), role });
      }
    });

    it('given a user, when it logs in, then it gets {token, role, expiresAt} with expiresAt in the future', async () => {
      await srv.login('auditor');
      const res = await srv.api('POST', '/api/v1/auth/login', { body: { username: srv.username('auditor'), password: PASSWORD } });
      expect([200, 201]).toContain(res.status);
      expect(Object.keys(res.json).sort()).toEqual(['expiresAt', 'role', 'token']);
      expect(res.json).toMatchObject({ token: expect.any(String), role: 'auditor' });
      expect(Date.parse(res.json.expiresAt)).toBeGreaterThan(Date.now());
    });

    it('given a user, when it logs in with a wrong password or an unknown name, then the answer is a 401 problem', async () => {
      await srv.login('manager');
      const wrong = await srv.api('POST', '/api/v1/auth/login', { body: { username: srv.username('manager'), password: 'not-the-password' } });
      expectProblem(wrong, 401);
      const nobody = await srv.api('POST', '/api/v1/auth/login', { body: { username: 'nobody-at-all', password: PASSWORD } });
      expectProblem(nobody, 401);
    });

    it('given a malformed Authorization header (not Bearer), when a reader calls GET /api/v1/indicators, then the answer is 401', async () => {
      const res = await srv.api('GET', '/api/v1/indicators', { headers: { authorization: `Basic ${Buffer.from('admin:x').toString('base64')}` } });
      expectProblem(res, 401);
    });

    it('given admin, when it creates a user with a password under 12 characters or an unknown role, then the answer is 400 naming the field', async () => {
      const admin = await srv.login('admin');
      const short = await srv.api('POST', '/api/v1/users', { token: admin, body: { username: freshId('u'), password: 'short-pw', role: 'donor' } });
      expectProblem(short, 400, ['/password']);
      const role = await srv.api('POST', '/api/v1/users', { token: admin, body: { username: freshId('u'), password: PASSWORD, role: 'root' } });
      expectProblem(role, 400, ['/role']);
    });

    it('given an existing user, when admin creates another with the same username, then the answer is 409', async () => {
      await srv.login('donor');
      const admin = await srv.login('admin');
      const res = await srv.api('POST', '/api/v1/users', { token: admin, body: { username: srv.username('donor'), password: PASSWORD, role: 'admin' } });
      expectProblem(res, 409);
      // The donor stays a donor.
      const me = await srv.api('GET', '/api/v1/me', { token: await srv.login('donor') });
      expect(me.json.role).toBe('donor');
    });

    it('given no token, when a client sends an invalid body to a command, then 401 comes before 400', async () => {
      const res = await srv.api('POST', '/api/v1/cases', { body: { caseId: 'not valid!', sex: 'x' } });
      expectProblem(res, 401);
    });

    it('given a donor or an auditor, when it sends an invalid body to a command, then 403 comes before 400', async () => {
      for (const role of ['donor', 'auditor'] as const) {
        const res = await srv.api('POST', '/api/v1/cases', { token: await srv.login(role), body: { caseId: 'not valid!', sex: 'x' } });
        expectProblem(res, 403);
      }
    });

    it('given a donor, when it asks for a case stream through GET /api/v1/events?stream=case-…, then it is refused with 403', async () => {
      const res = await srv.api('GET', '/api/v1/events?stream=case-x', { token: await srv.login('donor') });
      expectProblem(res, 403);
    });

    it('given no token, when a client asks for /api/docs, then it gets 200 and the OpenAPI document lists every CONTRACT route', async () => {
      const docs = await srv.api('GET', '/api/docs');
      expect(docs.status).toBe(200);
      const doc = await openApiDocument(srv);
      expect(doc, 'an OpenAPI JSON document at /api/docs-json, /api/docs/json or /api/docs (Accept: application/json)').toBeDefined();
      expect(String(doc.openapi ?? doc.swagger)).toMatch(/^(3|2)\./);
      const norm = (p: string) => p.replace(/\{[^}]+\}/g, '{}');
      const listed = new Set(
        Object.entries(doc.paths ?? {}).flatMap(([p, ops]) => Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${norm(p)}`)),
      );
      const missing = ROUTES.filter((r) => r.route !== '/api/docs')
        .map((r) => `${r.method} ${norm(r.route)}`)
        .concat('POST /api/v1/auth/login')
        .filter((r) => !listed.has(r));
      expect(missing, 'CONTRACT routes missing from the OpenAPI document').toEqual([]);
    });
  });
}

async function openApiDocument(srv: ServerHandle): Promise<any> {
  for (const [path, headers] of [
    ['/api/docs-json', {}],
    ['/api/docs/json', {}],
    ['/api/docs/openapi.json', {}],
    ['/api/docs', { accept: 'application/json' }],
  ] as const) {
    const res = await srv.api('GET', path, { headers });
    if (res.status === 200 && res.json && typeof res.json === 'object' && res.json.paths) return res.json;
  }
  return undefined;
}
