import { EventEmitter } from 'node:events';
import {
  BACKWARDS,
  END,
  START,
  DeadlineExceededError,
  StreamNotFoundError,
  TransactionMaxSizeExceededError,
  UnavailableError,
  WrongExpectedVersionError,
  type AppendStreamRequest,
  type MultiAppendResult,
  type Position,
} from '@kurrent/kurrentdb-client';

// A MODEL of a KurrentDB server as the client @kurrent/kurrentdb-client 1.3.1 presents it, for the
// calls the jalon adapter makes (multiStreamAppend, readStream, readAll, subscribeToAll, the version
// the client reads at connection, dispose). It is not the server: it reproduces the documented
// behaviours the adapter's protocol must survive, so that each is exercised in every test run:
// - the version the server reports (ServerFeatures), or none for servers before 21.10;
// - multi-stream appends (25.1+) are atomic: every expected state holds and all records are written,
//   or the first failing stream comes back as WrongExpectedVersionError and nothing is written;
//   a stream may appear once per append; metadata must be string values (checked by the client);
// - the server's MaxAppendSize (1 MiB by default) over data + properties + type of every record;
// - a duplicate of a write still in flight is dropped (the server answers it only once the original
//   is indexed), so the client times out (DeadlineExceededError); a duplicate of a committed write is
//   answered with the original result; a write whose reply is lost, or that lands after the client
//   gave up, is committed all the same (faults injected one per append);
// - reads go to a follower that lags `followerLag` commits behind unless `requiresLeader` is set;
// - reads run in a native bridge whose iterator has no `return()`: a read left early stays open.
// Records written through multiStreamAppend read back with their string properties as JSON metadata,
// plus keys the server adds (`$schema.name`, `$schema.format`).

export interface ServerModelOptions {
  /** What the server reports; undefined: a server without ServerFeatures. Default 25.1.0. */
  serverVersion?: string | undefined;
  /** The server's MaxAppendSize in bytes (default 1 MiB). */
  maxAppendSize?: number;
  /** How long the client waits for an append that gets no answer (the real default is 10 s). */
  deadlineMs?: number;
  /** Commits a follower lags behind the leader (default 2). */
  followerLag?: number;
  /** Refuse the connection (the server is down). */
  unreachable?: boolean;
}

/** What happens to the next append: `drop`: lost, never committed; `lose-reply`: committed, the reply
 *  lost; `late-commit`: still in flight when the client gives up, committed after. */
export type AppendFault = 'drop' | 'lose-reply' | 'late-commit';

interface StoredRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: string;
  properties: Record<string, string>;
  position: Position;
  commit: number;
}

type ReadCall = { kind: 'stream' | 'all'; stream?: string; maxCount: number; requiresLeader: boolean; direction: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const BRIDGE_BATCH = 32;

export class KurrentServerModel {
  readonly maxAppendSize: number;
  readonly deadlineMs: number;
  followerLag: number;
  /** Every read, in order, with its maxCount and whether it asked for the leader. */
  readonly reads: ReadCall[] = [];
  /** The size in bytes of every append the server accepted to consider. */
  readonly appendSizes: number[] = [];
  readonly faults: AppendFault[] = [];
  /** Bridge reads started and not read to their end. */
  openReads = 0;
  private readonly log: StoredRecord[] = [];
  private commits = 0;
  private readonly inFlight = new Set<string>();
  private readonly answered = new Map<string, MultiAppendResult>();
  private readonly subscribers = new Set<{ emitter: EventEmitter; prefixes: string[] }>();
  readonly clients: KurrentClientModel[] = [];

  constructor(readonly options: ServerModelOptions = {}) {
    this.maxAppendSize = options.maxAppendSize ?? 1024 * 1024;
    this.deadlineMs = options.deadlineMs ?? 30;
    this.followerLag = options.followerLag ?? 2;
  }

  /** A client connected to this server (several clients: several processes). */
  connect(): KurrentClientModel {
    const client = new KurrentClientModel(this);
    this.clients.push(client);
    return client;
  }

  /** The records one side of the cluster sees: the leader all, a follower all but the last commits. */
  view(requiresLeader: boolean): StoredRecord[] {
    if (requiresLeader) return this.log;
    const seen = this.commits - this.followerLag;
    return this.log.filter((r) => r.commit <= seen);
  }

  streamNames(): string[] {
    return [...new Set(this.log.map((r) => r.streamId))];
  }

  async append(requests: AppendStreamRequest[]): Promise<MultiAppendResult> {
    const names = requests.map((r) => r.streamName.toLowerCase());
    if (new Set(names).size !== names.length) throw new Error('a stream may appear once in an append session');
    const size = requests.reduce((sum, r) => sum + r.events.reduce((s, e) => s + recordSize(e), 0), 0);
    if (size > this.maxAppendSize) throw new TransactionMaxSizeExceededError(undefined, { size, maxSize: this.maxAppendSize });
    this.appendSizes.push(size);
    const key = requests.flatMap((r) => r.events.map((e) => `${r.streamName}/${e.id}`)).join(',');
    const earlier = this.answered.get(key);
    if (earlier) return earlier;
    // The original is not indexed yet: the duplicate is dropped and the client times out.
    if (this.inFlight.has(key)) return this.timeOut();
    const fault = this.faults.shift();
    if (fault === 'drop') return this.timeOut();
    if (fault === 'lose-reply') {
      this.commitIfPossible(key, requests);
      return this.timeOut();
    }
    if (fault === 'late-commit') {
      this.inFlight.add(key);
      setTimeout(() => {
        this.inFlight.delete(key);
        this.commitIfPossible(key, requests);
      }, this.deadlineMs * 3);
      return this.timeOut();
    }
    this.inFlight.add(key);
    await sleep(0);
    this.inFlight.delete(key);
    return this.commit(key, requests);
  }

  private async timeOut(): Promise<never> {
    await sleep(this.deadlineMs);
    throw new DeadlineExceededError();
  }

  private commitIfPossible(key: string, requests: AppendStreamRequest[]): void {
    try {
      this.commit(key, requests);
    } catch {
      // A late write that meets another's commit is refused, as it would be by the server.
    }
  }

  private lastRevision(stream: string): bigint | undefined {
    for (let i = this.log.length - 1; i >= 0; i--) if (this.log[i].streamId === stream) return this.log[i].revision;
    return undefined;
  }

  private commit(key: string, requests: AppendStreamRequest[]): MultiAppendResult {
    for (const { streamName, expectedState } of requests) {
      const current = this.lastRevision(streamName);
      const holds =
        expectedState === 'any' ||
        (expectedState === 'no_stream' && current === undefined) ||
        (expectedState === 'stream_exists' && current !== undefined) ||
        (typeof expectedState === 'bigint' && current === expectedState);
      if (!holds) {
        throw new WrongExpectedVersionError(undefined, { streamName, expected: expectedState, current: current ?? 'no_stream' });
      }
    }
    this.commits += 1;
    const responses = requests.map(({ streamName, events }) => {
      let revision = this.lastRevision(streamName) ?? -1n;
      for (const event of events) {
        revision += 1n;
        const at = BigInt(this.log.length + 1) * 100n;
        this.log.push({
          streamId: streamName,
          id: event.id,
          revision,
          type: event.type,
          data: JSON.stringify(event.data),
          properties: { ...(event.metadata as Record<string, string> | undefined) },
          position: { commit: at, prepare: at },
          commit: this.commits,
        });
      }
      return { streamName, revision };
    });
    const result = { position: BigInt(this.log.length) * 100n, responses };
    this.answered.set(key, result);
    this.tellSubscribers(requests.map((r) => r.streamName));
    return result;
  }

  private tellSubscribers(streams: string[]): void {
    for (const { emitter, prefixes } of this.subscribers) {
      for (const stream of streams) {
        if (prefixes.some((p) => stream.startsWith(p))) setImmediate(() => emitter.emit('data', { stream }));
      }
    }
  }

  subscribe(prefixes: string[]): EventEmitter & { unsubscribe(): Promise<void> } {
    const emitter = new EventEmitter() as EventEmitter & { unsubscribe(): Promise<void> };
    const entry = { emitter, prefixes };
    this.subscribers.add(entry);
    emitter.unsubscribe = async () => {
      this.subscribers.delete(entry);
    };
    return emitter;
  }

  /** A read as the bridge runs it: results in batches, open until its iterator reports done. */
  bridgeRead(call: ReadCall, select: () => StoredRecord[]): AsyncIterable<StoredRecord[]> {
    this.reads.push(call);
    const server = this;
    let pending: StoredRecord[] | undefined;
    return {
      [Symbol.asyncIterator]: () => ({
        async next(): Promise<IteratorResult<StoredRecord[]>> {
          if (pending === undefined) {
            pending = select();
            server.openReads += 1;
          }
          if (pending.length === 0) {
            server.openReads -= 1;
            pending = [];
            return { done: true, value: undefined };
          }
          return { done: false, value: pending.splice(0, BRIDGE_BATCH) };
        },
      }),
    };
  }
}

function recordSize(event: { type: string; data: unknown; metadata?: unknown }): number {
  const properties = Object.entries((event.metadata as Record<string, string> | undefined) ?? {});
  const propertyBytes = properties.reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v) + 4, 0);
  return Buffer.byteLength(JSON.stringify(event.data)) + propertyBytes + Buffer.byteLength(event.type);
}

function toResolved(record: StoredRecord) {
  return {
    event: {
      streamId: record.streamId,
      id: record.id,
      revision: record.revision,
      type: record.type,
      data: JSON.parse(record.data) as unknown,
      metadata: { ...record.properties, '$schema.name': record.type, '$schema.format': 'Json' },
      isJson: true,
      created: new Date(0),
      position: record.position,
    },
  };
}

interface ReadOptions {
  maxCount?: number | bigint;
  direction?: string;
  requiresLeader?: boolean;
}

/** The client side: what KurrentDBClient offers, over a KurrentServerModel. */
export class KurrentClientModel {
  disposed = false;

  constructor(readonly server: KurrentServerModel) {}

  /** The client reads this (a protected getter) from the server's features at its first call. */
  get capabilities(): Promise<{ serverVersion: string }> {
    if (this.server.options.unreachable) return Promise.reject(new UnavailableError(undefined, 'Unavailable: connection refused'));
    const reported = 'serverVersion' in this.server.options ? this.server.options.serverVersion : '25.1.0';
    return Promise.resolve({ serverVersion: reported ?? 'unknown' });
  }

  private checkOpen(): void {
    if (this.disposed) throw new Error('this client model was disposed: the adapter used it after close()');
  }

  async multiStreamAppend(requests: AppendStreamRequest[]): Promise<MultiAppendResult> {
    this.checkOpen();
    for (const { events } of requests) {
      for (const { metadata } of events) {
        if (metadata != null && Object.values(metadata as object).some((v) => typeof v !== 'string')) {
          throw new Error('multiStreamAppend requires metadata to be a plain object with string keys and string values.');
        }
      }
    }
    return this.server.append(requests);
  }

  readStream(stream: string, options: ReadOptions & { fromRevision?: bigint | typeof START | typeof END } = {}) {
    this.checkOpen();
    const { maxCount = Number.MAX_SAFE_INTEGER, direction = 'forwards', requiresLeader = false, fromRevision = START } = options;
    const count = Number(maxCount);
    const bridge = this.server.bridgeRead({ kind: 'stream', stream, maxCount: count, requiresLeader, direction }, () => {
      const records = this.server.view(requiresLeader).filter((r) => r.streamId === stream);
      if (records.length === 0) throw new StreamNotFoundError(undefined, stream);
      const ordered = direction === BACKWARDS ? [...records].reverse() : records;
      const from =
        fromRevision === START || fromRevision === END
          ? ordered
          : ordered.filter((r) => (direction === BACKWARDS ? r.revision <= fromRevision : r.revision >= fromRevision));
      return from.slice(0, count);
    });
    return convert(bridge);
  }

  readAll(options: ReadOptions & { fromPosition?: Position | typeof START | typeof END; filter?: { prefixes?: string[] } } = {}) {
    this.checkOpen();
    const { maxCount = Number.MAX_SAFE_INTEGER, direction = 'forwards', requiresLeader = false, fromPosition = START, filter } = options;
    const count = Number(maxCount);
    const bridge = this.server.bridgeRead({ kind: 'all', maxCount: count, requiresLeader, direction }, () => {
      const matching = this.server.view(requiresLeader).filter((r) => !filter?.prefixes || filter.prefixes.some((p) => r.streamId.startsWith(p)));
      const ordered = direction === BACKWARDS ? [...matching].reverse() : matching;
      const from =
        typeof fromPosition === 'object'
          ? ordered.filter((r) => (direction === BACKWARDS ? r.position.commit <= fromPosition.commit : r.position.commit >= fromPosition.commit))
          : ordered;
      return from.slice(0, count);
    });
    return convert(bridge);
  }

  subscribeToAll(options: { filter?: { prefixes?: string[] } } = {}) {
    this.checkOpen();
    return this.server.subscribe(options.filter?.prefixes ?? ['']);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }
}

/** The client's own wrapper around a bridge read: an async generator over its batches. */
async function* convert(bridge: AsyncIterable<StoredRecord[]>) {
  for await (const batch of bridge) for (const record of batch) yield toResolved(record);
}
