import type { EventEnvelope, LogHead, NewEvent } from './envelope.js';
import type { LogFilter, LogOrder } from './log-filter.js';

/** DI token for the EventStore port (used by the NestJS shell with `@Inject(EVENT_STORE)`). */
export const EVENT_STORE = Symbol('EVENT_STORE');

/** Revision of the stream's last event; -1 when the stream must not exist yet. */
export type ExpectedRevision = number;

/**
 * An idempotency key claimed by an append. `scope` is the user, `fingerprint` identifies the
 * request (method, path, canonical body). A second append with the same scope and key returns the
 * first result (same fingerprint) or fails with IdempotencyConflictError (other fingerprint).
 */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  fingerprint: string;
}

export interface IdempotencyRecord {
  fingerprint: string;
  eventIds: string[];
  position: number;
}

/** An idempotency record an import restores with the log it came from (scope = the recording user). */
export interface RestoredIdempotency extends IdempotencyClaim, IdempotencyRecord {}

export interface AppendResult {
  eventIds: string[];
  /** Log position of the last appended event. */
  position: number;
  /** True when an earlier append with the same idempotency key answered, and nothing was appended. */
  replayed: boolean;
}

/** Keyset paging on position: `after` and `before` bound the page, `order` picks its end. */
export interface ReadAllOptions extends LogFilter {
  /** Return events with position > after. */
  after: number;
  limit: number;
  /** 'asc' (default): the first `limit` matches by position; 'desc': the last, newest first. */
  order?: LogOrder;
}

export interface EventStore {
  /** Appends atomically, computing positions, revisions and the hash chain in one transaction. */
  append(
    streamId: string,
    events: NewEvent[],
    options: { expectedRevision: ExpectedRevision; idempotency?: IdempotencyClaim },
  ): Promise<AppendResult>;
  /**
   * Appends events to several streams in one transaction, in the order given (positions follow
   * it): each stream named must be at its expected revision, and every stream of `entries` must be
   * named, else nothing is written. `append` is its one-stream case.
   */
  appendMany(
    entries: Array<NewEvent & Pick<EventEnvelope, 'streamId'>>,
    options: { expectedRevisions: Readonly<Record<string, ExpectedRevision>>; idempotency?: IdempotencyClaim },
  ): Promise<AppendResult>;
  readStream(streamId: string): Promise<EventEnvelope[]>;
  /** Events in position order (or newest first), after `after`, at most `limit`, optionally filtered. */
  readAll(options: ReadAllOptions): Promise<EventEnvelope[]>;
  /** How many events match (the read audit counts an export's case events before sending it). */
  countAll(filter: LogFilter): Promise<number>;
  findEvent(eventId: string): Promise<EventEnvelope | undefined>;
  findIdempotency(scope: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** Position 0 and the genesis hash for an empty log. */
  head(): Promise<LogHead>;
  /**
   * Restores an exported log into an empty store, keeping every envelope as it is, with the
   * idempotency records its events imply (in the same transaction), so that a retry after a
   * restore replays. Refuses a non-empty store (StoreNotEmptyError) or a broken chain
   * (ChainBrokenError); writes nothing then.
   */
  importLog(events: EventEnvelope[], idempotency?: RestoredIdempotency[]): Promise<void>;
  /** Calls `listener` whenever new events may be readable (own appends and, where the engine
   *  can tell, other processes' appends). Returns the function that stops watching. */
  watch(listener: () => void): () => void;
  close(): Promise<void>;
}
