import type pg from 'pg';
import type { EventEnvelope, LogHead } from './envelope.js';
import { GENESIS_HASH } from './envelope.js';
import { StoreNotEmptyError } from './errors.js';
import type { AppendResult, EventStore, IdempotencyRecord, ReadAllOptions, RestoredIdempotency } from './port.js';
import type { LogFilter } from './log-filter.js';
import { countQuery, prepareSchema, readAllQuery, SQL, type PgEventRow, type PgIdempotencyRow } from './postgres-schema.js';
import { inPgTransaction } from './postgres-transaction.js';
import { createPgWatchers } from './postgres-watch.js';
import type { EventRow } from './sqlite-schema.js';
import { envelopeToRow, rowToEnvelope } from './sqlite-rows.js';
import { sealEntries } from './seal.js';
import { createGroupCommit, type Outcome } from './group-commit.js';
import { planGroup, type GroupMember } from './group-plan.js';
import { checkAppendArguments, checkAppendManyArguments, checkFilter, checkImport, checkReadAllArguments, oneStream } from './store-checks.js';

export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** How often a watched store polls the head, in case a notification was lost (default 1000). */
  pollIntervalMs?: number;
}


/** A pool or one of its clients (inside a transaction). */
type Db = pg.Pool | pg.PoolClient;

/** Rows per INSERT when importing a long log. */
const IMPORT_BATCH = 2000;

/**
 * Opens a PostgreSQL event store (`postgres://…`), creating the schema on first use.
 *
 * The global-position gap: with a sequence, a transaction that took position N may commit after
 * one that took N+1, and a reader that saw N+1 moves its checkpoint past N for good. Marten copes
 * with a high-water mark that its async daemon advances only over gap-free ranges (skipping a gap
 * after a timeout); Emmett stores each event's transaction id and reads only below the oldest
 * transaction still running. Both keep writers concurrent at the cost of a smarter reader. Here
 * every append and import takes one advisory transaction lock before reading the head, so positions
 * are assigned and committed strictly in order and a plain `position > checkpoint` read never skips.
 * One writer at a time would cap throughput at one commit (a few milliseconds) per append, so
 * appends group-commit: those that arrive while a transaction is in flight share the next one
 * (see appendGroup). The insert trigger of postgres-schema.ts makes the order hold even for
 * writers that bypass the lock.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<EventStore> {
  // Loaded on first use, so that SQLite-only processes never load the driver.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, allowExitOnIdle: true });
  // An idle connection that the server drops emits here; the pool replaces it on next use.
  pool.on('error', () => undefined);
  try {
    await prepareSchema(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const newClient = () => new pg.Client({ connectionString: url });
  const watchers = createPgWatchers(pool, newClient, options.pollIntervalMs ?? 1000);
  let closed = false;
  // Appends that come while a group's transaction is in flight wait and form the next group.
  const group = createGroupCommit<GroupMember, AppendResult>(
    async (members) => {
      const outcomes = await commitGroup(pool, members);
      if (outcomes.some((o) => o.ok && !o.value.replayed)) watchers.notify();
      return outcomes;
    },
    { defer: queueMicrotask },
  );

  return {
    async append(streamId, events, appendOptions) {
      checkAppendArguments(events, appendOptions.expectedRevision);
      const { entries, expectedRevisions } = oneStream(streamId, events, appendOptions.expectedRevision);
      return group.submit({ entries, expectedRevisions, idempotency: appendOptions.idempotency });
    },
    async appendMany(entries, appendOptions) {
      checkAppendManyArguments(entries, appendOptions.expectedRevisions);
      return group.submit({ entries, ...appendOptions });
    },
    readStream: async (streamId) => readEvents(pool, SQL.readStream, [streamId]),
    readAll: async (readOptions) => readAll(pool, readOptions),
    countAll: async (filter) => countAll(pool, filter),
    findEvent: async (eventId) => (await readEvents(pool, SQL.findEvent, [eventId]))[0],
    findIdempotency: async (scope, key) => findIdempotency(pool, scope, key),
    head: async () => readHead(pool),
    async importLog(events, idempotency = []) {
      if ((await readHead(pool)).position !== 0) throw new StoreNotEmptyError();
      checkImport(events);
      await inPgTransaction(pool, (tx) => importRows(tx, events, idempotency));
      if (events.length > 0) watchers.notify();
    },
    watch: (listener) => watchers.add(listener),
    async close() {
      if (closed) return;
      closed = true;
      await watchers.close();
      await pool.end();
    },
  };
}

/**
 * One transaction for a whole group, in four round trips (the log lock rides with BEGIN, see
 * commitGroup; COMMIT is the fourth). The log lock comes first, so that the
 * head, the revisions and the keys read next are those the previous append committed (READ
 * COMMITTED takes each statement's snapshot when it starts); then each member is decided in order
 * (group-plan.ts) and the accepted ones' events and keys go in with one statement.
 */
async function appendGroup(tx: pg.PoolClient, members: GroupMember[]): Promise<Outcome<AppendResult>[]> {
  const streams = [...new Set(members.flatMap((m) => Object.keys(m.expectedRevisions)))];
  const keys = members.flatMap((m) => (m.idempotency ? [m.idempotency] : []));
  const { rows } = await tx.query<GroupReadRow>(SQL.groupRead, [streams, keys.map((k) => k.scope), keys.map((k) => k.key)]);
  const { head, revisions, claims } = rows[0];
  const stored = new Map((claims ?? []).map((c) => [JSON.stringify([c.scope, c.key]), c]));
  const plan = planGroup(head ?? { position: 0, hash: GENESIS_HASH }, members, {
    revision: (streamId) => revisions?.[streamId] ?? -1,
    claim: (scope, key) => stored.get(JSON.stringify([scope, key])),
  });
  if (plan.sealed.length > 0) await tx.query(SQL.groupWrite, groupWriteParams(plan.sealed, plan.claims));
  return plan.outcomes;
}

interface GroupReadRow {
  head: LogHead | null;
  revisions: Record<string, number> | null;
  claims: Array<RestoredIdempotency> | null;
}

/** Column arrays for SQL.groupWrite (event_ids travel as JSON text: unnest cannot take ragged arrays). */
function groupWriteParams(sealed: EventEnvelope[], claims: RestoredIdempotency[]): unknown[] {
  const rows = sealed.map(envelopeToRow);
  const column = <K extends keyof EventRow>(key: K) => rows.map((row) => row[key]);
  const claim = <T>(pick: (c: RestoredIdempotency) => T) => claims.map(pick);
  return [
    ...(['position', 'event_id', 'type', 'stream_id', 'revision', 'data', 'metadata', 'hash'] as const).map(column),
    claim((c) => c.scope),
    claim((c) => c.key),
    claim((c) => c.fingerprint),
    claim((c) => JSON.stringify(c.eventIds)),
    claim((c) => c.position),
    String(sealed[sealed.length - 1].position),
  ];
}

/**
 * A group that the server refused as a whole (one member's event id already in the log fails the
 * shared INSERT) is run again member by member, so that one member's fault is its own. A lost
 * connection fails every member: the COMMIT may have gone through unheard, and running them again
 * could append twice what was committed once.
 */
async function commitGroup(pool: pg.Pool, members: GroupMember[]): Promise<Outcome<AppendResult>[]> {
  try {
    return await inPgTransaction(pool, (tx) => appendGroup(tx, members), `BEGIN; ${SQL.lockLog}`);
  } catch (error) {
    if (members.length === 1 || !refusedByServer(error)) return members.map(() => ({ ok: false, error }));
  }
  const outcomes: Outcome<AppendResult>[] = [];
  for (const member of members) outcomes.push(...(await commitGroup(pool, [member])));
  return outcomes;
}

/** An SQL error the server answered (so the transaction rolled back), not a lost connection or shutdown. */
function refusedByServer(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^(08|57P)/.test(code);
}

/** Runs inside the import's transaction; the emptiness check is repeated under the lock. */
async function importRows(tx: pg.PoolClient, events: EventEnvelope[], keys: RestoredIdempotency[]): Promise<void> {
  await tx.query(SQL.lockLog);
  if ((await readHead(tx)).position !== 0) throw new StoreNotEmptyError();
  for (let start = 0; start < events.length; start += IMPORT_BATCH) {
    await insertRows(tx, events.slice(start, start + IMPORT_BATCH).map(envelopeToRow));
  }
  for (let start = 0; start < keys.length; start += IMPORT_BATCH) {
    const batch = keys.slice(start, start + IMPORT_BATCH);
    // event_ids travel as JSON text: unnest cannot take an array of arrays of different lengths.
    await tx.query(SQL.insertIdempotencies, [
      batch.map((k) => k.scope),
      batch.map((k) => k.key),
      batch.map((k) => k.fingerprint),
      batch.map((k) => JSON.stringify(k.eventIds)),
      batch.map((k) => k.position),
    ]);
  }
  if (events.length > 0) await tx.query(SQL.notify, [String(events.length)]);
}

/** One INSERT for all rows, column by column (see SQL.insertEvents). */
async function insertRows(tx: pg.PoolClient, rows: EventRow[]): Promise<void> {
  const column = <K extends keyof EventRow>(key: K) => rows.map((row) => row[key]);
  await tx.query(SQL.insertEvents, [
    column('position'),
    column('event_id'),
    column('type'),
    column('stream_id'),
    column('revision'),
    column('data'),
    column('metadata'),
    column('hash'),
  ]);
}

async function readHead(db: Db): Promise<LogHead> {
  const { rows } = await db.query<{ position: string; hash: string }>(SQL.head);
  return rows[0] ? { position: Number(rows[0].position), hash: rows[0].hash } : { position: 0, hash: GENESIS_HASH };
}

async function findIdempotency(db: Db, scope: string, key: string): Promise<IdempotencyRecord | undefined> {
  const { rows } = await db.query<PgIdempotencyRow>(SQL.findIdempotency, [scope, key]);
  const row = rows[0];
  return row && { fingerprint: row.fingerprint, eventIds: row.event_ids, position: Number(row.position) };
}

async function readAll(db: Db, options: ReadAllOptions): Promise<EventEnvelope[]> {
  checkReadAllArguments(options.after, options.limit, options);
  const { sql, params } = readAllQuery(options);
  return readEvents(db, sql, params);
}

async function countAll(db: Db, filter: LogFilter): Promise<number> {
  checkFilter(filter);
  const { sql, params } = countQuery(filter);
  const { rows } = await db.query<{ count: string }>(sql, params);
  return Number(rows[0].count);
}

/** BIGINT positions come from pg as strings; the rest is the SQLite adapter's row mapping. */
async function readEvents(db: Db, sql: string, params: unknown[]): Promise<EventEnvelope[]> {
  const { rows } = await db.query<PgEventRow>(sql, params);
  return rows.map((row) => rowToEnvelope({ ...row, position: Number(row.position) }));
}
