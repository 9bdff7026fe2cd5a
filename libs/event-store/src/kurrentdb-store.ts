import type { AllStreamSubscription, KurrentDBClient, ReadPosition, ReadRevision } from '@kurrent/kurrentdb-client';
import type { EventEnvelope, LogHead, NewEvent } from './envelope.js';
import { IdempotencyConflictError, StoreNotEmptyError, WrongExpectedRevisionError } from './errors.js';
import {
  commitBytes,
  commitRequests,
  headAfter,
  importBatches,
  parseHeadRecord,
  type CommitPlan,
  type StreamAppend,
} from './kurrentdb-commit.js';
import {
  createPositionMap,
  fromEngineEvent,
  fromStreamState,
  idempotencyEvent,
  idempotencyOutcome,
  kurrentNames,
  matchesLogFilter,
  parseIdempotency,
  parseIndexEntry,
  parseKurrentUrl,
  repeatedEventId,
  toStreamState,
  type EnginePosition,
  type KurrentNames,
  type PositionMap,
  type RecordedEngineEvent,
} from './kurrentdb-mapping.js';
import { appendFailure, serverVersionProblem } from './kurrentdb-server.js';
import type { AppendResult, EventStore, IdempotencyClaim, IdempotencyRecord, ReadAllOptions, RestoredIdempotency } from './port.js';
import { countFiltered, readFiltered, type PageReader } from './log-filter.js';
import { sealEntries } from './seal.js';
import { checkAppendArguments, checkAppendManyArguments, checkFilter, checkImport, checkReadAllArguments, oneStream } from './store-checks.js';
import { createWatchers } from './watchers.js';

type Kurrent = typeof import('@kurrent/kurrentdb-client');

/** The calls this adapter makes: KurrentDBClient has them, and so does a model of the server. */
export type KurrentClient = Pick<KurrentDBClient, 'multiStreamAppend' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'>;

export interface KurrentStoreOptions {
  /** Engine streams become `NS/cso-c1` (and `jalon-head-NS`…): several logs on one server. */
  namespace?: string;
  /** Appends that lose the race for the head stream are retried this often (default 50). */
  maxAttempts?: number;
  /** The server's MaxAppendSize, in bytes (default 1 MiB, the server's default). */
  maxAppendBytes?: number;
  /** A commit whose outcome the server left unknown (timeout, dropped duplicate) is resent this often (default 5). */
  unknownOutcomeAttempts?: number;
}

/** Events per `$all` page when filtering by type, which the engine cannot do with a stream filter. */
const TYPE_SCAN_PAGE = 100;

/**
 * A KurrentDB event store (`kurrentdb://…`, `esdb://…`), for KurrentDB 25.1 and later.
 *
 * Each append is ONE atomic multi-stream write (kurrentdb-commit.ts): the entity events, an index
 * record per event id, the idempotency key record and the head record, whose expected revision
 * serialises writers so positions are gap-free and hashes chain. The decision before it (the key,
 * the entity stream's revision, the head to chain from) is read from the leader: a follower may
 * lag, and a stale head would only lose the race, but a stale key or revision would give a wrong answer.
 *
 * A write whose outcome is unknown (a timeout: the server drops a duplicate of a write still in
 * flight, and a write the client gave up on may still land) is settled by reading the head record
 * that follows the one it built on: ours means committed; another means ours can never land (its
 * expected revision is gone); none means resend the very same commit, which lands at most once.
 */
export async function openKurrentStore(url: string, options: KurrentStoreOptions = {}): Promise<EventStore> {
  const location = parseKurrentUrl(url);
  // Loaded on first use, so that processes on other stores never load the gRPC client.
  const kurrent: Kurrent = await import('@kurrent/kurrentdb-client');
  const client = kurrent.KurrentDBClient.connectionString(location.connectionString);
  try {
    return await openKurrentStoreWithClient(client, { ...options, namespace: options.namespace ?? location.namespace });
  } catch (error) {
    await client.dispose();
    throw error;
  }
}

/** The store over a client made elsewhere (a test double, a client with custom settings). It
 *  disposes of the client on close(); a refused server leaves it to the caller. */
export async function openKurrentStoreWithClient(client: KurrentClient, options: KurrentStoreOptions = {}): Promise<EventStore> {
  const kurrent: Kurrent = await import('@kurrent/kurrentdb-client');
  await checkServerVersion(client);
  const names = kurrentNames(options.namespace);
  const engine = createEngine(kurrent, client, names);
  return createKurrentStore(kurrent, client, engine, names, {
    maxAttempts: options.maxAttempts ?? 50,
    maxAppendBytes: options.maxAppendBytes ?? 1024 * 1024,
    unknownOutcomeAttempts: options.unknownOutcomeAttempts ?? 5,
  });
}

async function checkServerVersion(client: KurrentClient): Promise<void> {
  let reported: string | undefined;
  try {
    // The client learns the version from the server's features at its first call; it keeps it behind
    // a protected getter, the only place it is reported.
    reported = (await (client as unknown as { capabilities: Promise<{ serverVersion?: string }> }).capabilities).serverVersion;
  } catch (error) {
    throw new Error(`cannot reach KurrentDB to learn its version: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const problem = serverVersionProblem(reported);
  if (problem) throw new Error(problem);
}

interface Limits {
  maxAttempts: number;
  maxAppendBytes: number;
  unknownOutcomeAttempts: number;
}

function createKurrentStore(kurrent: Kurrent, client: KurrentClient, engine: Engine, names: KurrentNames, limits: Limits): EventStore {
  const positions = createPositionMap();
  const live = createLiveWatch(kurrent, client, names);
  const running = new Set<Promise<unknown>>();
  let closed = false;
  // Every call is counted while it runs, so close() disposes of the client only once none is left.
  const guard = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => (...args: A): Promise<R> => {
    if (closed) return Promise.reject(new Error('the KurrentDB store is closed'));
    const promise = call(...args);
    running.add(promise);
    void promise.finally(() => running.delete(promise)).catch(() => undefined);
    return promise;
  };

  const appendMany = async (entries: Array<NewEvent & Pick<EventEnvelope, 'streamId'>>, options: AppendOptions): Promise<AppendResult> => {
    const result = await appendWithRetries(engine, names, limits, entries, options);
    if (!result.replayed) live.watchers.notify();
    return result;
  };

  const readStream = async (streamId: string): Promise<EventEnvelope[]> => {
    const name = names.entity(streamId);
    return name ? (await engine.read(name, kurrent.START)).map((e) => fromEngineEvent(e, names)) : [];
  };

  // The log browser's filters apply in memory to the log (or, for one stream, to that stream:
  // its events are in position order too, and reading it beats scanning `$all`).
  const pagesOf = async (streamId: string | undefined): Promise<PageReader> => {
    if (streamId === undefined) return (after, limit) => readLog(kurrent, engine, names, positions, { after, limit });
    const events = await readStream(streamId);
    return async (after, limit) => events.filter((e) => e.position > after).slice(0, limit);
  };

  return {
    append: guard(async (streamId, events, options) => {
      checkAppendArguments(events, options.expectedRevision);
      const { entries, expectedRevisions } = oneStream(streamId, events, options.expectedRevision);
      return appendMany(entries, { expectedRevisions, idempotency: options.idempotency });
    }),
    appendMany: guard(async (entries, options) => {
      checkAppendManyArguments(entries, options.expectedRevisions);
      return appendMany(entries, options);
    }),
    readStream: guard(readStream),
    readAll: guard(async (readOptions) => {
      checkReadAllArguments(readOptions.after, readOptions.limit, readOptions);
      if (readOptions.limit === 0) return [];
      // A plain page of the log (a type at most) reads `$all` in pages sized to the request.
      if (isPlainPage(readOptions)) return readLog(kurrent, engine, names, positions, readOptions);
      return readFiltered(await pagesOf(readOptions.streamId), readOptions);
    }),
    countAll: guard(async (filter) => {
      checkFilter(filter);
      return countFiltered(await pagesOf(filter.streamId), filter);
    }),
    findEvent: guard(async (eventId) => {
      const entry = await engine.last(names.eventIndex(eventId));
      if (!entry) return undefined;
      const { streamId, revision } = parseIndexEntry(entry);
      const [found] = await engine.read(names.entity(streamId) ?? '', BigInt(revision), 1);
      const event = found && fromEngineEvent(found, names);
      return event?.eventId === eventId ? event : undefined;
    }),
    findIdempotency: guard(async (scope, key) => engine.idempotency(scope, key)),
    head: guard(async () => (await engine.tip()).head),
    importLog: guard(async (events, idempotency = []) => {
      if ((await engine.tip()).revision !== -1) throw new StoreNotEmptyError();
      checkImport(events);
      await importAll(engine, names, limits, events);
      await restoreKeys(engine, names, idempotency);
      if (events.length > 0) live.watchers.notify();
    }),
    // A closed store has nothing more to tell.
    watch: (listener) => (closed ? () => undefined : live.add(listener)),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([...running]);
      await live.close();
      await client.dispose();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Appending

type Decision = { kind: 'replay'; result: AppendResult } | { kind: 'commit'; plan: CommitPlan };

interface AppendOptions {
  expectedRevisions: Readonly<Record<string, number>>;
  idempotency?: IdempotencyClaim;
}

/** Everything an append decides, read from the leader just before its one write. */
async function decide(
  engine: Engine,
  names: KurrentNames,
  entries: Array<NewEvent & Pick<EventEnvelope, 'streamId'>>,
  options: AppendOptions,
  refusedStream: string | undefined,
): Promise<Decision> {
  const tip = await engine.tip();
  const claim = options.idempotency;
  const outcome = idempotencyOutcome(claim, claim && (await engine.idempotency(claim.scope, claim.key)));
  if (outcome.kind === 'replay') return outcome;
  if (outcome.kind === 'conflict') throw new IdempotencyConflictError(claim?.key ?? '');
  const expected = Object.entries(options.expectedRevisions);
  const last = await Promise.all(expected.map(([streamId]) => engine.last(names.entity(streamId) as string)));
  const current = new Map<string, number>();
  for (const [index, [streamId, revision]] of expected.entries()) {
    const actual = fromStreamState(last[index]?.revision);
    if (actual !== revision) throw new WrongExpectedRevisionError(streamId, revision, actual);
    current.set(streamId, actual);
  }
  // An index stream is written once, with the event it names: one that refused us holds that id.
  const taken = entries.find((e) => names.eventIndex(e.eventId) === refusedStream);
  if (taken) throw new RangeError(`event id ${taken.eventId} is already in the log`);
  const sealed = sealEntries(tip.head, entries, current);
  return { kind: 'commit', plan: { events: sealed, ...(claim ? { idempotency: claim } : {}), headRevision: tip.revision } };
}

async function appendWithRetries(
  engine: Engine,
  names: KurrentNames,
  limits: Limits,
  entries: Array<NewEvent & Pick<EventEnvelope, 'streamId'>>,
  options: AppendOptions,
): Promise<AppendResult> {
  for (const streamId of Object.keys(options.expectedRevisions)) {
    if (!names.entity(streamId)) throw new RangeError(`stream ${streamId} is outside the log (${names.logPrefixes.join(', ')})`);
  }
  const events: NewEvent[] = entries;
  const repeated = repeatedEventId(events);
  if (repeated !== undefined) throw new RangeError(`event id ${repeated} appears twice in one append`);
  let refused: string | undefined;
  for (let attempt = 1; attempt <= limits.maxAttempts; attempt++) {
    const decision = await decide(engine, names, entries, options, refused);
    if (decision.kind === 'replay') return decision.result;
    const outcome = await commit(engine, names, limits, decision.plan);
    if (outcome.kind === 'committed') {
      return { eventIds: events.map((e) => e.eventId), position: headAfter(decision.plan.events).position, replayed: false };
    }
    // Lost the head to another writer: back off. Refused elsewhere: the next decision says why.
    refused = outcome.stream;
    if (outcome.stream === names.head) await pause(attempt);
  }
  throw new Error(`append to ${Object.keys(options.expectedRevisions).join(', ')} lost the race for the log head ${limits.maxAttempts} times; try again`);
}

type CommitOutcome = { kind: 'committed' } | { kind: 'refused'; stream: string };

/** Writes a commit once, settling an unknown outcome (see openKurrentStore) before answering. */
async function commit(engine: Engine, names: KurrentNames, limits: Limits, plan: CommitPlan): Promise<CommitOutcome> {
  const requests = commitRequests(plan, names);
  const bytes = commitBytes(requests);
  if (bytes > limits.maxAppendBytes) {
    throw new RangeError(`this append needs about ${bytes} bytes, over the server's append limit of ${limits.maxAppendBytes}`);
  }
  const ours = headAfter(plan.events).hash;
  for (let sent = 1; ; sent++) {
    const outcome = await engine.write(requests);
    if (outcome.kind === 'committed' || (outcome.kind === 'refused' && sent === 1)) return outcome;
    // Unknown, or refused after a resend (whose first copy may have landed meanwhile).
    const next = await engine.headAt(plan.headRevision + 1);
    if (next) return next.hash === ours ? { kind: 'committed' } : { kind: 'refused', stream: names.head };
    if (outcome.kind === 'refused') return outcome;
    if (sent >= limits.unknownOutcomeAttempts) {
      throw new Error(
        `KurrentDB did not confirm the append at log position ${headAfter(plan.events).position} after ${sent} attempts ` +
          `(${outcome.error}); it may still be committed: read the stream, or retry with the same idempotency key`,
      );
    }
  }
}

async function importAll(engine: Engine, names: KurrentNames, limits: Limits, events: EventEnvelope[]): Promise<void> {
  // Each batch is atomic, the import is not: a crash midway leaves a verifiable prefix of the export.
  // The first batch expects no head stream, which is what refuses an import racing an append.
  for (const [index, batch] of importBatches(events, names, limits.maxAppendBytes).entries()) {
    const outcome = await commit(engine, names, limits, { events: batch, headRevision: index - 1 });
    if (outcome.kind === 'committed') continue;
    if (index === 0) throw new StoreNotEmptyError();
    throw new Error(`another writer appended during the import, after ${batch[0].position - 1} events (${outcome.stream})`);
  }
}

/**
 * The idempotency records an import restores, after its events: each key stream is written once
 * (NO_STREAM), so a record already there (an import resumed after a crash) is left as it is.
 */
async function restoreKeys(engine: Engine, names: KurrentNames, records: RestoredIdempotency[]): Promise<void> {
  const KEYS_PER_WRITE = 200;
  for (let start = 0; start < records.length; start += KEYS_PER_WRITE) {
    const requests = records.slice(start, start + KEYS_PER_WRITE).map((r) => ({
      streamName: names.idempotency(r.scope, r.key),
      expectedState: toStreamState(-1),
      events: [idempotencyEvent(r, r.eventIds, r.position)],
    }));
    const outcome = await engine.write(requests);
    if (outcome.kind === 'unknown') throw new Error(`KurrentDB did not confirm the restored idempotency keys (${outcome.error})`);
  }
}

/** Only position, limit and types: what `readLog` pages through `$all` itself. */
function isPlainPage(options: ReadAllOptions): boolean {
  const { after: _after, limit: _limit, types, ...rest } = options;
  return (types === undefined || types.length === 1) && Object.values(rest).every((v) => v === undefined || v === 'asc');
}

/** Losers of the head race back off a little, at random, so they do not collide again in step. */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 5 * attempt)));

// ---------------------------------------------------------------------------------------------
// Reading the log: `$all` filtered to our streams, in pages sized to the request. A commit sits in
// `$all` whole, but grouped by stream (commitRequests): events are handed out in position order,
// each once every position before it has been read.

type ReadEvent = { event: EventEnvelope; at: EnginePosition };

/** Pages of the log in position order (one type at most: the log browser's filters come on top, log-filter.ts). */
async function readLog(
  kurrent: Kurrent,
  engine: Engine,
  names: KurrentNames,
  positions: PositionMap,
  options: { after: number; limit: number; types?: readonly string[] },
): Promise<EventEnvelope[]> {
  const known = positions.startFor(options.after);
  let from: ReadPosition = known === 'start' ? kurrent.START : known.engine;
  // A read from a known place starts AT it: the events up to `after` there are the caller's.
  let skip = Math.max(0, known === 'start' ? options.after : options.after - known.position + 1);
  const read = new Map<number, ReadEvent>();
  const page: EventEnvelope[] = [];
  let next = options.after + 1;
  let lastAt: EnginePosition | undefined;
  for (;;) {
    const wanted = options.limit - page.length;
    const maxCount = skip + (options.types === undefined ? wanted : Math.max(wanted, TYPE_SCAN_PAGE));
    const batch = await engine.readLog(from, maxCount);
    for (const { event: recorded, position: at } of batch) {
      const event = fromEngineEvent(recorded, names);
      if (event.position > options.after) read.set(event.position, { event, at });
      lastAt = at;
    }
    for (let found = read.get(next); found && page.length < options.limit; found = read.get(next)) {
      if (matchesLogFilter(found.event, { after: options.after, type: options.types?.[0] })) page.push(found.event);
      next += 1;
    }
    if (page.length >= options.limit || batch.length < maxCount || lastAt === undefined) break;
    from = lastAt;
    skip = 1;
  }
  rememberResumePoint(positions, read, next - 1, lastAt);
  return page;
}

/**
 * Where a later read for events after `handedOut` may start: at the earliest `$all` place of what
 * this read saw beyond it, or where it stopped. Anything beyond `handedOut` that it did not see
 * lies further on in `$all`, since commits never overlap there.
 */
function rememberResumePoint(positions: PositionMap, read: Map<number, ReadEvent>, handedOut: number, lastAt: EnginePosition | undefined): void {
  let resume = lastAt;
  for (const [position, { at }] of read) {
    if (position > handedOut && resume && (at.commit < resume.commit || (at.commit === resume.commit && at.prepare < resume.prepare))) resume = at;
  }
  if (resume && handedOut > 0) positions.remember(handedOut, resume);
}

// ---------------------------------------------------------------------------------------------
// The engine calls, one small function each. Every read goes to the leader and is read to its end:
// the client's reads run in a native bridge that has no way to stop a read left early.

type WriteOutcome = CommitOutcome | { kind: 'unknown'; error: string };

interface Engine {
  /** A stream's records from `from` on (at most `count`), oldest first; none for a missing stream. */
  read(stream: string, from: ReadRevision, count?: number): Promise<RecordedEngineEvent[]>;
  last(stream: string): Promise<RecordedEngineEvent | undefined>;
  /** The head stream's last record: its revision (-1: none yet) and the log head it gives. */
  tip(): Promise<{ revision: number; head: LogHead }>;
  /** The log head the head stream's record at `revision` gives, if that record exists. */
  headAt(revision: number): Promise<LogHead | undefined>;
  idempotency(scope: string, key: string): Promise<IdempotencyRecord | undefined>;
  write(requests: StreamAppend[]): Promise<WriteOutcome>;
  readLog(from: ReadPosition, maxCount: number): Promise<Array<{ event: RecordedEngineEvent; position: EnginePosition }>>;
}

const describe = (error: unknown): string =>
  [(error as { type?: string }).type, error instanceof Error ? error.message : String(error)].filter(Boolean).join(': ');

async function drain<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of iterable) all.push(item);
  return all;
}

function createEngine(kurrent: Kurrent, client: KurrentClient, names: KurrentNames): Engine {
  const readRange = async (stream: string, from: ReadRevision, count: number | undefined, backwards: boolean) => {
    const direction = backwards ? kurrent.BACKWARDS : kurrent.FORWARDS;
    try {
      const resolved = await drain(client.readStream(stream, { fromRevision: from, maxCount: count, direction, requiresLeader: true }));
      return resolved.flatMap((r) => (r.event ? [r.event as RecordedEngineEvent] : []));
    } catch (error) {
      if (error instanceof kurrent.StreamNotFoundError) return [];
      throw error;
    }
  };
  const last = async (stream: string) => (await readRange(stream, kurrent.END, 1, true))[0];

  return {
    read: (stream, from, count) => readRange(stream, from, count, false),
    last,
    async tip() {
      const record = await last(names.head);
      return record ? { revision: Number(record.revision), head: parseHeadRecord(record) } : { revision: -1, head: headAfter(undefined) };
    },
    async headAt(revision) {
      const [record] = await readRange(names.head, BigInt(revision), 1, false);
      return record && record.revision === BigInt(revision) ? parseHeadRecord(record) : undefined;
    },
    async idempotency(scope, key) {
      const record = await last(names.idempotency(scope, key));
      return record && parseIdempotency(record);
    },
    async write(requests) {
      try {
        await client.multiStreamAppend(requests.map((r) => ({ ...r, events: r.events.map((e) => kurrent.jsonEvent(e)) })));
        return { kind: 'committed' };
      } catch (error) {
        const failure = appendFailure(error);
        if (failure === 'conflict') return { kind: 'refused', stream: (error as { streamName?: string }).streamName ?? '' };
        if (failure === 'unknown') return { kind: 'unknown', error: describe(error) };
        if (failure === 'too-large') throw new RangeError(`the server refused this append as too large: ${String(error)}`, { cause: error });
        throw error;
      }
    },
    async readLog(from, maxCount) {
      const filter = kurrent.streamNameFilter({ prefixes: names.logPrefixes });
      const resolved = await drain(client.readAll({ fromPosition: from, maxCount, filter, requiresLeader: true }));
      return resolved.flatMap((r) =>
        r.event?.position ? [{ event: r.event as RecordedEngineEvent, position: r.event.position }] : [],
      );
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Watching: a `$all` subscription filtered to our streams, open while someone listens.

function createLiveWatch(kurrent: Kurrent, client: KurrentClient, names: KurrentNames) {
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
