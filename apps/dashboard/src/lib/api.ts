/**
 * The API client: CONTRACT.md's routes, a bearer token, problem+json errors as ApiError.
 *
 * Every call goes through openapi-fetch typed by api-types.d.ts, which is generated from the API's
 * own OpenAPI document (`npm run openapi:types`). A path, a parameter or a body the document does
 * not have, or an answer whose shape is not the libs/contracts type the pages use, fails the
 * dashboard's type check (part of its build): the document cannot drift from this code unseen.
 */
import type {
  CaseActivity,
  CsoActivity,
  TrainingActivity,
  BreakdownView,
  CommandAccepted,
  Dimension,
  EventPage,
  IndicatorsView,
  LoginResponse,
  LogframeView,
  Me,
  Problem,
  ReadAuditPage,
  RestatementView,
  SeriesView,
  VerifyReport,
} from '@jalon/contracts';
import createClient from 'openapi-fetch';
import type { paths } from './api-types.js';
import { signOut, token } from './session.svelte.js';

const PREFIX = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem?: Problem,
  ) {
    super(problem?.detail ?? problem?.title ?? (status === 0 ? 'network error' : `HTTP ${status}`));
  }
}

interface Options {
  /** false for the login itself: its 401 means bad credentials, not an expired session. */
  auth?: boolean;
  signal?: AbortSignal;
}

/** What openapi-fetch answers: the success body, or the error body, and the response. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

const client = createClient<paths>({ headers: { accept: 'application/json, application/problem+json' } });

/** The bearer token's header, unless the call is the login. */
function authHeaders(auth: boolean): Record<string, string> {
  const bearer = token();
  return auth && bearer ? { authorization: `Bearer ${bearer}` } : {};
}

/** Runs one call; anything but a success becomes an ApiError (status 0 when the network failed). */
async function settle<T>(send: (headers: Record<string, string>) => Promise<Answer<T>>, { auth = true, signal }: Options = {}): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await send(authHeaders(auth));
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0);
  }
  const { data, error, response } = answer;
  if (!response.ok || data === undefined) {
    if (response.status === 401 && auth) signOut('expired');
    throw new ApiError(response.status, isProblem(error) ? error : undefined);
  }
  return data;
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'status' in body && 'title' in body;
}

/** The POST routes that append events and answer 201 with CommandAccepted. */
type CommandPath = {
  [P in keyof paths]: paths[P]['post'] extends { responses: { 201: { content: { 'application/json': CommandAccepted } } } } ? P : never;
}[keyof paths];

/** A command route under /api/v1 as the document names it (`/cases/{caseId}/closure`…). */
export type CommandRoute = CommandPath extends `${typeof PREFIX}${infer Route}` ? Route : never;

export type TrainingRequest = NonNullable<paths['/api/v1/trainings']['post']['requestBody']>['content']['application/json'];

export const api = {
  login: (username: string, password: string): Promise<LoginResponse> =>
    settle((headers) => client.POST('/api/v1/auth/login', { headers, body: { username, password } }), { auth: false }),
  me: (): Promise<Me> => settle((headers) => client.GET('/api/v1/me', { headers })),
  logframe: (signal?: AbortSignal): Promise<LogframeView> =>
    settle((headers) => client.GET('/api/v1/logframe', { headers, signal }), { signal }),
  /** `minPosition`: wait until the read models hold a write of ours (read your own writes). */
  indicators: (asOf: string, signal?: AbortSignal, minPosition?: number): Promise<IndicatorsView> =>
    settle(
      (headers) =>
        client.GET('/api/v1/indicators', {
          headers,
          signal,
          params: { query: minPosition ? { asOf, minPosition: String(minPosition) } : { asOf } },
        }),
      { signal },
    ),
  series: (code: string, asOf: string, signal?: AbortSignal): Promise<SeriesView> =>
    settle(
      (headers) =>
        client.GET('/api/v1/indicators/{code}/series', { headers, signal, params: { path: { code }, query: { period: 'quarter', asOf } } }),
      { signal },
    ),
  breakdown: (code: string, by: Dimension, asOf: string, signal?: AbortSignal): Promise<BreakdownView> =>
    settle(
      (headers) => client.GET('/api/v1/indicators/{code}/breakdown', { headers, signal, params: { path: { code }, query: { by, asOf } } }),
      { signal },
    ),
  /** A command; the key makes a retry of the same submission harmless. */
  recordTraining: (body: TrainingRequest, idempotencyKey: string): Promise<CommandAccepted> =>
    settle((headers) => client.POST('/api/v1/trainings', { headers, body, params: { header: { 'Idempotency-Key': idempotencyKey } } })),
  /**
   * Any other command of CONTRACT.md ("Commands"): `path` under /api/v1 with its parameters filled
   * in, a CommandRoute such as `/cases/{caseId}/closure` once filled. The body is checked by the API.
   */
  command: (path: string, body: unknown, idempotencyKey: string): Promise<CommandAccepted> =>
    settle((headers) =>
      client.POST(`${PREFIX}${path}` as CommandPath, {
        headers: { ...headers, 'idempotency-key': idempotencyKey },
        body: body as never,
        params: {} as never,
      }),
    ),
  /** A page of the log in position order: events after `after`, at most `limit`, of one type if given. */
  events: (after: number, limit: number, type?: string, signal?: AbortSignal): Promise<EventPage<LogEvent>> =>
    settle(
      (headers) =>
        client.GET('/api/v1/events', {
          headers,
          signal,
          // A type from a filter box: the API answers 400 to one it does not know.
          params: { query: { after: String(after), limit: String(limit), ...(type ? { type: type as EventType } : {}) } },
        }),
      { signal },
    ),
  verify: (): Promise<VerifyReport> => settle((headers) => client.GET('/api/v1/audit/verify', { headers })),
};

/**
 * An event envelope as GET /events returns it (DOMAIN.md, "Envelope"), with `data` as a plain
 * record for the pages that list any event; the document's precise envelope must fit it.
 */
export interface LogEvent {
  position: number;
  eventId: string;
  type: EventType;
  streamId: string;
  revision: number;
  data: Record<string, unknown>;
  metadata: { recordedAt: string; recordedBy: string; commandId?: string; schemaVersion: number };
  hash: string;
}

type EventQuery = NonNullable<paths['/api/v1/events']['get']['parameters']['query']>;
type EventType = NonNullable<EventQuery['type']>;

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

/** Reads at a moment of the time-travel controls (time-travel.ts: asOf, atPosition or atTime, minPosition). */
export type MomentQuery = Record<string, string>;

/** The query parameters a GET route of the document takes. */
type QueryOf<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export const reads = {
  logframe: (at: MomentQuery, signal?: AbortSignal): Promise<LogframeView> =>
    settle((headers) => client.GET('/api/v1/logframe', { headers, signal, params: { query: at as QueryOf<'/api/v1/logframe'> } }), { signal }),
  indicators: (at: MomentQuery, signal?: AbortSignal): Promise<IndicatorsView> =>
    settle((headers) => client.GET('/api/v1/indicators', { headers, signal, params: { query: at as QueryOf<'/api/v1/indicators'> } }), { signal }),
  series: (code: string, period: 'quarter' | 'year', at: MomentQuery, signal?: AbortSignal): Promise<SeriesView> =>
    settle(
      (headers) =>
        client.GET('/api/v1/indicators/{code}/series', {
          headers,
          signal,
          params: { path: { code }, query: { ...(at as QueryOf<'/api/v1/indicators/{code}/series'>), period } },
        }),
      { signal },
    ),
  breakdown: (code: string, by: Dimension, at: MomentQuery, signal?: AbortSignal): Promise<BreakdownView> =>
    settle(
      (headers) =>
        client.GET('/api/v1/indicators/{code}/breakdown', {
          headers,
          signal,
          params: { path: { code }, query: { ...(at as QueryOf<'/api/v1/indicators/{code}/breakdown'>), by } },
        }),
      { signal },
    ),
  csos: (at: MomentQuery, signal?: AbortSignal): Promise<CsoActivity> =>
    settle((headers) => client.GET('/api/v1/activities/csos', { headers, signal, params: { query: at as QueryOf<'/api/v1/activities/csos'> } }), { signal }),
  trainings: (at: MomentQuery, signal?: AbortSignal): Promise<TrainingActivity> =>
    settle(
      (headers) => client.GET('/api/v1/activities/trainings', { headers, signal, params: { query: at as QueryOf<'/api/v1/activities/trainings'> } }),
      { signal },
    ),
  cases: (at: MomentQuery, signal?: AbortSignal): Promise<CaseActivity> =>
    settle((headers) => client.GET('/api/v1/activities/cases', { headers, signal, params: { query: at as QueryOf<'/api/v1/activities/cases'> } }), { signal }),
  /** Every event of one type up to `upTo` (a position), oldest first, in pages of 1000. */
  async eventsOfType(type: string, upTo: number, signal?: AbortSignal): Promise<LogEvent[]> {
    const out: LogEvent[] = [];
    let after = 0;
    for (;;) {
      const page = await api.events(after, 1000, type, signal);
      out.push(...page.events.filter((e) => e.position <= upTo));
      if (page.next === null || page.next >= upTo) return out;
      after = page.next;
    }
  },
};

/** The query of GET /events with its filters (type, stream, recordedBy, recordedFrom/To, from/to, before, order). */
export type EventFilters = QueryOf<'/api/v1/events'>;
export type ReadsQuery = QueryOf<'/api/v1/audit/reads'>;
export type RestatementQuery = QueryOf<'/api/v1/restatement'>;

/** The auditors' reads: the restatement report, the filtered log, the read audit, the chain check. */
export const audit = {
  restatement: (query: RestatementQuery, signal?: AbortSignal): Promise<RestatementView> =>
    settle((headers) => client.GET('/api/v1/restatement', { headers, signal, params: { query } }), { signal }),
  events: (query: EventFilters, signal?: AbortSignal): Promise<EventPage<LogEvent>> =>
    settle((headers) => client.GET('/api/v1/events', { headers, signal, params: { query } }), { signal }),
  reads: (query: ReadsQuery, signal?: AbortSignal): Promise<ReadAuditPage> =>
    settle((headers) => client.GET('/api/v1/audit/reads', { headers, signal, params: { query } }), { signal }),
  verify: (expectHead?: string, signal?: AbortSignal): Promise<VerifyReport> =>
    settle((headers) => client.GET('/api/v1/audit/verify', { headers, signal, params: { query: expectHead ? { expectHead } : {} } }), { signal }),
};
