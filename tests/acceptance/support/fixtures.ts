/**
 * Request bodies, recording helpers and the assertions every suite shares. Bodies follow
 * DOMAIN.md's event table; the helpers assert the CONTRACT.md success shape as they go.
 */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { Api, ApiResponse, ServerHandle } from './server.js';

let counter = 0;
/** A fresh identifier matching ^[A-Za-z0-9_-]{1,64}$, unique within the run. */
export function freshId(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const RECORDED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const HEX64 = /^[0-9a-f]{64}$/;
export const ENVELOPE_KEYS = ['data', 'eventId', 'hash', 'metadata', 'position', 'revision', 'streamId', 'type'];

// ---------------------------------------------------------------------------------------------
// Bodies
// ---------------------------------------------------------------------------------------------

export type Body = Record<string, unknown>;

export const csoBody = (csoId: string, over: Body = {}): Body => ({
  csoId,
  name: 'Association Solidarité Migrants',
  region: 'oriental',
  domains: ['protection', 'legal_aid'],
  mappedOn: '2015-01-15',
  ...over,
});

export const assessmentBody = (over: Body = {}): Body => ({
  assessedOn: '2015-02-01',
  scores: { governance: 3, finance: 2, humanResources: 4, programme: 3, protection: 1 },
  ...over,
});

export const agreementBody = (over: Body = {}): Body => ({ signedOn: '2015-03-01', agreementRef: 'IOM-RBT-2015-007', ...over });

export const trainingBody = (trainingId: string, over: Body = {}): Body => ({
  trainingId,
  heldOn: '2015-02-10',
  audience: 'government',
  topic: 'Identification of presumed victims',
  region: 'rabat-sale-kenitra',
  participants: { female: 7, male: 5 },
  knowledgeTest: { tested: 10, improved: 6 },
  ...over,
});

export const caseBody = (caseId: string, over: Body = {}): Body => ({
  caseId,
  identifiedOn: '2015-03-10',
  sex: 'female',
  ageGroup: 'adult',
  nationality: 'NG',
  exploitationType: 'sexual',
  referredBy: 'cso',
  ...over,
});

export const assistanceBody = (over: Body = {}): Body => ({ providedOn: '2015-03-20', assistanceType: 'shelter', ...over });
export const closureBody = (over: Body = {}): Body => ({ closedOn: '2015-06-30', reason: 'reintegrated', ...over });
export const targetBody = (over: Body = {}): Body => ({ period: '2016', value: 70, reason: 'Revised at the mid-term review', ...over });
export const voidBody = (over: Body = {}): Body => ({ reason: 'Recorded by mistake', ...over });

// ---------------------------------------------------------------------------------------------
// Recording (each asserts 201 {eventIds, position})
// ---------------------------------------------------------------------------------------------

export interface Accepted {
  eventIds: string[];
  position: number;
}

export function expectAccepted(res: ApiResponse, what: string): Accepted {
  if (res.status !== 201) throw new Error(`${what}: expected 201, got ${res.status} ${res.text}`);
  expect(res.json).toEqual({ eventIds: [expect.stringMatching(UUID)], position: expect.any(Number) });
  return res.json as Accepted;
}

/** Posts as the given token and insists on 201. */
export async function post(api: Api, token: string, path: string, body: unknown, headers?: Record<string, string>): Promise<Accepted> {
  return expectAccepted(await api('POST', path, { token, body, headers }), `POST ${path} ${JSON.stringify(body)}`);
}

export function recorder(api: Api, token: string) {
  return {
    cso: (id: string, over?: Body) => post(api, token, '/api/v1/csos', csoBody(id, over)),
    assess: (id: string, over?: Body) => post(api, token, `/api/v1/csos/${id}/assessments`, assessmentBody(over)),
    agree: (id: string, over?: Body) => post(api, token, `/api/v1/csos/${id}/agreement`, agreementBody(over)),
    training: (id: string, over?: Body) => post(api, token, '/api/v1/trainings', trainingBody(id, over)),
    identify: (id: string, over?: Body) => post(api, token, '/api/v1/cases', caseBody(id, over)),
    assist: (id: string, over?: Body) => post(api, token, `/api/v1/cases/${id}/assistance`, assistanceBody(over)),
    close: (id: string, over?: Body) => post(api, token, `/api/v1/cases/${id}/closure`, closureBody(over)),
    target: (code: string, over?: Body) => post(api, token, `/api/v1/indicators/${code}/targets`, targetBody(over)),
    void: (eventId: string, over?: Body) => post(api, token, `/api/v1/events/${eventId}/void`, voidBody(over)),
  };
}
export type Recorder = ReturnType<typeof recorder>;

// ---------------------------------------------------------------------------------------------
// Problems (RFC 9457)
// ---------------------------------------------------------------------------------------------

/** An expected error path: a JSON Pointer, or alternatives; a deeper path under it also names it. */
export type ExpectedPath = string | string[];

function pathMatches(actual: string, expected: string): boolean {
  return actual === expected || actual.startsWith(expected + '/');
}

/**
 * CONTRACT.md "Errors": `application/problem+json`, `{type, title, status, detail}`, and for
 * invalid input `errors: [{path, message}]` with JSON Pointer paths naming each bad field.
 */
export function expectProblem(res: ApiResponse, status: number, paths: ExpectedPath[] = []): void {
  const context = `${res.status} ${res.text.slice(0, 600)}`;
  expect(res.status, context).toBe(status);
  expect(res.headers.get('content-type') ?? '', context).toMatch(/^application\/problem\+json\b/);
  expect(res.json, context).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  expect(res.json.title.length, context).toBeGreaterThan(0);
  if (status === 400) {
    expect(Array.isArray(res.json.errors), `400 carries errors[]: ${context}`).toBe(true);
    expect(res.json.errors.length, context).toBeGreaterThan(0);
    for (const e of res.json.errors) {
      expect(e, context).toMatchObject({ path: expect.any(String), message: expect.any(String) });
      // A JSON Pointer is "" (the whole document) or starts with "/".
      expect(e.path === '' || e.path.startsWith('/'), `"${e.path}" is a JSON Pointer: ${context}`).toBe(true);
    }
  }
  const actual: string[] = (res.json?.errors ?? []).map((e: { path: string }) => e.path);
  for (const p of paths) {
    const options = Array.isArray(p) ? p : [p];
    const hit = actual.some((a) => options.some((o) => pathMatches(a, o)));
    expect(hit, `an error names ${options.join(' or ')}; got [${actual.join(', ')}]: ${context}`).toBe(true);
  }
}

/** For a bad query parameter: some error path ends with the parameter's name. */
export function expectQueryProblem(res: ApiResponse, param: string): void {
  expectProblem(res, 400);
  const actual: string[] = res.json.errors.map((e: { path: string }) => e.path);
  expect(
    actual.some((a) => new RegExp(`(^|/)${param}$`).test(a)),
    `an error names the query parameter ${param}; got [${actual.join(', ')}]`,
  ).toBe(true);
}

/** Runs `request`, then insists it was refused with `status` and that the log did not grow. */
export async function expectRefused(
  srv: ServerHandle,
  request: () => Promise<ApiResponse>,
  status: number,
  paths: ExpectedPath[] = [],
): Promise<ApiResponse> {
  const before = await srv.head();
  const res = await request();
  expectProblem(res, status, paths);
  expect(await srv.head(), 'a refused request appends nothing').toBe(before);
  return res;
}

// ---------------------------------------------------------------------------------------------
// Integrity, computed independently of the server (DOMAIN.md "Integrity")
// ---------------------------------------------------------------------------------------------

/** RFC 8785 for the JSON this log holds (strings, finite numbers, booleans, arrays, objects). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const GENESIS = '0'.repeat(64);

export interface Envelope {
  position: number;
  eventId: string;
  type: string;
  streamId: string;
  revision: number;
  data: Record<string, unknown>;
  metadata: { recordedAt: string; recordedBy: string; commandId?: string; schemaVersion: number };
  hash: string;
}

export function hashOf(previous: string, e: Omit<Envelope, 'hash'>): string {
  const hashed = {
    position: e.position,
    eventId: e.eventId,
    type: e.type,
    streamId: e.streamId,
    revision: e.revision,
    data: e.data,
    metadata: e.metadata,
  };
  return createHash('sha256').update(previous + canonicalJson(hashed), 'utf8').digest('hex');
}

/** Rewrites every hash from `from` (1-based place) on, so that the chain holds again. */
export function rechain(events: Envelope[]): Envelope[] {
  let previous = GENESIS;
  return events.map((e) => {
    const hash = hashOf(previous, e);
    previous = hash;
    return { ...e, hash };
  });
}

/** The 1-based place of the first event whose position or hash is wrong; null when intact. */
export function firstBadPlace(events: Envelope[]): number | null {
  let previous = GENESIS;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.position !== i + 1 || hashOf(previous, e) !== e.hash) return i + 1;
    previous = e.hash;
  }
  return null;
}

export function parseNdjson(text: string): Envelope[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Envelope);
}

export const toNdjson = (events: Envelope[]): string => events.map((e) => JSON.stringify(e)).join('\n') + '\n';

/** Every value of the tree, to look for `null`s that should have been absent fields. */
export function nullPaths(value: unknown, path = ''): string[] {
  if (value === null) return [path];
  if (typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => nullPaths(v, `${path}/${k}`));
}

// ---------------------------------------------------------------------------------------------
// Dates and expected values (DOMAIN.md "How indicators are computed"), for hand computations
// ---------------------------------------------------------------------------------------------

export function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The straight line through (start, baseline) and each year's target, as DOMAIN.md defines it. */
export function expectedCount(targets: Record<string, number>, d: string, baseline = 0): number {
  const points: Array<[string, number]> = [['2014-09-01', baseline]];
  for (const year of ['2014', '2015', '2016']) if (targets[year] !== undefined) points.push([`${year}-12-31`, targets[year]]);
  if (d < points[0][0]) return baseline;
  for (let i = 1; i < points.length; i++) {
    const [d0, v0] = points[i - 1];
    const [d1, v1] = points[i];
    if (d <= d1) return v0 + ((v1 - v0) * days(d0, d)) / days(d0, d1);
  }
  return points[points.length - 1][1];
}
