import type BetterSqlite3 from 'better-sqlite3';
import { businessDateSql } from './business-date.js';

type Database = BetterSqlite3.Database;

// The log browser's filters read the envelope's JSON; indexes on the very same expressions let
// SQLite answer them without a scan (sqlite-filter.ts builds the queries from these).
export const SQLITE_RECORDED_BY = "json_extract(metadata, '$.recordedBy')";
export const SQLITE_RECORDED_AT = "json_extract(metadata, '$.recordedAt')";
export const SQLITE_BUSINESS_DATE = businessDateSql((field) => `json_extract(data, '$.${field}')`);
type Statement<P extends unknown[], R = unknown> = BetterSqlite3.Statement<P, R>;

/**
 * The events table is append-only where the data lives: UPDATE and DELETE are refused, and so is
 * any INSERT that does not extend the log at its head. The insert guard also closes the back door
 * of INSERT OR REPLACE, whose implicit deletes skip DELETE triggers.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY,
  event_id  TEXT NOT NULL UNIQUE,
  type      TEXT NOT NULL,
  stream_id TEXT NOT NULL,
  revision  INTEGER NOT NULL,
  data      TEXT NOT NULL,
  metadata  TEXT NOT NULL,
  hash      TEXT NOT NULL,
  UNIQUE (stream_id, revision)
) STRICT;

CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
CREATE INDEX IF NOT EXISTS events_by_stream ON events (stream_id, position);
CREATE INDEX IF NOT EXISTS events_by_recorder ON events (${SQLITE_RECORDED_BY}, position);
CREATE INDEX IF NOT EXISTS events_by_recorded_at ON events (${SQLITE_RECORDED_AT}, position);
CREATE INDEX IF NOT EXISTS events_by_business_date ON events (${SQLITE_BUSINESS_DATE}, position);

CREATE TRIGGER IF NOT EXISTS events_refuse_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'the event log is append-only: UPDATE of events is refused');
END;

CREATE TRIGGER IF NOT EXISTS events_refuse_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'the event log is append-only: DELETE of events is refused');
END;

CREATE TRIGGER IF NOT EXISTS events_guard_insert BEFORE INSERT ON events
BEGIN
  SELECT RAISE(ABORT, 'the event log is append-only: a new event must take the position after the head')
  WHERE NEW.position IS NOT (SELECT COALESCE(MAX(position), 0) + 1 FROM events);
  SELECT RAISE(ABORT, 'the event log is append-only: a new event must take its stream''s next revision')
  WHERE NEW.revision IS NOT
    (SELECT COALESCE(MAX(revision), -1) + 1 FROM events WHERE stream_id = NEW.stream_id);
  SELECT RAISE(ABORT, 'the event log is append-only: this event id is already in the log')
  WHERE EXISTS (SELECT 1 FROM events WHERE event_id = NEW.event_id);
END;

CREATE TABLE IF NOT EXISTS idempotency (
  scope       TEXT NOT NULL,
  key         TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  event_ids   TEXT NOT NULL,
  position    INTEGER NOT NULL,
  PRIMARY KEY (scope, key)
) STRICT, WITHOUT ROWID;
`;

/** What a bulk load into an empty log sets aside and rebuilds (the names of SCHEMA). */
const BULK_SET_ASIDE = [
  'DROP TRIGGER events_guard_insert',
  'DROP INDEX events_by_type',
  'DROP INDEX events_by_stream',
  'DROP INDEX events_by_recorder',
  'DROP INDEX events_by_recorded_at',
  'DROP INDEX events_by_business_date',
];
/** Page cache of a bulk load, in KiB: a big transaction whose B-trees fit in memory is not re-read from the WAL. */
const BULK_CACHE_KIB = 262_144;

/**
 * Runs `load` (inside the caller's transaction, on a log checked to be empty) with the secondary
 * indexes and the insert guard set aside, then rebuilds them from SCHEMA: one sort per index
 * instead of a random B-tree insert per row and index. The caller has checked what the guard
 * would (positions, revisions, ids). DDL is transactional in SQLite: a failure or a crash leaves
 * the schema as it was, and other connections never see it without them.
 */
export function bulkLoad(db: Database, load: () => void): void {
  for (const sql of BULK_SET_ASIDE) db.exec(sql);
  load();
  db.exec(SCHEMA);
}

/** Runs `work` with a large page cache on this connection, then the default again. */
export function withLargeCache<T>(db: Database, work: () => T): T {
  const before = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    return work();
  } finally {
    db.pragma(`cache_size = ${before}`);
  }
}

/** Durable settings first (an acknowledged append survives a crash), then the schema. */
export function prepareDatabase(db: Database): void {
  db.pragma('busy_timeout = 10000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // Two processes may open a new file at once: one IMMEDIATE transaction makes creation atomic.
  db.transaction(() => db.exec(SCHEMA)).immediate();
}

export interface EventRow {
  position: number;
  event_id: string;
  type: string;
  stream_id: string;
  revision: number;
  data: string;
  metadata: string;
  hash: string;
}

export interface IdempotencyRow {
  fingerprint: string;
  event_ids: string;
  position: number;
}

export const COLUMNS = 'position, event_id, type, stream_id, revision, data, metadata, hash';

/** Every statement the SQLite store runs, prepared once per connection. */
export interface Statements {
  insertEvent: Statement<[EventRow]>;
  /** insertEvent with the columns in COLUMNS order, for a bulk load. */
  insertRaw: Statement<unknown[]>;
  streamRevision: Statement<[string], number | null>;
  head: Statement<[], { position: number; hash: string }>;
  readStream: Statement<[string], EventRow>;
  /** readAll and countAll, one statement per shape of filter, prepared on first use. */
  filtered(sql: string): Statement<[Record<string, unknown>], unknown>;
  findEvent: Statement<[string], EventRow>;
  findIdempotency: Statement<[string, string], IdempotencyRow>;
  insertIdempotency: Statement<[Record<string, unknown>]>;
  dataVersion: Statement<[], number>;
}

export function prepareStatements(db: Database): Statements {
  const filtered = new Map<string, Statement<[Record<string, unknown>], unknown>>();
  return {
    insertEvent: db.prepare<[EventRow]>(
      `INSERT INTO events (${COLUMNS}) VALUES
       (@position, @event_id, @type, @stream_id, @revision, @data, @metadata, @hash)`,
    ),
    insertRaw: db.prepare<unknown[]>(`INSERT INTO events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    streamRevision: db
      .prepare<[string], number | null>('SELECT MAX(revision) FROM events WHERE stream_id = ?')
      .pluck(),
    head: db.prepare<[], { position: number; hash: string }>(
      'SELECT position, hash FROM events ORDER BY position DESC LIMIT 1',
    ),
    readStream: db.prepare<[string], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? ORDER BY revision`,
    ),
    filtered(sql) {
      let statement = filtered.get(sql);
      if (!statement) filtered.set(sql, (statement = db.prepare(sql)));
      return statement;
    },
    findEvent: db.prepare<[string], EventRow>(`SELECT ${COLUMNS} FROM events WHERE event_id = ?`),
    findIdempotency: db.prepare<[string, string], IdempotencyRow>(
      'SELECT fingerprint, event_ids, position FROM idempotency WHERE scope = ? AND key = ?',
    ),
    insertIdempotency: db.prepare<[Record<string, unknown>]>(
      `INSERT INTO idempotency (scope, key, fingerprint, event_ids, position)
       VALUES (@scope, @key, @fingerprint, @event_ids, @position)`,
    ),
    dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
  };
}
