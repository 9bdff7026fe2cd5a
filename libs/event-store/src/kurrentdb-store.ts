import type { AllStreamSubscription, KurrentDBClient, ReadPosition, ReadRevision } from '@kurrent/kurrentdb-client';
import type { EventEnvelope, LogHead, NewEvent } from './envelope.js';
import { IdempotencyConflictError, StoreNotEmptyError, WrongExpectedRevisionError } from './errors.js';
import {
  commitEvent,
  createPositionMap,
  entityStateFor,
  entityWriteOutcome,
  fromEngineEvent,
  fromStreamState,
  headAfter,
  idempotencyEvent,
  idempotencyOutcome,
  importCommits,
  indexEvents,
  kurrentNames,
  matchesLogFilter,
  parseCommit,
  parseIdempotency,
  parseIndexEntry,
  parseKurrentUrl,
  repeatedEventId,
  sealEvents,
  toEngineEvent,
  toStreamState,
  type CommitRecord,
  type EngineEvent,
  type EngineStreamState,
  type KurrentNames,
  type RecordedEngineEvent,
} from './kurrentdb-mapping.js';
import type { AppendResult, EventStore, IdempotencyClaim, IdempotencyRecord, ReadAllOptions } from './port.js';
import { checkAppendArguments, checkImport, checkReadAllArguments } from './store-checks.js';
import { createWatchers } from './watchers.js';

type Kurrent = typeof import('@kurrent/kurrentdb-client');

export interface KurrentStoreOptions {
  /** Engine streams become `NS/cso-c1` (and `jalon-head-NS`…): several logs on one server. */
  namespace?: string;
  /** Appends that lose the race for the head stream are retried this often (default 50). */
  maxAttempts?: number;
}

/** Commit records kept in the head stream: only the last one is ever needed. */
const HEAD_MAX_COUNT = 100;
/** Events per `$all` read while paging the log. */
const READ_BATCH = 500;

/**
 * A KurrentDB / EventStoreDB event store (`kurrentdb://…`, `esdb://…`).
 *
 * The engine has one atomic write: an append to ONE stream (multi-stream appends exist only from
 * KurrentDB 25.1, and not in EventStoreDB). Our append must at once check the entity stream's
 * revision, take the next gap-free positions and chain hashes, claim the idempotency key and refuse
 * an event id already in the log. So an append is a commit protocol on the head stream:
 *
 * 1. read the last commit record of `jalon-head` and *complete* it (below): then every earlier
 *    commit is completed too, since each was made only after completing its predecessor;
 * 2. with all commits visible, check the idempotency key, the entity stream's revision and the
 *    event ids, and seal the events after the last commit's head (positions, revisions, hashes);
 * 3. append the commit record (the sealed events and the key) to `jalon-head` with expected
 *    revision = the record read in 1. This write is the commit point and the global lock: a writer
 *    that lost the race gets a wrong expected version and starts again at 1 (where it may now find
 *    a WrongExpectedRevisionError or its key replayed);
 * 4. complete it: write the events to their entity stream (expected revision = ours - 1, engine
 *    event ids derived from ours), then one index record per event id, then the key record.
 *    Every write of 4 is idempotent, so the author and any helper may both run it.
 *
 * Failure modes. A crash (or timeout) after 3 leaves a commit that is not yet readable: readAll,
 * readStream, head and findEvent do not see it (so no reader sees a gap), and the next append, from
 * any process, or the next open, completes it before deciding anything; the caller who saw the
 * failure and retries with the same idempotency key is then answered by the replay. A crash before 3
 * wrote nothing. Entity writes happen in commit order, so `$all` holds our events in position order.
 * An entity stream written by someone else than this adapter makes completion fail loudly, and
 * readAll refuses events without our metadata: integrity, not availability, wins.
 */
export async function openKurrentStore(url: string, options: KurrentStoreOptions = {}): Promise<EventStore> {
  const location = parseKurrentUrl(url);
  const names = kurrentNames(options.namespace ?? location.namespace);
  // Loaded on first use, so that processes on other stores never load the gRPC client.
  const kurrent: Kurrent = await import('@kurrent/kurrentdb-client');
  const client = kurrent.KurrentDBClient.connectionString(location.connectionString);
  const engine = createEngine(kurrent, client, names);
  try {
    await engine.settle();
  } catch (error) {
    await client.dispose();
    throw error;
  }
  return createKurrentStore(kurrent, client, engine, names, options.maxAttempts ?? 50);
}

function createKurrentStore(
  kurrent: Kurrent,
  client: KurrentDBClient,
  engine: Engine,
  names: KurrentNames,
  maxAttempts: number,
): EventStore {
  const positions = createPositionMap();
  const live = createLiveWatch(kurrent, client, names);
  let closed = false;

  const readStream = async (streamId: string): Promise<EventEnvelope[]> => {
    const name = names.entity(streamId);
    return name ? (await engine.readRange(name, kurrent.START, undefined)).map((e) => fromEngineEvent(e, names)) : [];
  };

  return {
    async append(streamId, events, options) {
      checkAppendArguments(events, options.expectedRevision);
      const result = await appendWithRetries(engine, names, streamId, events, options, maxAttempts);
      if (!result.replayed) live.watchers.notify();
      return result;
    },
    async appendMany() {
      // Sheets need one commit across streams; the head-record protocol writes one stream a commit.
      throw new Error('the KurrentDB store cannot append to several streams at once yet');
    },
    readStream,
    async readAll(readOptions) {
      checkReadAllArguments(readOptions.after, readOptions.limit);
      if (readOptions.limit === 0) return [];
      if (readOptions.streamId === undefined) return readLog(kurrent, client, names, positions, readOptions);
      // A stream's events are in position order too: reading it beats scanning `$all`.
      const events = await readStream(readOptions.streamId);
      return events.filter((e) => matchesLogFilter(e, readOptions)).slice(0, readOptions.limit);
    },
    async findEvent(eventId) {
      const entry = await engine.last(names.eventIndex(eventId));
      if (!entry) return undefined;
      const { streamId, revision } = parseIndexEntry(entry);
      const [found] = await engine.readRange(names.entity(streamId) ?? '', BigInt(revision), 1);
      const event = found && fromEngineEvent(found, names);
      return event?.eventId === eventId ? event : undefined;
    },
    findIdempotency: async (scope, key) => engine.idempotency(scope, key),
    head: async () => engine.logHead(),
    async importLog(events) {
      if ((await engine.tip()).revision !== -1 || (await engine.logHead()).position !== 0) throw new StoreNotEmptyError();
      checkImport(events);
      await importAll(engine, events);
      if (events.length > 0) live.watchers.notify();
    },
    watch: (listener) => live.add(listener),
    async close() {
      if (closed) return;
      closed = true;
      await live.close();
      await client.dispose();
    },
  };
}

/** `$all` filtered to our streams, from the nearest known place, mapped and filtered by position. */
async function readLog(
  kurrent: Kurrent,
  client: KurrentDBClient,
  names: KurrentNames,
  positions: ReturnType<typeof createPositionMap>,
  options: ReadAllOptions,
): Promise<EventEnvelope[]> {
  const page: EventEnvelope[] = [];
  const filter = kurrent.streamNameFilter({ prefixes: names.logPrefixes });
  const known = positions.startFor(options.after);
  let from: ReadPosition = known === 'start' ? kurrent.START : known;
  let seen = options.after;
  for (;;) {
    let read = 0;
    let lastPosition: ReadPosition | undefined;
    for await (const resolved of client.readAll({ fromPosition: from, maxCount: READ_BATCH, filter })) {
      read += 1;
      const recorded = resolved.event;
      if (!recorded) continue;
      lastPosition = recorded.position;
      const event = fromEngineEvent(recorded, names);
      positions.remember(event.position, recorded.position);
      // A read resuming at a known place starts at or before it: skip what the caller has.
      if (event.position <= seen) continue;
      seen = event.position;
      if (matchesLogFilter(event, options)) page.push(event);
      if (page.length >= options.limit) return page;
    }
    if (read < READ_BATCH || lastPosition === undefined) return page;
    from = lastPosition;
  }
}

async function appendWithRetries(
  engine: Engine,
  names: KurrentNames,
  streamId: string,
  events: NewEvent[],
  options: { expectedRevision: number; idempotency?: IdempotencyClaim },
  maxAttempts: number,
): Promise<AppendResult> {
  const entity = names.entity(streamId);
  if (!entity) throw new RangeError(`stream ${streamId} is outside the log (${names.logPrefixes.join(', ')})`);
  const repeated = repeatedEventId(events);
  if (repeated !== undefined) throw new RangeError(`event id ${repeated} appears twice in one append`);
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const tip = await engine.tip();
    if (tip.commit) await engine.complete(tip.commit);
    const outcome = idempotencyOutcome(options.idempotency, options.idempotency && (await engine.idempotency(options.idempotency.scope, options.idempotency.key)));
    if (outcome.kind === 'replay') return outcome.result;
    if (outcome.kind === 'conflict') throw new IdempotencyConflictError(options.idempotency?.key ?? '');
    const actual = fromStreamState((await engine.last(entity))?.revision);
    if (actual !== options.expectedRevision) throw new WrongExpectedRevisionError(streamId, options.expectedRevision, actual);
    for (const { eventId } of events) {
      if (await engine.last(names.eventIndex(eventId))) throw new RangeError(`event id ${eventId} is already in the log`);
    }
    const sealed = sealEvents(headAfter(tip.commit), streamId, actual + 1, events);
    const commit: CommitRecord = options.idempotency ? { events: sealed, idempotency: options.idempotency } : { events: sealed };
    if (!(await engine.commit(commit, tip.revision))) {
      await pause(attempt);
      continue;
    }
    await engine.complete(commit);
    return { eventIds: events.map((e) => e.eventId), position: headAfter(commit).position, replayed: false };
  }
  throw new Error(`append to ${streamId} lost the race for the log head ${maxAttempts} times; try again`);
}

async function importAll(engine: Engine, events: EventEnvelope[]): Promise<void> {
  // Not atomic: each commit is. The first one expects no head stream, which is what refuses an
  // import racing an append; a crash midway leaves a verifiable prefix of the export.
  for (const [index, commit] of importCommits(events).entries()) {
    if (!(await engine.commit(commit, index - 1))) {
      if (index === 0) throw new StoreNotEmptyError();
      throw new Error(`another writer appended during the import, after ${commit.events[0].position - 1} events`);
    }
    await engine.complete(commit);
  }
}

/** Losers of the head race back off a little, at random, so they do not collide again in step. */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 5 * attempt)));

// ---------------------------------------------------------------------------------------------
// The engine calls, one small function each.

interface Engine {
  /** The last commit record and its revision in the head stream (-1: none yet). */
  tip(): Promise<{ revision: number; commit?: CommitRecord }>;
  /** Appends the commit record after `tipRevision`; false when another commit came first. */
  commit(commit: CommitRecord, tipRevision: number): Promise<boolean>;
  /** Makes a committed record readable: entity events, index entries, key record. Idempotent. */
  complete(commit: CommitRecord): Promise<void>;
  /** Completes the last commit, if a writer died before doing so. */
  settle(): Promise<void>;
  last(stream: string): Promise<RecordedEngineEvent | undefined>;
  readRange(stream: string, from: ReadRevision, count: number | undefined): Promise<RecordedEngineEvent[]>;
  idempotency(scope: string, key: string): Promise<IdempotencyRecord | undefined>;
  logHead(): Promise<LogHead>;
}

function createEngine(kurrent: Kurrent, client: KurrentDBClient, names: KurrentNames): Engine {
  const isWrongVersion = (error: unknown) => error instanceof kurrent.WrongExpectedVersionError;
  const isNotFound = (error: unknown) => error instanceof kurrent.StreamNotFoundError;
  const toData = (event: EngineEvent) => kurrent.jsonEvent(event);

  /** Appends; false on a wrong expected version, which the caller interprets. */
  const write = async (stream: string, events: EngineEvent[], streamState: EngineStreamState): Promise<boolean> => {
    try {
      await client.appendToStream(stream, events.map(toData), { streamState });
      return true;
    } catch (error) {
      if (isWrongVersion(error)) return false;
      throw error;
    }
  };

  const readRange = async (stream: string, from: ReadRevision, count: number | undefined, backwards = false) => {
    const found: RecordedEngineEvent[] = [];
    try {
      const direction = backwards ? kurrent.BACKWARDS : kurrent.FORWARDS;
      for await (const resolved of client.readStream(stream, { fromRevision: from, maxCount: count, direction })) {
        if (resolved.event) found.push(resolved.event as RecordedEngineEvent);
      }
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    return found;
  };
  const last = async (stream: string) => (await readRange(stream, kurrent.END, 1, true))[0];

  const tip = async () => {
    const record = await last(names.head);
    return record ? { revision: Number(record.revision), commit: parseCommit(record) } : { revision: -1 };
  };

  const complete = async (commit: CommitRecord) => {
    const entity = names.entity(commit.events[0].streamId) as string;
    if (!(await write(entity, commit.events.map(toEngineEvent), entityStateFor(commit)))) {
      const from = BigInt(commit.events[0].revision);
      const found = (await readRange(entity, from, commit.events.length)).map((e) => fromEngineEvent(e, names).eventId);
      if (entityWriteOutcome(commit, found) === 'foreign') {
        throw new Error(`stream ${entity} was written outside jalon at revision ${from}: the log cannot go on`);
      }
    }
    // Index and key records are written once (NO_STREAM); a wrong version means already written.
    for (const { eventId, event } of indexEvents(commit)) await write(names.eventIndex(eventId), [event], toStreamState(-1));
    const claim = idempotencyEvent(commit);
    if (claim && commit.idempotency) {
      await write(names.idempotency(commit.idempotency.scope, commit.idempotency.key), [claim], toStreamState(-1));
    }
  };

  const commit = async (record: CommitRecord, tipRevision: number) => {
    const written = await write(names.head, [commitEvent(record)], toStreamState(tipRevision));
    // The head stream needs only its last record; the engine may scavenge the rest.
    if (written && tipRevision === -1) await client.setStreamMetadata(names.head, { maxCount: HEAD_MAX_COUNT });
    return written;
  };

  const logHead = async (): Promise<LogHead> => {
    const filter = kurrent.streamNameFilter({ prefixes: names.logPrefixes });
    for await (const resolved of client.readAll({ fromPosition: kurrent.END, direction: kurrent.BACKWARDS, maxCount: 1, filter })) {
      if (resolved.event) {
        const event = fromEngineEvent(resolved.event, names);
        return { position: event.position, hash: event.hash };
      }
    }
    return headAfter(undefined);
  };

  return {
    tip,
    commit,
    complete,
    settle: async () => {
      const current = await tip();
      if (current.commit) await complete(current.commit);
    },
    last,
    readRange: (stream, from, count) => readRange(stream, from, count),
    async idempotency(scope, key) {
      const record = await last(names.idempotency(scope, key));
      return record && parseIdempotency(record);
    },
    logHead,
  };
}

// ---------------------------------------------------------------------------------------------
// Watching: a `$all` subscription filtered to our streams, open while someone listens.

function createLiveWatch(kurrent: Kurrent, client: KurrentDBClient, names: KurrentNames) {
  let changes = 0;
  const watchers = createWatchers(() => changes, 50);
  let subscription: AllStreamSubscription | undefined;
  let listening = 0;

  const start = () => {
    const filter = kurrent.streamNameFilter({ prefixes: names.logPrefixes });
    subscription = client.subscribeToAll({ fromPosition: kurrent.END, filter });
    subscription.on('data', () => (changes += 1));
    // A dropped subscription leaves own appends told and readers polling as before.
    subscription.on('error', (error) => process.emitWarning(`KurrentDB watch subscription failed: ${String(error)}`));
  };
  const stop = async () => {
    const current = subscription;
    subscription = undefined;
    await current?.unsubscribe().catch(() => undefined);
  };

  return {
    watchers,
    add(listener: () => void): () => void {
      if (listening++ === 0) start();
      const remove = watchers.add(listener);
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        remove();
        if (--listening === 0) void stop();
      };
    },
    async close() {
      watchers.close();
      listening = 0;
      await stop();
    },
  };
}
