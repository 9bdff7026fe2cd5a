/**
 * Hostile input against every route of CONTRACT.md, on one server: wrong types, missing and extra
 * fields, huge and deeply nested bodies, odd Unicode, bad dates, bad JSON and content types, bad
 * tokens, bad query strings and paths, odd methods. Every generated request is invalid (or may not
 * write), so the log must not move; no answer may be a 5xx, every error must be problem+json, and
 * no answer may show a stack or the server's insides.
 *
 * JALON_FUZZ_RUNS sets the number of generated requests (default 10,000), JALON_FUZZ_SEED the seed.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sqliteStore } from '../acceptance/support/sqlite.js';
import { useServer, type Role } from '../acceptance/support/server.js';
import { countSetting, wholeNumberSetting } from '../support/settings.js';
import { answerProblem, pool, send, sendRaw, type RawRequest } from './support.js';

const RUNS = countSetting('JALON_FUZZ_RUNS', 10_000);
const SEED = wholeNumberSetting('JALON_FUZZ_SEED', Date.now() % 2 ** 31, 0);
const CONCURRENCY = 10;
const MIB = 1024 * 1024;

type Body = Record<string, unknown>;
const SEEDED_CSO = 'fuzz-seed';

// ---------------------------------------------------------------------------------------------
// The routes, with a valid body for each command (mutated below into an invalid one)
// ---------------------------------------------------------------------------------------------

interface Route {
  method: 'GET' | 'POST';
  /** `{id}` is replaced by a generated path value. */
  path: string;
  /** A valid body: the generator always breaks it. */
  valid?: Body;
  /** The body is NDJSON (import) rather than JSON. */
  ndjson?: boolean;
  auth: boolean;
  /** Query parameters this route knows (others are refused). */
  query?: string[];
}

const scores = { governance: 1, finance: 2, humanResources: 3, programme: 4, protection: 1 };
const EVAL = ['asOf', 'atPosition', 'atTime', 'minPosition'];

/**
 * Routes left out, each with why: a request that happened to be valid would hold the fuzzer's slot
 * open until its token expired. Their refusals are tested in their own acceptance suites.
 */
const NOT_FUZZED = new Set([
  'GET /api/v1/changes', // a server-sent event stream (tests/acceptance/changes.test.ts)
]);

const ROUTES: Route[] = [
  { method: 'GET', path: '/api/v1/health', auth: false },
  { method: 'POST', path: '/api/v1/auth/login', auth: false, valid: { username: 'admin', password: 'not-the-password' } },
  { method: 'POST', path: '/api/v1/users', auth: true, valid: { username: 'fuzzuser', password: 'a-long-password-1', role: 'donor' } },
  { method: 'GET', path: '/api/v1/me', auth: true },
  { method: 'POST', path: '/api/v1/me/password', auth: true, valid: { currentPassword: 'not-the-password', newPassword: 'another-password-1' } },
  { method: 'POST', path: '/api/v1/users/{id}/password', auth: true, valid: { newPassword: 'another-password-1' } },
  {
    method: 'POST',
    path: '/api/v1/csos',
    auth: true,
    valid: { csoId: 'c-1', name: 'Association', region: 'oriental', city: 'Oujda', domains: ['health'], mappedOn: '2015-01-10' },
  },
  { method: 'POST', path: '/api/v1/csos/{id}/assessments', auth: true, valid: { assessedOn: '2015-02-01', scores } },
  { method: 'POST', path: '/api/v1/csos/{id}/agreement', auth: true, valid: { signedOn: '2015-03-01', agreementRef: 'IOM-1' } },
  {
    method: 'POST',
    path: '/api/v1/trainings',
    auth: true,
    valid: {
      trainingId: 't-1',
      heldOn: '2015-04-01',
      audience: 'cso',
      topic: 'Identification',
      region: 'oriental',
      participants: { female: 3, male: 2 },
      knowledgeTest: { tested: 4, improved: 3 },
    },
  },
  {
    method: 'POST',
    path: '/api/v1/cases',
    auth: true,
    valid: {
      caseId: 'k-1',
      identifiedOn: '2015-05-01',
      sex: 'female',
      ageGroup: 'adult',
      nationality: 'NG',
      exploitationType: 'labour',
      referredBy: 'cso',
    },
  },
  { method: 'POST', path: '/api/v1/cases/{id}/assistance', auth: true, valid: { providedOn: '2015-05-02', assistanceType: 'medical' } },
  { method: 'POST', path: '/api/v1/cases/{id}/closure', auth: true, valid: { closedOn: '2015-06-01', reason: 'returned' } },
  { method: 'POST', path: '/api/v1/indicators/{id}/targets', auth: true, valid: { period: '2016', value: 70, reason: 'revised' } },
  { method: 'POST', path: '/api/v1/events/{id}/void', auth: true, valid: { reason: 'entered twice' } },
  { method: 'GET', path: '/api/v1/indicators', auth: true, query: EVAL },
  { method: 'GET', path: '/api/v1/indicators/{id}/series', auth: true, query: [...EVAL, 'period'] },
  { method: 'GET', path: '/api/v1/indicators/{id}/breakdown', auth: true, query: [...EVAL, 'by'] },
  { method: 'GET', path: '/api/v1/logframe', auth: true, query: EVAL },
  { method: 'GET', path: '/api/v1/restatement', auth: true, query: ['since', 'sinceTime', ...EVAL] },
  {
    method: 'GET',
    path: '/api/v1/events',
    auth: true,
    query: ['after', 'before', 'limit', 'order', 'type', 'stream', 'recordedBy', 'recordedFrom', 'recordedTo', 'from', 'to'],
  },
  { method: 'GET', path: '/api/v1/events/export', auth: true },
  { method: 'POST', path: '/api/v1/events/import', auth: true, ndjson: true },
  { method: 'GET', path: '/api/v1/audit/verify', auth: true, query: ['expectHead'] },
  { method: 'GET', path: '/api/v1/audit/reads', auth: true, query: ['after', 'limit', 'username'] },
  { method: 'GET', path: '/api/v1/indicators/export', auth: true, query: [...EVAL, 'format', 'lang'] },
  { method: 'GET', path: '/api/v1/iati', auth: true, query: ['asOf'] },
  { method: 'GET', path: '/api/v1/activities/csos', auth: true, query: EVAL },
  { method: 'GET', path: '/api/v1/activities/trainings', auth: true, query: EVAL },
  { method: 'GET', path: '/api/v1/activities/cases', auth: true, query: EVAL },
  { method: 'GET', path: '/api/v1/reports/donor', auth: true, query: ['atPosition', 'minPosition', 'period', 'lang', 'format'] },
  { method: 'GET', path: '/api/v1/sheets/{id}/template', auth: true, query: ['format', 'lang'] },
  { method: 'POST', path: '/api/v1/sheets/{id}', auth: true, query: ['dryRun'], valid: { csoId: 'c-9' } },
  { method: 'GET', path: '/api/docs', auth: false },
  { method: 'GET', path: '/api/docs-json', auth: false },
  { method: 'GET', path: '/', auth: false },
];

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

/** Strings that have broken parsers before: control characters, bidi, surrogates, emoji, huge. */
const EDGE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202eevil\u202c',
  '\u200f\u200e',
  '\ufeff',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\ud83d\ude00\ud83c\udff3\ufe0f\u200d\ud83c\udf08',
  'e\u0301\u0301\u0301',
  '\u{10ffff}',
  '\\u0000',
  '<script>alert(1)</script>',
  "'; DROP TABLE events; --",
  '../../../etc/passwd',
  '%00',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'x'.repeat(201),
  'y'.repeat(65),
  'z'.repeat(10_000),
];

const BAD_DATES = [
  '2015-02-29',
  '2016-02-30',
  '2015-13-01',
  '2015-00-10',
  '2015-1-1',
  '15-01-01',
  '2015/01/01',
  '2015-01-01T00:00:00Z',
  ' 2015-01-01',
  '2015-01-01 ',
  '+002015-01-01',
  '２０１５-01-01',
  '2014-08-31',
  '2017-01-01',
  '9999-12-31',
  '0000-00-00',
  '',
  'yesterday',
];

const edgeString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

/** A value of another JSON type than `like`'s, so that it can never pass for it. */
function wrongTypeFor(like: unknown): fc.Arbitrary<unknown> {
  const kinds: Array<[string, fc.Arbitrary<unknown>]> = [
    ['string', edgeString],
    ['number', fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-0, 1e308, -1, 2 ** 53 + 1))],
    ['boolean', fc.boolean()],
    ['null', fc.constant(null)],
    ['array', fc.array(anyJson, { maxLength: 3 })],
    ['object', fc.dictionary(edgeString, anyJson, { maxKeys: 3 })],
  ];
  const kind = like === null ? 'null' : Array.isArray(like) ? 'array' : typeof like;
  return fc.oneof(...kinds.filter(([k]) => k !== kind).map(([, a]) => a));
}

/** A valid body broken in one or more ways, each enough on its own to make it invalid. */
function brokenBody(valid: Body): fc.Arbitrary<unknown> {
  const fields = Object.keys(valid);
  const dateFields = fields.filter((f) => /On$/.test(f));
  const optional = new Set(['city', 'knowledgeTest']);
  const required = fields.filter((f) => !optional.has(f));
  const mutation = fc.oneof(
    // A required field missing.
    fc.constantFrom(...required).map((f) => (b: Body) => void delete b[f]),
    // A field of the wrong type.
    fc
      .constantFrom(...fields)
      .chain((f) => wrongTypeFor(valid[f]).map((v) => (b: Body) => void (b[f] = v))),
    // A field nobody asked for (the schemas are strict), with an odd name at times.
    fc
      .tuple(fc.oneof(fc.constantFrom('extra', '__proto__', 'constructor', 'prototype', '', 'csoId ', '\ud800'), edgeString), anyJson)
      .filter(([k]) => !fields.includes(k))
      .map(([k, v]) => (b: Body) => void Object.defineProperty(b, k, { value: v, enumerable: true, writable: true, configurable: true })),
    // A bad date (not a real date, badly written, or outside the project).
    ...(dateFields.length > 0
      ? [fc.tuple(fc.constantFrom(...dateFields), fc.constantFrom(...BAD_DATES)).map(([f, d]) => (b: Body) => void (b[f] = d))]
      : []),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => {
    const body: Body = structuredClone(valid);
    for (const m of ms) m(body);
    return body;
  });
}

const BAD_JSON = [
  '{',
  '{"a":}',
  "{'a':1}",
  '{"a":1,}',
  '[1,2',
  'undefined',
  'NaN',
  '{"a":01}',
  '{"a":"\\x41"}',
  '{"a":"\u0001"}',
  '\u0000',
  '{"a":1}{"b":2}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '"just a string"',
  '42',
  'null',
  'true',
  '[]',
  '{}',
];

const deep = (depth: number, open: string, close: string) => open.repeat(depth) + close.repeat(depth);

/** Rare and costly bodies: near and over 1 MiB, 10,000 levels deep, bytes that are not UTF-8. */
const HEAVY: Array<() => string | Buffer> = [
  () => deep(10_000, '[', ']'),
  () => deep(10_000, '{"a":', '}').replace(/}$/, '1}'),
  () => `{"a":${'['.repeat(100_000)}`,
  () => JSON.stringify({ name: 'n'.repeat(MIB - 100) }),
  () => JSON.stringify({ name: 'n'.repeat(MIB + 10) }),
  () => ' '.repeat(MIB - 10) + '{}',
  () => `[${'1,'.repeat(MIB / 2 - 10)}1]`,
  () => Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]), // overlong "/"
  () => Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]), // CESU surrogate
  () => Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), // UTF-16 with BOM
];

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'text/plain',
  'text/json',
  'application/xml',
  'application/x-ndjson',
  'application/merge-patch+json',
  'application/json, text/plain',
  ';;;',
  'application/json; charset=',
];

const BAD_TOKENS = [
  '',
  'Bearer',
  'Bearer ',
  'bearer x',
  'Basic YWRtaW46YWRtaW4=',
  'Bearer null',
  'Bearer undefined',
  `Bearer ${'A'.repeat(8_000)}`,
  'Bearer a b',
  'Bearer ../../',
  'Bearer %00',
  'Token abc',
  'Bearer ey.ey.ey',
];

const PATH_VALUES = [
  'x',
  SEEDED_CSO,
  '00000000-0000-4000-8000-000000000000',
  '1.1',
  '2.1',
  '9.9',
  'admin',
  'nobody',
  '%00',
  '%ZZ',
  '%C0%AF',
  '%ED%A0%80',
  '..%2F..%2Fetc',
  '%2e%2e',
  '__proto__',
  'constructor',
  encodeURIComponent('\u202eevil'),
  encodeURIComponent('\ud83d\ude00'),
  'a'.repeat(65),
  'b'.repeat(5_000),
  'a%20b',
  '-',
];

const QUERY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'a[]', '__proto__[x]', 'constructor[prototype][x]', 'x'.repeat(500), ''];
const QUERY_VALUES = [
  '',
  '2015-02-30T10:00:00.000Z',
  '2015-03-01T10:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '-1',
  '1.5',
  '1e3',
  '0x10',
  ' 1',
  '99999999999999999999',
  'NaN',
  'Infinity',
  '%00',
  '%ZZ',
  '%ED%A0%80',
  encodeURIComponent('\u202e'),
  'quarter',
  'year',
  'sex',
  'nope',
  ...BAD_DATES.map(encodeURIComponent),
];

const ROLES_FOR_WRITES: Array<Role | 'none' | 'bad'> = ['admin', 'manager', 'auditor', 'donor', 'none', 'bad'];

// ---------------------------------------------------------------------------------------------
// The request generator
// ---------------------------------------------------------------------------------------------

interface Generated {
  route: string;
  method: string;
  path: string;
  auth: Role | 'none' | 'bad';
  badToken?: string;
  contentType?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

const queryString = (known: string[]) =>
  fc
    .array(
      fc.tuple(fc.constantFrom(...known, ...known, ...QUERY_KEYS), fc.constantFrom(...QUERY_VALUES)),
      { minLength: 0, maxLength: 4 },
    )
    .map((pairs) => (pairs.length === 0 ? '' : '?' + pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&')));

function pathFor(route: Route): fc.Arbitrary<string> {
  const variant = fc.constantFrom('', '', '', '/', '//', 'UPPER');
  return fc.tuple(fc.constantFrom(...PATH_VALUES), variant).map(([id, v]) => {
    let path = route.path.replace('{id}', id);
    if (v === 'UPPER') path = path.toUpperCase();
    else if (v === '//') path = path.replace('/api/', '//api/');
    else path += v;
    return path;
  });
}

function bodyFor(route: Route): fc.Arbitrary<string | Buffer | undefined> {
  const text: Array<fc.Arbitrary<string | Buffer | undefined>> = [
    fc.constantFrom(...BAD_JSON),
    fc.constant(undefined),
    anyJson.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)).map((v) => JSON.stringify(v)),
  ];
  if (route.valid) {
    // Most requests: a nearly valid body, broken on purpose, so the validation is reached.
    text.push(brokenBody(route.valid).map((b) => JSON.stringify(b)), brokenBody(route.valid).map((b) => JSON.stringify(b)));
  }
  if (route.ndjson) {
    const line = fc.oneof(
      anyJson.map((v) => JSON.stringify(v)),
      fc.constantFrom(...BAD_JSON),
      fc.constant('{"position":1,"eventId":"00000000-0000-4000-8000-000000000000","type":"CsoMapped","streamId":"cso-x","revision":0,"data":{},"metadata":{},"hash":"00"}'),
      fc.constant('{"position":1,"data":{"name":"\\ud800"}}'),
    );
    text.push(fc.array(line, { minLength: 1, maxLength: 5 }).map((ls) => ls.join('\n')));
  }
  return fc.oneof({ weight: 200, arbitrary: fc.oneof(...text) }, { weight: 1, arbitrary: fc.constantFrom(...HEAVY).map((f) => f()) });
}

function requestFor(route: Route): fc.Arbitrary<Generated> {
  const auth = route.auth
    ? fc.constantFrom<Role | 'none' | 'bad'>(...ROLES_FOR_WRITES)
    : fc.constantFrom<Role | 'none' | 'bad'>('none', 'none', 'bad', 'admin');
  const odd = fc.constantFrom('PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'PROPFIND', 'purge', 'M-SEARCH', 'FOO');
  const method = fc.oneof({ weight: 9, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: odd });
  const query = route.query ? queryString(route.query) : fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: queryString([]) });
  const contentType = fc.oneof(
    { weight: 6, arbitrary: fc.constant(route.ndjson ? 'application/x-ndjson' : 'application/json') },
    { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const extraHeaders = fc.oneof(
    { weight: 8, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Record<string, string>>(
        { 'idempotency-key': 'k\u00e9' },
        { 'idempotency-key': 'k'.repeat(500) },
        { 'idempotency-key': '' },
        { 'x-forwarded-for': '1.2.3.4' },
        { origin: 'https://evil.example' },
        { 'content-encoding': 'gzip' },
        { accept: 'text/html' },
        { 'x-http-method-override': 'PUT' },
      ),
    },
  );
  return fc
    .record({
      path: pathFor(route),
      query,
      method,
      auth,
      badToken: fc.constantFrom(...BAD_TOKENS),
      contentType,
      body: bodyFor(route),
      headers: extraHeaders,
    })
    .map((r) => ({
      route: `${route.method} ${route.path}`,
      method: r.method,
      path: r.path + r.query,
      auth: r.auth,
      badToken: r.auth === 'bad' ? r.badToken : undefined,
      contentType: r.contentType,
      body: r.body,
      headers: r.headers,
    }));
}

const anyRequest = fc.oneof(
  ...ROUTES.map((route) => requestFor(route)),
  // Paths no route has.
  fc.record({ p: fc.constantFrom('/api/v1/nope', '/api/v2/csos', '/api', '/api/v1', '/api/v1/csos/x/y/z', '/.env', '/api/v1/../../etc/passwd') }).map(
    ({ p }): Generated => ({ route: 'unknown', method: 'POST', path: p, auth: 'admin', contentType: 'application/json', body: '{}' }),
  ),
);

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

describe('hostile input on every route', () => {
  // Errors are still logged at warn; one info line per request would only cost time here.
  const server = useServer(sqliteStore, { env: { LOG_LEVEL: 'warn' } });
  const failures: string[] = [];
  let sent = 0;
  const timing: Record<string, number> = {};

  async function fire(tokens: Record<string, string>, g: Generated): Promise<void> {
    const headers: Record<string, string> = { ...(g.headers ?? {}) };
    if (g.contentType !== undefined && g.body !== undefined) headers['content-type'] = g.contentType;
    if (g.auth === 'bad') {
      if (g.badToken) headers.authorization = g.badToken;
    } else if (g.auth !== 'none') headers.authorization = `Bearer ${tokens[g.auth]}`;
    const req: RawRequest = { method: g.method, path: g.path, headers, body: g.body };
    const shown = () => `${g.method} ${g.path.slice(0, 200)} as ${g.auth} [${g.contentType}] ${String(g.body ?? '').slice(0, 200)}`;
    let problem: string | undefined;
    const t0 = Date.now();
    try {
      const res = await send(server.server.url, req);
      if (process.env.JALON_FUZZ_PROFILE) timing[g.route] = (timing[g.route] ?? 0) + Date.now() - t0;
      problem = answerProblem(g.method, res, typeof g.body === 'string' ? g.body : '');
      // No generated request is valid: a success on a route that writes means something appended.
      if (!problem && g.method === 'POST' && res.status >= 200 && res.status < 300 && g.route !== 'unknown')
        problem = `a write succeeded (${res.status}): ${res.text.slice(0, 200)}`;
    } catch (error) {
      // fetch refuses some header values itself: that is the client, not the server.
      const why = `${(error as Error).message} ${(error as { cause?: Error }).cause?.message ?? ''}`;
      if (/invalid (?:header|method)|header value|forbidden method/i.test(why)) return;
      problem = `no answer: ${(error as Error).message} ${(error as { cause?: Error }).cause?.message ?? ''}`;
    } finally {
      sent += 1;
    }
    if (problem && failures.length < 20) failures.push(`${problem}\n    request: ${shown()}`);
  }

  it(`answers ${RUNS} generated invalid requests without a 5xx, a leak or an append (seed ${SEED})`, { timeout: 600_000 }, async () => {
    const admin = await server.login('admin');
    // One event in the log, so that routes naming a record have one to find.
    const seeded = await server.api('POST', '/api/v1/csos', {
      token: admin,
      body: { csoId: SEEDED_CSO, name: 'Seed', region: 'oriental', domains: ['health'], mappedOn: '2015-01-10' },
    });
    expect(seeded.status).toBe(201);
    const tokens: Record<string, string> = {
      admin,
      manager: await server.login('manager'),
      auditor: await server.login('auditor'),
      donor: await server.login('donor'),
    };
    const before = await server.api('GET', '/api/v1/audit/verify', { token: admin });

    const generating = Date.now();
    const requests = fc.sample(anyRequest, { numRuns: RUNS, seed: SEED });
    const started = Date.now();
    if (process.env.JALON_FUZZ_PROFILE) console.info(`generated in ${(started - generating) / 1000} s`);
    await pool(requests, CONCURRENCY, (g) => fire(tokens, g));
    const seconds = (Date.now() - started) / 1000;

    const after = await server.api('GET', '/api/v1/audit/verify', { token: admin });
    const unexpected = (server.server.stdout() + server.server.stderr()).split('\n').filter((l) => l.includes('unexpected error'));
    if (process.env.JALON_FUZZ_PROFILE) console.info(Object.entries(timing).sort((a, b) => b[1] - a[1]).slice(0, 8));
    console.info(`fuzz: ${sent} requests in ${seconds.toFixed(1)} s (seed ${SEED}, concurrency ${CONCURRENCY})`);
    expect(failures, `seed ${SEED}; the first failures:\n${failures.join('\n')}`).toEqual([]);
    expect(sent).toBe(RUNS);
    expect(after.status).toBe(200);
    expect(after.json.ok).toBe(true);
    expect(after.json.head).toEqual(before.json.head);
    expect(unexpected, 'the server logged unexpected errors').toEqual([]);
  });

  it('covers every route of the OpenAPI document', async () => {
    const doc = await server.api('GET', '/api/docs-json');
    const documented = Object.entries(doc.json.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '{id}')}`),
    );
    const fuzzed = ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(documented.filter((r) => !fuzzed.includes(r) && !NOT_FUZZED.has(r))).toEqual([]);
  });

  it('answers requests that are not well-formed HTTP with problem+json', async () => {
    const port = Number(new URL(server.server.url).port);
    const raw = [
      'FOO /api/v1/csos HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /api/v1/health HTTP/9.9\r\nHost: x\r\n\r\n',
      'GET  HTTP/1.1\r\n\r\n',
      'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n',
      'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX: \u0000\r\n\r\n',
      `GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      'POST /api/v1/csos HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!',
      'POST /api/v1/csos HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      '\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003',
    ];
    const bad: string[] = [];
    for (const bytes of raw) {
      const answer = await sendRaw(port, Buffer.from(bytes, 'latin1'));
      sent += 1;
      const [head, ...rest] = answer.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
      const contentType = /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '';
      const problem = answer
        ? answerProblem('GET', { status, contentType, headers: new Headers(), text: rest.join('\r\n\r\n') })
        : undefined; // a closed connection without an answer is acceptable for garbage
      if (problem) bad.push(`${JSON.stringify(bytes.slice(0, 60))}: ${problem}`);
    }
    expect(bad).toEqual([]);
  });

  it('answers a refused request whose large body is still arriving, instead of resetting the connection', async () => {
    // An unknown lower-case method with a 1 MiB body: the parser refuses it at its first line while
    // the body is still coming, and refuses the next chunk again. Cutting the connection then reset
    // a client that was still writing (EPIPE in about one try in ten here): the rest is dropped now.
    const port = Number(new URL(server.server.url).port);
    const body = Buffer.alloc(MIB + 10, 'n');
    const outcomes: string[] = [];
    for (let i = 0; i < 40; i++) {
      outcomes.push(
        await new Promise<string>((resolve) => {
          const socket = connect(port, '127.0.0.1');
          let answer = '';
          let offset = 0;
          const more = () => {
            while (offset < body.length) {
              const piece = body.subarray(offset, (offset += 16_384));
              if (!socket.write(piece)) return void socket.once('drain', more);
            }
            socket.end();
          };
          socket.on('data', (d) => (answer += d.toString('latin1')));
          socket.on('error', (e) => resolve(`error ${(e as NodeJS.ErrnoException).code}`));
          socket.on('close', () => resolve(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 'no answer'));
          socket.write(`purge /api/v1/me/password HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
          setTimeout(more, 5);
        }),
      );
      sent += 1;
    }
    expect(outcomes).toEqual(Array(40).fill('400'));
  });
});
