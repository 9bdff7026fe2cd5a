/** The API client: CONTRACT.md's read routes, a bearer token, problem+json errors as ApiError. */
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
  SeriesView,
  VerifyReport,
} from '@jalon/contracts';
import { signOut, token } from './session.svelte.js';

const BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem?: Problem,
  ) {
    super(problem?.detail ?? problem?.title ?? (status === 0 ? 'network error' : `HTTP ${status}`));
  }
}

interface Options {
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  /** false for the login itself: its 401 means bad credentials, not an expired session. */
  auth?: boolean;
  signal?: AbortSignal;
}

async function request<T>(path: string, { method = 'GET', body, auth = true, signal, ...rest }: Options = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...rest.headers };
  const bearer = token();
  if (auth && bearer) headers.authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(BASE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0);
  }
  if (!res.ok) {
    const problem = (await res.json().catch(() => undefined)) as Problem | undefined;
    if (res.status === 401 && auth) signOut('expired');
    throw new ApiError(res.status, problem);
  }
  return (await res.json()) as T;
}

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
const code = (c: string) => encodeURIComponent(c);

export const api = {
  login: (username: string, password: string) =>
    request<LoginResponse>('/auth/login', { method: 'POST', body: { username, password }, auth: false }),
  me: () => request<Me>('/me'),
  logframe: (signal?: AbortSignal) => request<LogframeView>('/logframe', { signal }),
  /** `minPosition`: wait until the read models hold a write of ours (read your own writes). */
  indicators: (asOf: string, signal?: AbortSignal, minPosition?: number) =>
    request<IndicatorsView>(`/indicators?${query(minPosition ? { asOf, minPosition: String(minPosition) } : { asOf })}`, { signal }),
  series: (c: string, asOf: string, signal?: AbortSignal) =>
    request<SeriesView>(`/indicators/${code(c)}/series?${query({ period: 'quarter', asOf })}`, { signal }),
  breakdown: (c: string, by: Dimension, asOf: string, signal?: AbortSignal) =>
    request<BreakdownView>(`/indicators/${code(c)}/breakdown?${query({ by, asOf })}`, { signal }),
  /** A command; the key makes a retry of the same submission harmless. */
  recordTraining: (body: TrainingRequest, idempotencyKey: string) => command('/trainings', body, idempotencyKey),
  /** Any other command of CONTRACT.md ("Commands"), `path` under /api/v1. */
  command: (path: string, body: unknown, idempotencyKey: string) => command(path, body, idempotencyKey),
  /** A page of the log in position order: events after `after`, at most `limit`, of one type if given. */
  events: (after: number, limit: number, type?: string, signal?: AbortSignal) =>
    request<EventPage<LogEvent>>(
      `/events?${query({ after: String(after), limit: String(limit), ...(type ? { type } : {}) })}`,
      { signal },
    ),
  verify: () => request<VerifyReport>('/audit/verify'),
};

function command(path: string, body: unknown, idempotencyKey: string): Promise<CommandAccepted> {
  return request<CommandAccepted>(path, { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey } });
}

/** An event envelope as GET /events returns it (DOMAIN.md, "Envelope"). */
export interface LogEvent {
  position: number;
  eventId: string;
  type: string;
  streamId: string;
  revision: number;
  data: Record<string, unknown>;
  metadata: { recordedAt: string; recordedBy: string; commandId?: string; schemaVersion: number };
  hash: string;
}

export interface TrainingRequest {
  trainingId: string;
  heldOn: string;
  audience: 'government' | 'cso' | 'iom_staff';
  topic: string;
  region: string;
  participants: { female: number; male: number };
  knowledgeTest?: { tested: number; improved: number };
}

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

/** Reads at a moment of the time-travel controls (time-travel.ts: asOf, atPosition or atTime, minPosition). */
export type MomentQuery = Record<string, string>;

export const reads = {
  logframe: (at: MomentQuery, signal?: AbortSignal) => request<LogframeView>(`/logframe?${query(at)}`, { signal }),
  indicators: (at: MomentQuery, signal?: AbortSignal) => request<IndicatorsView>(`/indicators?${query(at)}`, { signal }),
  series: (c: string, period: 'quarter' | 'year', at: MomentQuery, signal?: AbortSignal) =>
    request<SeriesView>(`/indicators/${code(c)}/series?${query({ ...at, period })}`, { signal }),
  breakdown: (c: string, by: Dimension, at: MomentQuery, signal?: AbortSignal) =>
    request<BreakdownView>(`/indicators/${code(c)}/breakdown?${query({ ...at, by })}`, { signal }),
  csos: (at: MomentQuery, signal?: AbortSignal) => request<CsoActivity>(`/activities/csos?${query(at)}`, { signal }),
  trainings: (at: MomentQuery, signal?: AbortSignal) => request<TrainingActivity>(`/activities/trainings?${query(at)}`, { signal }),
  cases: (at: MomentQuery, signal?: AbortSignal) => request<CaseActivity>(`/activities/cases?${query(at)}`, { signal }),
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
