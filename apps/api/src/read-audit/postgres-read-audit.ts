import type pg from 'pg';
import { toReadRecord, type ReadAuditStore, type ReadRow } from './read-audit-store.js';

/** Bumped with any change to SCHEMA; the table's comment tells an opened database's version. */
const SCHEMA_MARK = 'jalon read audit, schema 1';

/** Class "jalo" as the event store's and the users' locks; key "read" for creation, "rea+" for ids. */
const LOCK_SCHEMA = 'SELECT pg_advisory_xact_lock(1784769647, 1919246692)';
const LOCK_APPEND = 'SELECT pg_advisory_xact_lock(1784769647, 1919246635)';

/**
 * Beside the users, in a table the log's reads and export never touch. Append-only where the data
 * lives: UPDATE, DELETE and TRUNCATE are refused per statement, and an INSERT must take the id after
 * the last (gap-free ids; a sequence would leave gaps on rollback). Needs PostgreSQL 14 or later.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS jalon_read_audit (
  id          BIGINT  PRIMARY KEY CHECK (id > 0),
  at          TEXT    NOT NULL,
  username    TEXT    NOT NULL,
  role        TEXT    NOT NULL,
  method      TEXT    NOT NULL,
  path        TEXT    NOT NULL,
  query       TEXT    NOT NULL,
  status      INTEGER NOT NULL,
  case_events INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS jalon_read_audit_by_user ON jalon_read_audit (lower(username), id);

CREATE OR REPLACE FUNCTION jalon_read_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the read audit is append-only: % is refused', TG_OP;
END $$;

CREATE OR REPLACE FUNCTION jalon_read_audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM (SELECT COALESCE(MAX(id), 0) + 1 FROM jalon_read_audit) THEN
    RAISE EXCEPTION 'the read audit is append-only: a new record must take the id after the last';
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER jalon_read_audit_refuse BEFORE UPDATE OR DELETE OR TRUNCATE ON jalon_read_audit
  FOR EACH STATEMENT EXECUTE FUNCTION jalon_read_audit_refuse();
CREATE OR REPLACE TRIGGER jalon_read_audit_guard BEFORE INSERT ON jalon_read_audit
  FOR EACH ROW EXECUTE FUNCTION jalon_read_audit_guard();

COMMENT ON TABLE jalon_read_audit IS '${SCHEMA_MARK}';
`;

const COLUMNS = 'id, at, username, role, method, path, query, status, case_events';

const SQL = {
  schemaReady: `SELECT obj_description(to_regclass('jalon_read_audit'), 'pg_class') = '${SCHEMA_MARK}' AS ready`,
  insert: `INSERT INTO jalon_read_audit (${COLUMNS})
    SELECT COALESCE(MAX(id), 0) + 1, $1, $2, $3, $4, $5, $6, $7, $8 FROM jalon_read_audit
    RETURNING ${COLUMNS}`,
  list: `SELECT ${COLUMNS} FROM jalon_read_audit WHERE id > $1 ORDER BY id LIMIT $2`,
  listOfUser: `SELECT ${COLUMNS} FROM jalon_read_audit WHERE lower(username) = lower($3) AND id > $1
    ORDER BY id LIMIT $2`,
} as const;

/** The read audit of a PostgreSQL users database; pg is loaded only here. */
export async function openPostgresReadAudit(url: string): Promise<ReadAuditStore> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 4, allowExitOnIdle: true });
  pool.on('error', () => undefined);
  try {
    await inTransaction(pool, async (client) => {
      const { rows } = await client.query<{ ready: boolean | null }>(SQL.schemaReady);
      if (rows[0]?.ready === true) return;
      await client.query(LOCK_SCHEMA);
      await client.query(SCHEMA);
    });
  } catch (error) {
    await pool.end();
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    async append(record) {
      const params = [record.at, record.username, record.role, record.method, record.path, JSON.stringify(record.query), record.status, record.caseEvents];
      // The lock makes concurrent appends take ids one after the other; COMMIT makes it durable.
      const row = await inTransaction(pool, async (client) => {
        await client.query(LOCK_APPEND);
        return (await client.query<ReadRow>(SQL.insert, params)).rows[0];
      });
      return toReadRecord(row);
    },
    async list({ after, limit, username }) {
      const { rows } = username === undefined
        ? await pool.query<ReadRow>(SQL.list, [after, limit])
        : await pool.query<ReadRow>(SQL.listOfUser, [after, limit, username]);
      return rows.map(toReadRecord);
    },
    close: () => (closed ??= pool.end()),
  };
}

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    const broken = await client.query('ROLLBACK').then(() => false, () => true);
    client.release(broken);
    throw error;
  }
}
