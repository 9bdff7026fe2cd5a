import { createHash } from 'node:crypto';
import type { EventEnvelope, EventMetadata, LogHead, NewEvent } from './envelope.js';
import { envelopeShapeProblem } from './envelope-shape.js';
import { StoreUrlError } from './errors.js';
import type { AppendResult, IdempotencyClaim, IdempotencyRecord } from './port.js';

// The mapping between our log model and KurrentDB's, as pure functions, so that everything but the
// network calls is unit-tested on machines where no server runs (kurrentdb-store.ts holds the I/O,
// kurrentdb-commit.ts what one atomic append writes).
//
// How our model sits on the engine:
// - each of our streams is an engine stream of the same name (`cso-c1`), or `NS/cso-c1` when a
//   namespace is given (tests share one server that way, each store seeing only its own log);
// - each event's engine metadata carries what the engine cannot number our way: our position (1-based,
//   gap-free over our events only), our revision, stream id, event id and hash, and our metadata;
// - `jalon-head` holds one small record per commit (the log head after it), and its expected revision
//   is the global lock;
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
/** The engine metadata key that holds our envelope fields, as one JSON string: multi-stream appends
 *  take metadata as string values only, and the server hands them back with keys of its own added. */
export const METADATA_KEY = 'jalon';
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

/** What an event's engine metadata says of it: the envelope minus type and data. */
export interface EngineMetadata {
  eventId: string;
  streamId: string;
  revision: number;
  position: number;
  hash: string;
  metadata: EventMetadata;
}

/** What multiStreamAppend takes (the client's EventData for JSON). Metadata values are strings. */
export interface EngineEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata?: Record<string, string>;
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
  const engineMetadata: EngineMetadata = { eventId, streamId, revision, position, hash, metadata };
  return { id: engineEventId(eventId), type, data, metadata: { [METADATA_KEY]: JSON.stringify(engineMetadata) } };
}

function readEngineMetadata(metadata: unknown): Partial<EngineMetadata> | undefined {
  const encoded = typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>)[METADATA_KEY] : undefined;
  if (typeof encoded !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(encoded);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<EngineMetadata>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An engine event of the log back as our envelope. The engine's stream and revision must agree with
 * what the event says of itself (they are hashed): anything else was not written by this adapter.
 */
export function fromEngineEvent(recorded: RecordedEngineEvent, names: KurrentNames): EventEnvelope {
  const where = `event ${recorded.revision} of engine stream ${recorded.streamId}`;
  const meta = readEngineMetadata(recorded.metadata);
  if (!meta) throw new Error(`${where} was not written by jalon (no jalon metadata)`);
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
// Idempotency and the event index

/** The key record of an append that claims `claim`, answering later requests with `result`. */
export function idempotencyEvent(claim: IdempotencyClaim, eventIds: string[], position: number): EngineEvent {
  const record: IdempotencyRecord & { scope: string; key: string } = {
    scope: claim.scope,
    key: claim.key,
    fingerprint: claim.fingerprint,
    eventIds,
    position,
  };
  return { id: deterministicUuid('idempotency', claim.scope, claim.key), type: IDEMPOTENCY_EVENT_TYPE, data: { ...record } };
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

/** One index record per event: where its id lives. */
export function indexEvent({ eventId, streamId, revision, position }: EventEnvelope): EngineEvent {
  return {
    id: deterministicUuid('index', eventId),
    type: INDEX_EVENT_TYPE,
    data: { eventId, streamId, revision, position },
  };
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
  /** The latest remembered event at or before `after` (our position and its `$all` one), or 'start'. */
  startFor(after: number): { position: number; engine: EnginePosition } | 'start';
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
      return best === undefined ? 'start' : { position: best, engine: known.get(best) as EnginePosition };
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
