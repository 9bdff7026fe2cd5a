import type pg from 'pg';
import { inPgTransaction } from './postgres-transaction.js';
import { businessDateSql } from './business-date.js';
import type { LogFilter, LogOrder } from './log-filter.js';
import type { EventRow } from './sqlite-schema.js';

/** Bumped with any change to SCHEMA; the table comment tells an opened database's version. */
const SCHEMA_MARK = 'jalon event log, schema 2';

// The log browser's filters read the envelope's JSON (schema 2 indexes these very expressions).
const PG_RECORDED_BY = "(metadata::jsonb ->> 'recordedBy')";
// Times and dates compare as text in the C collation (bytes), as in SQLite, indexes included.
const PG_RECORDED_AT = `((metadata::jsonb ->> 'recordedAt') COLLATE "C")`;
const PG_BUSINESS_DATE = `(${businessDateSql((field) => `(data::jsonb ->> '${field}')`)} COLLATE "C")`;

/** Advisory lock class ("jalo" in ASCII); advisory locks are per database. */
const LOCK_CLASS = 0x6a616c6f;

/**
 * `data` and `metadata` are TEXT holding JSON.stringify's output, not JSONB: JSONB reorders keys,
 * rewrites numbers (1e21, -0) and refuses "\u0000", so envelopes would no longer read back, or
 * export, exactly as appended; and the hash is computed from the text as stored. Ad-hoc SQL can
 * still query `data::jsonb`.
 *
 * Append-only where the data lives: any UPDATE, DELETE or TRUNCATE is refused (per statement, so
 * even one touching no row), and an INSERT must extend the log at its head and its stream at its
 * next revision. The insert guard also means no writer, even one bypassing the adapter's lock, can
 * commit position N+1 before N: its check only sees committed rows, so N+1 is allowed only once N
 * is visible, and two writers racing for the same position collide on the primary key.
 * Needs PostgreSQL 14 or later (CREATE OR REPLACE TRIGGER).
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position  BIGINT  PRIMARY KEY CHECK (position > 0),
  event_id  TEXT    NOT NULL UNIQUE,
  type      TEXT    NOT NULL,
  stream_id TEXT    NOT NULL,
  revision  INTEGER NOT NULL CHECK (revision >= 0),
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  hash      TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
CREATE INDEX IF NOT EXISTS events_by_stream ON events (stream_id, position);
CREATE INDEX IF NOT EXISTS events_by_recorder ON events ((${PG_RECORDED_BY}), position);
CREATE INDEX IF NOT EXISTS events_by_recorded_at ON events (${PG_RECORDED_AT}, position);
CREATE INDEX IF NOT EXISTS events_by_business_date ON events (${PG_BUSINESS_DATE}, position);

CREATE TABLE IF NOT EXISTS idempotency (
  scope       TEXT   NOT NULL,
  key         TEXT   NOT NULL,
  fingerprint TEXT   NOT NULL,
  event_ids   TEXT[] NOT NULL,
  position    BIGINT NOT NULL,
  PRIMARY KEY (scope, key)
);

CREATE OR REPLACE FUNCTION jalon_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the event log is append-only: % of events is refused', TG_OP;
END $$;

CREATE OR REPLACE FUNCTION jalon_guard_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.position IS DISTINCT FROM (SELECT COALESCE(MAX(position), 0) + 1 FROM events) THEN
    RAISE EXCEPTION 'the event log is append-only: a new event must take the position after the head';
  END IF;
  IF NEW.revision IS DISTINCT FROM
     (SELECT COALESCE(MAX(revision), -1) + 1 FROM events WHERE stream_id = NEW.stream_id) THEN
    RAISE EXCEPTION 'the event log is append-only: a new event must take its stream''s next revision';
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER events_refuse_change BEFORE UPDATE OR DELETE OR TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION jalon_refuse_change();
CREATE OR REPLACE TRIGGER events_guard_insert BEFORE INSERT ON events
  FOR EACH ROW EXECUTE FUNCTION jalon_guard_insert();

COMMENT ON TABLE events IS '${SCHEMA_MARK}';
`;

const COLUMNS = 'position, event_id, type, stream_id, revision, data, metadata, hash';

/** Every statement the PostgreSQL store runs. */
export const SQL = {
  schemaReady: `SELECT obj_description(to_regclass('events'), 'pg_class') = '${SCHEMA_MARK}' AS ready`,
  lockSchema: `SELECT pg_advisory_xact_lock(${LOCK_CLASS}, 0)`,
  schema: SCHEMA,
  /** Held until commit by every append and import: see postgres-store.ts. */
  lockLog: `SELECT pg_advisory_xact_lock(${LOCK_CLASS}, 1)`,
  head: 'SELECT position, hash FROM events ORDER BY position DESC LIMIT 1',
  /** One statement for any number of rows, taken in position order (the insert guard needs it). */
  insertEvents: `INSERT INTO events (${COLUMNS})
    SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::integer[],
                         $6::text[], $7::text[], $8::text[])
      AS r (${COLUMNS})
    ORDER BY position`,
  readStream: `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 ORDER BY revision`,
  findEvent: `SELECT ${COLUMNS} FROM events WHERE event_id = $1`,
  findIdempotency: 'SELECT fingerprint, event_ids, position FROM idempotency WHERE scope = $1 AND key = $2',
  /** Many at once (a group commit, an import): event ids as JSON arrays, turned into TEXT[] here. */
  insertIdempotencies: `INSERT INTO idempotency (scope, key, fingerprint, event_ids, position)
    SELECT r.scope, r.key, r.fingerprint, ARRAY(SELECT json_array_elements_text(r.ids::json)), r.position
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[]) AS r (scope, key, fingerprint, ids, position)`,
  /** Sent inside the append's transaction, so listeners hear it only once the events commit. */
  notify: "SELECT pg_notify('jalon_events', $1)",
  /**
   * What a group commit reads under the log lock, in one round trip: the head, the last revision
   * of each stream named ($1), and the idempotency records of the (scope, key) pairs ($2, $3).
   */
  groupRead: `SELECT
    (SELECT json_build_object('position', position, 'hash', hash) FROM events ORDER BY position DESC LIMIT 1) AS head,
    (SELECT json_object_agg(stream_id, revision) FROM
      (SELECT stream_id, MAX(revision) AS revision FROM events WHERE stream_id = ANY($1::text[]) GROUP BY stream_id) r) AS revisions,
    (SELECT json_agg(json_build_object('scope', i.scope, 'key', i.key, 'fingerprint', i.fingerprint,
                                       'eventIds', i.event_ids, 'position', i.position))
      FROM idempotency i JOIN unnest($2::text[], $3::text[]) AS k (scope, key) ON i.scope = k.scope AND i.key = k.key) AS claims`,
  /** What a group commit writes, in one round trip: events ($1-$8), idempotency records ($9-$13), the notification ($14). */
  groupWrite: `WITH events_in AS (
      INSERT INTO events (${COLUMNS})
      SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::integer[],
                           $6::text[], $7::text[], $8::text[])
        AS r (${COLUMNS})
      ORDER BY position
      RETURNING 1),
    claims_in AS (
      INSERT INTO idempotency (scope, key, fingerprint, event_ids, position)
      SELECT r.scope, r.key, r.fingerprint, ARRAY(SELECT json_array_elements_text(r.ids::json)), r.position
      FROM unnest($9::text[], $10::text[], $11::text[], $12::text[], $13::bigint[]) AS r (scope, key, fingerprint, ids, position)
      RETURNING 1)
    SELECT pg_notify('jalon_events', $14), (SELECT count(*) FROM events_in) AS events, (SELECT count(*) FROM claims_in) AS claims`,
  listen: 'LISTEN jalon_events',
} as const;

export const NOTIFY_CHANNEL = 'jalon_events';

/** WHERE of a filter with its positional parameters. Text compares in the C collation, as in SQLite. */
function where(filter: LogFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const terms: string[] = [];
  const add = (term: (p: string) => string, value: unknown) => {
    if (value === undefined) return;
    params.push(value);
    terms.push(term(`$${params.length}`));
  };
  add((p) => `position > ${p}`, filter.after ?? 0);
  add((p) => `position < ${p}`, filter.before);
  add((p) => `type = ANY(${p}::text[])`, filter.types);
  add((p) => `stream_id = ${p}`, filter.streamId);
  add((p) => `starts_with(stream_id, ${p})`, filter.streamPrefix);
  add((p) => `${PG_RECORDED_BY} = ${p}`, filter.recordedBy);
  add((p) => `${PG_RECORDED_AT} >= ${p}`, filter.recordedFrom);
  add((p) => `${PG_RECORDED_AT} <= ${p}`, filter.recordedTo);
  add((p) => `${PG_BUSINESS_DATE} >= ${p}`, filter.businessFrom);
  add((p) => `${PG_BUSINESS_DATE} <= ${p}`, filter.businessTo);
  return { sql: terms.join(' AND '), params };
}

export function readAllQuery(filter: LogFilter & { limit: number; order?: LogOrder }): { sql: string; params: unknown[] } {
  const { sql, params } = where(filter);
  const direction = filter.order === 'desc' ? 'DESC' : 'ASC';
  params.push(filter.limit);
  return { sql: `SELECT ${COLUMNS} FROM events WHERE ${sql} ORDER BY position ${direction} LIMIT $${params.length}`, params };
}

export function countQuery(filter: LogFilter): { sql: string; params: unknown[] } {
  const { sql, params } = where(filter);
  return { sql: `SELECT COUNT(*)::bigint AS count FROM events WHERE ${sql}`, params };
}

/**
 * Creates the schema on first use. Two processes may open a new database at once, and CREATE …
 * IF NOT EXISTS is not safe against that race, so creation runs in one transaction under an
 * advisory lock. A database already at this schema is left alone (no lock, no DDL).
 */
export async function prepareSchema(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ ready: boolean | null }>(SQL.schemaReady);
  if (rows[0]?.ready === true) return;
  await inPgTransaction(pool, async (client) => {
    await client.query(SQL.lockSchema);
    await client.query(SQL.schema);
  });
}

/** A row of `events` as pg returns it: the SQLite row, but BIGINT comes as a string. */
export type PgEventRow = Omit<EventRow, 'position'> & { position: string };

export interface PgIdempotencyRow {
  fingerprint: string;
  event_ids: string[];
  position: string;
}
