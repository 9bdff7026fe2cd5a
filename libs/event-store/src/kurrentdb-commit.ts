import type { EventEnvelope, LogHead } from './envelope.js';
import { GENESIS_HASH } from './envelope.js';
import {
  COMMIT_EVENT_TYPE,
  deterministicUuid,
  idempotencyEvent,
  indexEvent,
  toEngineEvent,
  toStreamState,
  type EngineEvent,
  type EngineStreamState,
  type KurrentNames,
  type RecordedEngineEvent,
} from './kurrentdb-mapping.js';
import type { IdempotencyClaim } from './port.js';

// What one commit writes, as pure functions. Every append (and every slice of an import) is ONE
// multi-stream append (KurrentDB 25.1+), atomic on the server: the entity events, one index record
// per event id (NO_STREAM: an id already in the log refuses the whole commit), the idempotency key
// record (NO_STREAM: a key claimed meanwhile refuses it) and the head record, whose expected revision
// makes every writer build on the last commit. Nothing of a commit is visible unless all of it is.

/** The server's default limit on the bytes of one append (`MaxAppendSize`, 1 MiB). */
export const DEFAULT_MAX_APPEND_BYTES = 1024 * 1024;

export interface CommitPlan {
  /** Sealed events, in position order; each stream's events form one run. */
  events: EventEnvelope[];
  idempotency?: IdempotencyClaim;
  /** The head stream's revision this commit follows (-1: the first commit). */
  headRevision: number;
}

/** One stream's part of a multi-stream append (the client's AppendStreamRequest). */
export interface StreamAppend {
  streamName: string;
  expectedState: EngineStreamState;
  events: EngineEvent[];
}

/** What the head record says: the log head once its commit is readable. */
export interface HeadRecordData {
  position: number;
  hash: string;
  events: number;
}

/** The log head once `events` (sealed, in order) are in the log; genesis before any. */
export function headAfter(events: EventEnvelope[] | undefined): LogHead {
  const last = events?.[events.length - 1];
  return last ? { position: last.position, hash: last.hash } : { position: 0, hash: GENESIS_HASH };
}

export function headRecord(events: EventEnvelope[]): EngineEvent {
  const head = headAfter(events);
  const data: HeadRecordData = { position: head.position, hash: head.hash, events: events.length };
  // The id is a function of the commit, so a resent commit is the same write to the engine.
  return { id: deterministicUuid('commit', head.hash), type: COMMIT_EVENT_TYPE, data: { ...data } };
}

export function parseHeadRecord(recorded: RecordedEngineEvent): LogHead {
  const data = recorded.data as Partial<HeadRecordData> | undefined;
  if (
    recorded.type !== COMMIT_EVENT_TYPE ||
    !Number.isSafeInteger(data?.position) ||
    typeof data?.hash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(data.hash)
  ) {
    throw new Error(`record ${recorded.revision} of ${recorded.streamId} is not a jalon head record`);
  }
  return { position: data.position as number, hash: data.hash };
}

/** A commit's events grouped by stream, streams in order of first appearance. */
function byStream(events: EventEnvelope[]): EventEnvelope[][] {
  const groups = new Map<string, EventEnvelope[]>();
  for (const event of events) groups.set(event.streamId, [...(groups.get(event.streamId) ?? []), event]);
  return [...groups.values()];
}

/**
 * The requests of one commit: entity streams first, then index records, key and head. The server
 * takes each stream once per append (names compared without case) and writes its events together,
 * so events of streams interleaved in the commit sit in `$all` grouped by stream, in position order
 * within each stream; readers put a commit back in position order (kurrentdb-store.ts, readLog).
 */
export function commitRequests(plan: CommitPlan, names: KurrentNames): StreamAppend[] {
  const entities = byStream(plan.events).map((run): StreamAppend => {
    const streamName = names.entity(run[0].streamId);
    if (!streamName) throw new RangeError(`stream ${run[0].streamId} is outside the log`);
    return { streamName, expectedState: toStreamState(run[0].revision - 1), events: run.map(toEngineEvent) };
  });
  if (new Set(entities.map((e) => e.streamName.toLowerCase())).size !== entities.length) {
    throw new RangeError('KurrentDB compares stream names without case: one append cannot write two streams differing only by case');
  }
  const index = plan.events.map(
    (event): StreamAppend => ({ streamName: names.eventIndex(event.eventId), expectedState: toStreamState(-1), events: [indexEvent(event)] }),
  );
  const claim = plan.idempotency;
  const key: StreamAppend[] = claim
    ? [
        {
          streamName: names.idempotency(claim.scope, claim.key),
          expectedState: toStreamState(-1),
          events: [idempotencyEvent(claim, plan.events.map((e) => e.eventId), headAfter(plan.events).position)],
        },
      ]
    : [];
  const head: StreamAppend = { streamName: names.head, expectedState: toStreamState(plan.headRevision), events: [headRecord(plan.events)] };
  return [...entities, ...index, ...key, head];
}

// ---------------------------------------------------------------------------------------------
// Sizes: the server refuses an append whose records add up to more than its MaxAppendSize.

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * An upper bound of what the server counts for one record: its data, its properties (a protobuf
 * Struct: each field costs its key, its value and a few bytes of framing) and its type name.
 */
export function recordBytes(event: EngineEvent): number {
  const properties = Object.entries(event.metadata ?? {}).reduce((sum, [key, value]) => sum + utf8(key) + utf8(value) + 16, 0);
  return utf8(JSON.stringify(event.data)) + properties + utf8(event.type);
}

export function commitBytes(requests: StreamAppend[]): number {
  return requests.reduce((sum, request) => sum + request.events.reduce((s, e) => s + recordBytes(e), 0), 0);
}

/** What an event adds to a commit: itself and its index record. */
function eventBytes(event: EventEnvelope, names: KurrentNames): number {
  return recordBytes(toEngineEvent(event)) + recordBytes(indexEvent(event)) + utf8(names.eventIndex(event.eventId));
}

/** Room kept for the head record (and framing) in every commit. */
const HEAD_ALLOWANCE = 512;

/**
 * Cuts a verified export into commits of at most `maxBytes` each, in order (each commit writes
 * every stream it touches once: see commitRequests). An event too big for any commit is refused.
 */
export function importBatches(events: EventEnvelope[], names: KurrentNames, maxBytes = DEFAULT_MAX_APPEND_BYTES): EventEnvelope[][] {
  const batches: EventEnvelope[][] = [];
  let current: EventEnvelope[] = [];
  let bytes = HEAD_ALLOWANCE;
  for (const event of events) {
    const size = eventBytes(event, names);
    if (size + HEAD_ALLOWANCE > maxBytes) {
      throw new RangeError(`event ${event.position} (${size} bytes) exceeds the server's append limit of ${maxBytes} bytes`);
    }
    if (current.length > 0 && bytes + size > maxBytes) {
      batches.push(current);
      current = [];
      bytes = HEAD_ALLOWANCE;
    }
    current.push(event);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
