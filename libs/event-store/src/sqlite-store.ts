import Database from 'better-sqlite3';
import type { EventEnvelope, LogHead, NewEvent } from './envelope.js';
import { GENESIS_HASH } from './envelope.js';
import {
  IdempotencyConflictError,
  StoreNotEmptyError,
  WrongExpectedRevisionError,
} from './errors.js';
import { checkAppendArguments, checkAppendManyArguments, checkFilter, checkImport, checkReadAllArguments, oneStream } from './store-checks.js';
import type { LogFilter } from './log-filter.js';
import { countQuery, readAllQuery } from './sqlite-filter.js';
import type { AppendResult, EventStore, IdempotencyClaim, IdempotencyRecord, ReadAllOptions, RestoredIdempotency } from './port.js';
import { bulkLoad, prepareDatabase, prepareStatements, withLargeCache, type Statements } from './sqlite-schema.js';
import { envelopeToRow, rawRowToEnvelope, rowToEnvelope, type RawEventRow } from './sqlite-rows.js';
import { sealEntries } from './seal.js';
import { createWatchers } from './watchers.js';
import { attempt, createGroupCommit, type Outcome } from './group-commit.js';

export interface SqliteEventStore extends EventStore {
  /** The database file as given (`:memory:` too). */
  readonly path: string;
}

interface AppendOptions {
  expectedRevisions: Readonly<Record<string, number>>;
  idempotency?: IdempotencyClaim;
}

interface GroupMember extends AppendOptions {
  entries: Array<NewEvent & Pick<EventEnvelope, 'streamId'>>;
}

/**
 * Opens (creating on first use) an SQLite event store: WAL, synchronous=FULL so an acknowledged
 * append survives a crash, one writer at a time through IMMEDIATE transactions, so several
 * connections or processes may share the file.
 *
 * Group commit: the commit's fsync blocks this thread, and the requests read meanwhile queue
 * their appends; the next commit (started by setImmediate, once those requests have been read)
 * takes them all in one IMMEDIATE transaction and one fsync. Each runs in its own savepoint
 * (better-sqlite3 nests transactions that way) exactly as it would alone, so it reads the head,
 * revisions and keys the earlier members left, and its refusal rolls back only its own rows.
 * No member is answered before the whole transaction has committed.
 */
export async function openSqliteStore(path: string): Promise<SqliteEventStore> {
  const db = openDatabase(path);
  const st = prepareStatements(db);
  const watchers = createWatchers(() => st.dataVersion.get() as number);
  const appendTx = db.transaction((entries: Array<NewEvent & Pick<EventEnvelope, 'streamId'>>, options: AppendOptions) => appendRows(st, entries, options));
  const group = sqliteGroupCommit(db, appendTx, watchers.notify);
  const importTx = db.transaction((events: EventEnvelope[], keys: RestoredIdempotency[]) => importRows(db, st, events, keys));

  return {
    path,
    async append(streamId, events, options) {
      checkAppendArguments(events, options.expectedRevision);
      const { entries, expectedRevisions } = oneStream(streamId, events, options.expectedRevision);
      return group.submit({ entries, expectedRevisions, idempotency: options.idempotency });
    },
    async appendMany(entries, options) {
      checkAppendManyArguments(entries, options.expectedRevisions);
      return group.submit({ entries, ...options });
    },
    readStream: async (streamId) => st.readStream.all(streamId).map(rowToEnvelope),
    readAll: async (options) => readAll(st, options),
    countAll: async (filter) => countAll(st, filter),
    async findEvent(eventId) {
      const row = st.findEvent.get(eventId);
      return row && rowToEnvelope(row);
    },
    findIdempotency: async (scope, key) => findIdempotency(st, scope, key),
    head: async () => readHead(st),
    async importLog(events, idempotency = []) {
      if (readHead(st).position !== 0) throw new StoreNotEmptyError();
      checkImport(events);
      withLargeCache(db, () => importTx.immediate(events, idempotency));
      if (events.length > 0) watchers.notify();
    },
    watch: (listener) => watchers.add(listener),
    async close() {
      watchers.close();
      if (db.open) db.close();
    },
  };
}

function openDatabase(path: string): Database.Database {
  const db = new Database(path);
  try {
    prepareDatabase(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

type AppendTx = Database.Transaction<(entries: GroupMember['entries'], options: AppendOptions) => AppendResult>;

/** Commits each group in one IMMEDIATE transaction, each member in a savepoint of it. */
function sqliteGroupCommit(db: Database.Database, appendTx: AppendTx, notify: () => void) {
  const groupTx = db.transaction((members: GroupMember[]) => members.map((m) => inSavepoint(db, () => appendTx(m.entries, m))));
  return createGroupCommit<GroupMember, AppendResult>(
    (members) => {
      // A lone append needs no savepoint: its refusal rolls back its own transaction.
      const lone = members.length === 1 ? members[0] : undefined;
      const outcomes = lone ? [attempt(() => appendTx.immediate(lone.entries, lone))] : groupTx.immediate(members);
      if (outcomes.some((o) => o.ok && !o.value.replayed)) notify();
      return outcomes;
    },
    { defer: setImmediate },
  );
}

/**
 * One member of a group, in a savepoint of the group's transaction. SQLite rolls the whole
 * transaction back on some errors (disk full, I/O): then no member stands, and the group fails as
 * one, rather than letting the next members run (and commit) outside it.
 */
function inSavepoint(db: Database.Database, work: () => AppendResult): Outcome<AppendResult> {
  const outcome = attempt(work);
  if (!db.inTransaction) throw outcome.ok ? new Error('the group transaction ended early') : outcome.error;
  return outcome;
}

/** Runs inside the IMMEDIATE transaction: no other writer can move the head meanwhile. */
function appendRows(st: Statements, entries: Array<NewEvent & Pick<EventEnvelope, 'streamId'>>, options: AppendOptions): AppendResult {
  const claim = options.idempotency;
  const earlier = claim && findIdempotency(st, claim.scope, claim.key);
  if (claim && earlier) {
    if (earlier.fingerprint !== claim.fingerprint) throw new IdempotencyConflictError(claim.key);
    return { eventIds: earlier.eventIds, position: earlier.position, replayed: true };
  }
  const revisions = new Map<string, number>();
  for (const [streamId, expected] of Object.entries(options.expectedRevisions)) {
    const actual = st.streamRevision.get(streamId) ?? -1;
    if (actual !== expected) throw new WrongExpectedRevisionError(streamId, expected, actual);
    revisions.set(streamId, actual);
  }
  const sealed = sealEntries(readHead(st), entries, revisions);
  for (const event of sealed) st.insertEvent.run(envelopeToRow(event));
  const previous = sealed[sealed.length - 1];
  const eventIds = entries.map((event) => event.eventId);
  if (claim) {
    const { scope, key, fingerprint } = claim;
    const record = { scope, key, fingerprint, event_ids: JSON.stringify(eventIds), position: previous.position };
    st.insertIdempotency.run(record);
  }
  return { eventIds, position: previous.position, replayed: false };
}

function readHead(st: Statements): LogHead {
  return st.head.get() ?? { position: 0, hash: GENESIS_HASH };
}

function findIdempotency(st: Statements, scope: string, key: string): IdempotencyRecord | undefined {
  const row = st.findIdempotency.get(scope, key);
  if (!row) return undefined;
  return { fingerprint: row.fingerprint, eventIds: JSON.parse(row.event_ids) as string[], position: row.position };
}

function readAll(st: Statements, options: ReadAllOptions): EventEnvelope[] {
  checkReadAllArguments(options.after, options.limit, options);
  const { sql, params } = readAllQuery(options);
  // Raw rows: only readAll runs these statements (countAll's SQL differs), so the mode is theirs.
  return (st.filtered(sql).raw(true).all(params) as RawEventRow[]).map(rawRowToEnvelope);
}

function countAll(st: Statements, filter: LogFilter): number {
  checkFilter(filter);
  const { sql, params } = countQuery(filter);
  return (st.filtered(sql).get(params) as { count: number }).count;
}

/** Runs inside the IMMEDIATE transaction; the emptiness check is repeated there to be atomic. */
function importRows(db: Database.Database, st: Statements, events: EventEnvelope[], keys: RestoredIdempotency[]): void {
  if (readHead(st).position !== 0) throw new StoreNotEmptyError();
  // checkImport has verified what the insert guard checks: the guard is set aside for the load.
  bulkLoad(db, () => {
    for (const e of events)
      st.insertRaw.run(e.position, e.eventId, e.type, e.streamId, e.revision, JSON.stringify(e.data), JSON.stringify(e.metadata), e.hash);
  });
  for (const { scope, key, fingerprint, eventIds, position } of keys)
    st.insertIdempotency.run({ scope, key, fingerprint, event_ids: JSON.stringify(eventIds), position });
}
