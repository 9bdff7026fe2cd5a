import { createHash } from 'node:crypto';
import type { EventEnvelope, EventMetadata, LogHead, NewEvent } from './envelope.js';
import { GENESIS_HASH } from './envelope.js';
import { envelopeShapeProblem } from './envelope-shape.js';
import { StoreUrlError } from './errors.js';
import { hashEvent } from './hash-chain.js';
import type { AppendResult, IdempotencyClaim, IdempotencyRecord } from './port.js';

// The mapping between our log model and KurrentDB's, as pure functions, so that everything but the
// network calls is unit-tested on machines where no server runs (kurrentdb-store.ts holds the I/O).
//
// How our model sits on the engine (see kurrentdb-store.ts for the append protocol):
// - each of our streams is an engine stream of the same name (`cso-c1`), or `NS/cso-c1` when a
//   namespace is given (tests share one server that way, each store seeing only its own log);
// - each event's engine metadata carries what the engine cannot number our way: our position (1-based,
//   gap-free over our events only), our revision, stream id, event id and hash, and our metadata;
// - `jalon-head` holds commit records, one per append, and its expected revision is the global lock;
// - `jalon-idem-<sha>` holds one idempotency record per user and key, written with NO_STREAM;
// - `jalon-event-<sha>` holds where an event id lives, for findEvent and the unique-id check.

/** The engine's names for stream states (equal to the client's NO_STREAM; kept here so this module
 *  never loads the gRPC client). */
export const ENGINE_NO_STREAM = 'no_stream';
export type EngineStreamState = typeof ENGINE_NO_STREAM | bigint;

/** DOMAIN.md "Events": the stream kinds of the log. Without a namespace, the log is `$all` filtered
 *  to these prefixes, so an append elsewhere is refused (it would fall outside the log). */
export const DOMAIN_STREAM_PREFIXES = ['cso-', 'training-', 'case-', 'indicator-'] as const;

export const COMMIT_EVENT_TYPE = 'JalonCommitted';
export const IDEMPOTENCY_EVENT_TYPE = 'JalonIdempotencyKeyClaimed';
export const INDEX_EVENT_TYPE = 'JalonEventIndexed';

const NAMESPACE = /^[A-Za-z0-9_]{1,40}$/;

// ---------------------------------------------------------------------------------------------
// URLs

export interface KurrentLocation {
  /** What KurrentDBClient.connectionString takes: `kurrentdb://` (esdb:// rewritten to it). */
  connectionString: string;
  /** Our `namespace` query parameter, removed from the connection string. */
  namespace?: string;
}

const SCHEMES: Record<string, string> = {
  kurrentdb: 'kurrentdb',
  'kurrentdb+discover': 'kurrentdb+discover',
  esdb: 'kurrentdb',
  'esdb+discover': 'kurrentdb+discover',
};

/**
 * `kurrentdb://[user:pass@]host:port[,host:port…][?key=value…]` or the same with `esdb://` (the
 * EventStoreDB name; the client warns that it is deprecated, so it is rewritten). The client's own
 * parameters (tls, tlsVerifyCert, nodePreference…) pass through untouched; `namespace=NAME` is ours.
 */
export function parseKurrentUrl(url: string): KurrentLocation {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^?#]*)(?:\?([^#]*))?$/.exec(url.trim());
  const scheme = match && SCHEMES[match[1].toLowerCase()];
  if (!match || !scheme) throw new StoreUrlError(url, 'expected kurrentdb://host:2113 or esdb://host:2113');
  const authority = match[2].replace(/\/+$/, '');
  const hosts = authority.slice(authority.lastIndexOf('@') + 1);
  if (hosts === '') throw new StoreUrlError(url, 'the URL names no host');
  if (hosts.includes('/')) throw new StoreUrlError(url, 'a KurrentDB URL has no path; use ?namespace=NAME to share a server');
  const kept: string[] = [];
  let namespace: string | undefined;
  for (const pair of (match[3] ?? '').split('&').filter((p) => p !== '')) {
    const [key, value = ''] = pair.split('=', 2);
    if (key.toLowerCase() !== 'namespace') {
      kept.push(pair);
      continue;
    }
    namespace = decodeURIComponent(value);
    if (!NAMESPACE.test(namespace)) throw new StoreUrlError(url, 'namespace must match [A-Za-z0-9_]{1,40}');
  }
  const query = kept.length > 0 ? `?${kept.join('&')}` : '';
  return { connectionString: `${scheme}://${authority}${query}`, ...(namespace ? { namespace } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Stream names

export interface KurrentNames {
  readonly namespace: string | undefined;
  /** The prefixes of `$all` that make our log (streamNameFilter). */
  readonly logPrefixes: string[];
  /** The commit stream, whose expected revision serialises every append. */
  readonly head: string;
  /** The engine stream of one of our streams; undefined when it would fall outside the log. */
  entity(streamId: string): string | undefined;
  /** Our stream id of an engine stream of the log; undefined for any other stream. */
  streamIdOf(engineStream: string): string | undefined;
  idempotency(scope: string, key: string): string;
  eventIndex(eventId: string): string;
}

export function kurrentNames(namespace?: string): KurrentNames {
  if (namespace !== undefined && !NAMESPACE.test(namespace)) {
    throw new RangeError(`namespace must match [A-Za-z0-9_]{1,40}, got ${JSON.stringify(namespace)}`);
  }
  // Internal streams never contain '/', and a namespace's entity streams always start with 'NS/',
  // so neither can be mistaken for the other; without a namespace, no internal name starts with a
  // domain prefix.
  const own = namespace === undefined ? '' : `-${namespace}`;
  const entityPrefix = namespace === undefined ? '' : `${namespace}/`;
  const logPrefixes = namespace === undefined ? [...DOMAIN_STREAM_PREFIXES] : [entityPrefix];
  const inLog = (name: string) => logPrefixes.some((prefix) => name.startsWith(prefix));
  return {
    namespace,
    logPrefixes,
    head: `jalon-head${own}`,
    entity: (streamId) => (streamId !== '' && inLog(entityPrefix + streamId) ? entityPrefix + streamId : undefined),
    streamIdOf: (name) => (inLog(name) && name.length > entityPrefix.length ? name.slice(entityPrefix.length) : undefined),
    idempotency: (scope, key) => `jalon-idem${own}-${sha256(JSON.stringify([scope, key]))}`,
    eventIndex: (eventId) => `jalon-event${own}-${sha256(eventId)}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Expected revisions ↔ stream states

/** Our expected revision (-1: the stream must not exist) as the engine's stream state. */
export function toStreamState(expectedRevision: number): EngineStreamState {
  if (!Number.isSafeInteger(expectedRevision) || expectedRevision < -1) {
    throw new RangeError(`expectedRevision must be an integer ≥ -1, got ${expectedRevision}`);
  }
  return expectedRevision === -1 ? ENGINE_NO_STREAM : BigInt(expectedRevision);
}

/** The engine's current stream state (a WrongExpectedVersionError's actualState, a last revision)
 *  as our revision: -1 for a stream that does not exist. */
export function fromStreamState(state: unknown): number {
  if (typeof state === 'bigint') return Number(state);
  if (typeof state === 'number' && Number.isSafeInteger(state)) return state;
  if (state === ENGINE_NO_STREAM || state === undefined) return -1;
  throw new TypeError(`not a stream state: ${String(state)}`);
}

// ---------------------------------------------------------------------------------------------
// Events ↔ engine events

/** The engine metadata of one of our events: the envelope minus type and data. */
export interface EngineMetadata {
  jalon: 1;
  eventId: string;
  streamId: string;
  revision: number;
  position: number;
  hash: string;
  metadata: EventMetadata;
}

/** What jsonEvent() takes. */
export interface EngineEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** The fields of a recorded engine event this mapping reads. */
export interface RecordedEngineEvent {
  streamId: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata?: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID that is a pure function of `parts`, so a retried write carries the same engine event id and
 *  the engine's own idempotency check answers it. */
export function deterministicUuid(...parts: string[]): string {
  const hex = sha256(parts.join('\u0000')).slice(0, 32).split('');
  hex[12] = '8'; // RFC 9562 version 8 (custom)
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16); // variant 10
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Our event id when it is a UUID (DOMAIN.md), else a UUID derived from it: the engine wants UUIDs. */
export function engineEventId(eventId: string): string {
  return UUID.test(eventId) ? eventId.toLowerCase() : deterministicUuid('event', eventId);
}

export function toEngineEvent(envelope: EventEnvelope): EngineEvent {
  const { eventId, type, streamId, revision, position, hash, data, metadata } = envelope;
  const engineMetadata: EngineMetadata = { jalon: 1, eventId, streamId, revision, position, hash, metadata };
  return { id: engineEventId(eventId), type, data, metadata: { ...engineMetadata } };
}

/**
 * An engine event of the log back as our envelope. The engine's stream and revision must agree with
 * what the event says of itself (they are hashed): anything else was not written by this adapter.
 */
export function fromEngineEvent(recorded: RecordedEngineEvent, names: KurrentNames): EventEnvelope {
  const where = `event ${recorded.revision} of engine stream ${recorded.streamId}`;
  const meta = recorded.metadata as Partial<EngineMetadata> | undefined;
  if (typeof meta !== 'object' || meta === null || meta.jalon !== 1) {
    throw new Error(`${where} was not written by jalon (no jalon metadata)`);
  }
  const envelope = {
    position: meta.position,
    eventId: meta.eventId,
    type: recorded.type,
    streamId: meta.streamId,
    revision: meta.revision,
    data: recorded.data,
    metadata: meta.metadata,
    hash: meta.hash,
  } as EventEnvelope;
  const problem = envelopeShapeProblem(envelope);
  if (problem !== null) throw new Error(`${where} is not a jalon event: ${problem}`);
  if (names.streamIdOf(recorded.streamId) !== envelope.streamId || BigInt(envelope.revision) !== recorded.revision) {
    throw new Error(`${where} claims to be ${envelope.streamId}@${envelope.revision}`);
  }
  return envelope;
}

// ---------------------------------------------------------------------------------------------
// Sealing (positions, revisions, hash chain)

/**
 * Numbers and chains `events` after `previous`, as one append to `streamId` whose first event takes
 * `fromRevision`. What is hashed is the JSON round-trip of the event, i.e. exactly what is stored
 * and read back (an `undefined` member vanishes in both).
 */
export function sealEvents(previous: LogHead, streamId: string, fromRevision: number, events: NewEvent[]): EventEnvelope[] {
  let head = previous;
  return events.map((event, index) => {
    const stored = JSON.parse(
      JSON.stringify({
        position: head.position + 1,
        eventId: event.eventId,
        type: event.type,
        streamId,
        revision: fromRevision + index,
        data: event.data,
        metadata: event.metadata,
      }),
    ) as Omit<EventEnvelope, 'hash'>;
    const problem = envelopeShapeProblem({ ...stored, hash: '' });
    if (problem !== null) throw new TypeError(`event ${event.eventId} cannot be appended: ${problem}`);
    const sealed = { ...stored, hash: hashEvent(head.hash, stored) };
    head = { position: sealed.position, hash: sealed.hash };
    return sealed;
  });
}

/** An event id that repeats inside one append, or undefined. */
export function repeatedEventId(events: NewEvent[]): string | undefined {
  const seen = new Set<string>();
  for (const { eventId } of events) {
    if (seen.has(eventId)) return eventId;
    seen.add(eventId);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Commit records (the head stream)

/** One append or one slice of an import: the sealed events (all of one stream) and the key claimed. */
export interface CommitRecord {
  events: EventEnvelope[];
  idempotency?: IdempotencyClaim;
}

export function commitEvent(commit: CommitRecord): EngineEvent {
  const last = commit.events[commit.events.length - 1];
  const data: Record<string, unknown> = { events: commit.events };
  if (commit.idempotency) data.idempotency = commit.idempotency;
  return { id: deterministicUuid('commit', last.hash), type: COMMIT_EVENT_TYPE, data, metadata: { jalon: 1 } };
}

export function parseCommit(recorded: RecordedEngineEvent): CommitRecord {
  const data = recorded.data as { events?: unknown; idempotency?: unknown } | undefined;
  const bad = (why: string) => new Error(`commit record ${recorded.revision} of ${recorded.streamId} ${why}`);
  if (recorded.type !== COMMIT_EVENT_TYPE || typeof data !== 'object' || data === null) throw bad('is not a jalon commit');
  if (!Array.isArray(data.events) || data.events.length === 0) throw bad('holds no events');
  for (const event of data.events) {
    const problem = envelopeShapeProblem(event);
    if (problem !== null) throw bad(`holds a bad event: ${problem}`);
  }
  const events = data.events as EventEnvelope[];
  if (events.some((e) => e.streamId !== events[0].streamId)) throw bad('spans several streams');
  const claim = data.idempotency as IdempotencyClaim | undefined;
  return claim === undefined ? { events } : { events, idempotency: claim };
}

/** The log head once `commit` is readable. */
export function headAfter(commit: CommitRecord | undefined): LogHead {
  const last = commit?.events[commit.events.length - 1];
  return last ? { position: last.position, hash: last.hash } : { position: 0, hash: GENESIS_HASH };
}

/** The engine stream state the entity write of a commit expects. */
export function entityStateFor(commit: CommitRecord): EngineStreamState {
  return toStreamState(commit.events[0].revision - 1);
}

/**
 * After the entity write of `commit` met a wrong expected version: `found` are the event ids the
 * stream holds from the commit's first revision on. The commit was already written (by its author or
 * a helper) when they are the commit's; anything else means a writer outside this adapter.
 */
export function entityWriteOutcome(commit: CommitRecord, found: string[]): 'written' | 'foreign' {
  const ids = commit.events.map((e) => e.eventId);
  return ids.every((id, index) => found[index] === id) ? 'written' : 'foreign';
}

/** Cuts a verified export into commits: maximal runs of one stream, at most `maxEvents` each. */
export function importCommits(events: EventEnvelope[], maxEvents = 200): CommitRecord[] {
  const commits: CommitRecord[] = [];
  let current: EventEnvelope[] = [];
  for (const event of events) {
    if (current.length > 0 && (current[0].streamId !== event.streamId || current.length >= maxEvents)) {
      commits.push({ events: current });
      current = [];
    }
    current.push(event);
  }
  if (current.length > 0) commits.push({ events: current });
  return commits;
}

// ---------------------------------------------------------------------------------------------
// Idempotency and the event index

export function idempotencyEvent(commit: CommitRecord): EngineEvent | undefined {
  const claim = commit.idempotency;
  if (!claim) return undefined;
  const record: IdempotencyRecord & { scope: string; key: string } = {
    scope: claim.scope,
    key: claim.key,
    fingerprint: claim.fingerprint,
    eventIds: commit.events.map((e) => e.eventId),
    position: headAfter(commit).position,
  };
  return {
    id: deterministicUuid('idempotency', claim.scope, claim.key),
    type: IDEMPOTENCY_EVENT_TYPE,
    data: { ...record },
    metadata: { jalon: 1 },
  };
}

export function parseIdempotency(recorded: RecordedEngineEvent): IdempotencyRecord {
  const data = recorded.data as Partial<IdempotencyRecord> | undefined;
  if (
    recorded.type !== IDEMPOTENCY_EVENT_TYPE ||
    typeof data?.fingerprint !== 'string' ||
    !Array.isArray(data.eventIds) ||
    !Number.isSafeInteger(data.position)
  ) {
    throw new Error(`${recorded.streamId} does not hold an idempotency record`);
  }
  return { fingerprint: data.fingerprint, eventIds: data.eventIds, position: data.position as number };
}

/** What an append with `claim` does given the record of its key (if any). */
export function idempotencyOutcome(
  claim: IdempotencyClaim | undefined,
  earlier: IdempotencyRecord | undefined,
): { kind: 'proceed' } | { kind: 'replay'; result: AppendResult } | { kind: 'conflict' } {
  if (!claim || !earlier) return { kind: 'proceed' };
  if (earlier.fingerprint !== claim.fingerprint) return { kind: 'conflict' };
  return { kind: 'replay', result: { eventIds: earlier.eventIds, position: earlier.position, replayed: true } };
}

export interface IndexEntry {
  streamId: string;
  revision: number;
  position: number;
}

export function indexEvents(commit: CommitRecord): Array<{ eventId: string; event: EngineEvent }> {
  return commit.events.map(({ eventId, streamId, revision, position }) => ({
    eventId,
    event: {
      id: deterministicUuid('index', eventId),
      type: INDEX_EVENT_TYPE,
      data: { eventId, streamId, revision, position },
      metadata: { jalon: 1 },
    },
  }));
}

export function parseIndexEntry(recorded: RecordedEngineEvent): IndexEntry {
  const data = recorded.data as Partial<IndexEntry> | undefined;
  if (
    recorded.type !== INDEX_EVENT_TYPE ||
    typeof data?.streamId !== 'string' ||
    !Number.isSafeInteger(data.revision) ||
    !Number.isSafeInteger(data.position)
  ) {
    throw new Error(`${recorded.streamId} does not hold an event index entry`);
  }
  return { streamId: data.streamId, revision: data.revision as number, position: data.position as number };
}

// ---------------------------------------------------------------------------------------------
// Reading the log: positions and filters

/** The engine's position in `$all` (commit/prepare), which numbers every event of the database. */
export interface EnginePosition {
  commit: bigint;
  prepare: bigint;
}

/**
 * Where in `$all` to start reading for events after our position `after`: remembered pairs of (our
 * position, its `$all` position), learnt from earlier reads. A reader that pages through the log
 * resumes where its last page ended; any other read scans `$all` (filtered) from the start, or from
 * the nearest remembered event before it. Bounded: the oldest pairs are forgotten first.
 */
export interface PositionMap {
  remember(position: number, engine: EnginePosition): void;
  /** The `$all` position of the latest remembered event at or before `after`, or 'start'. */
  startFor(after: number): EnginePosition | 'start';
}

export function createPositionMap(capacity = 1024): PositionMap {
  const known = new Map<number, EnginePosition>();
  return {
    remember(position, engine) {
      known.delete(position);
      known.set(position, engine);
      if (known.size > capacity) known.delete(known.keys().next().value as number);
    },
    startFor(after) {
      let best: number | undefined;
      for (const position of known.keys()) {
        if (position <= after && (best === undefined || position > best)) best = position;
      }
      return best === undefined ? 'start' : (known.get(best) as EnginePosition);
    },
  };
}

export interface LogFilter {
  after: number;
  type?: string;
  streamId?: string;
}

/** readAll's filter, applied to events already mapped back (the engine filters by stream prefix only). */
export function matchesLogFilter(event: EventEnvelope, filter: LogFilter): boolean {
  return (
    event.position > filter.after &&
    (filter.type === undefined || event.type === filter.type) &&
    (filter.streamId === undefined || event.streamId === filter.streamId)
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
