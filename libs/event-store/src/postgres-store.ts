import type pg from 'pg';
import type { EventEnvelope, LogHead, NewEvent } from './envelope.js';
import { GENESIS_HASH } from './envelope.js';
import { IdempotencyConflictError, StoreNotEmptyError, WrongExpectedRevisionError } from './errors.js';
import type { AppendResult, EventStore, IdempotencyClaim, IdempotencyRecord, ReadAllOptions, RestoredIdempotency } from './port.js';
import type { LogFilter } from './log-filter.js';
import { countQuery, prepareSchema, readAllQuery, SQL, type PgEventRow, type PgIdempotencyRow } from './postgres-schema.js';
import { inPgTransaction } from './postgres-transaction.js';
import { createPgWatchers } from './postgres-watch.js';
import type { EventRow } from './sqlite-schema.js';
import { envelopeToRow, rowToEnvelope } from './sqlite-rows.js';
import { sealEntries } from './seal.js';
import { checkAppendArguments, checkAppendManyArguments, checkFilter, checkImport, checkReadAllArguments, oneStream } from './store-checks.js';

export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** How often a watched store polls the head, in case a notification was lost (default 1000). */
  pollIntervalMs?: number;
}

interface AppendOptions {
  expectedRevisions: Readonly<Record<string, number>>;
  idempotency?: IdempotencyClaim;
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
 * Throughput is that of one writer at a time (a few milliseconds per append), ample for a
 * monitoring product's human-paced commands; the insert trigger of postgres-schema.ts makes the
 * order hold even for writers that bypass the lock.
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

  return {
    async append(streamId, events, appendOptions) {
      checkAppendArguments(events, appendOptions.expectedRevision);
      const { entries, expectedRevisions } = oneStream(streamId, events, appendOptions.expectedRevision);
      const options = { expectedRevisions, idempotency: appendOptions.idempotency };
      const result = await inPgTransaction(pool, (tx) => appendRows(tx, entries, options));
      if (!result.replayed) watchers.notify();
      return result;
    },
    async appendMany(entries, appendOptions) {
      checkAppendManyArguments(entries, appendOptions.expectedRevisions);
      const result = await inPgTransaction(pool, (tx) => appendRows(tx, entries, appendOptions));
      if (!result.replayed) watchers.notify();
      return result;
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
 * Runs inside the append's transaction. The log lock comes first, so the head, the stream's
 * revision and the idempotency key are all read after the previous append committed.
 */
async function appendRows(
  tx: pg.PoolClient,
  entries: Array<NewEvent & Pick<EventEnvelope, 'streamId'>>,
  options: AppendOptions,
): Promise<AppendResult> {
  await tx.query(SQL.lockLog);
  const claim = options.idempotency;
  const earlier = claim && (await findIdempotency(tx, claim.scope, claim.key));
  if (claim && earlier) {
    if (earlier.fingerprint !== claim.fingerprint) throw new IdempotencyConflictError(claim.key);
    return { eventIds: earlier.eventIds, position: earlier.position, replayed: true };
  }
  const revisions = new Map<string, number>();
  for (const [streamId, expected] of Object.entries(options.expectedRevisions)) {
    const actual = await streamRevision(tx, streamId);
    if (actual !== expected) throw new WrongExpectedRevisionError(streamId, expected, actual);
    revisions.set(streamId, actual);
  }
  const sealed = sealEntries(await readHead(tx), entries, revisions);
  await insertRows(tx, sealed.map(envelopeToRow));
  const previous = sealed[sealed.length - 1];
  const eventIds = entries.map((event) => event.eventId);
  if (claim) {
    await tx.query(SQL.insertIdempotency, [claim.scope, claim.key, claim.fingerprint, eventIds, previous.position]);
  }
  await tx.query(SQL.notify, [String(previous.position)]);
  return { eventIds, position: previous.position, replayed: false };
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

async function streamRevision(db: Db, streamId: string): Promise<number> {
  const { rows } = await db.query<{ revision: number | null }>(SQL.streamRevision, [streamId]);
  return rows[0]?.revision ?? -1;
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
