import type pg from 'pg';
import { inPgTransaction } from '@jalon/event-store';
import { toUser, type StoredToken, type UserRow, type UserStore } from './user-store.js';

/** Bumped with any change to SCHEMA; the users table's comment tells an opened database's version. */
const SCHEMA_MARK = 'jalon users, schema 1';

/**
 * Advisory lock taken while creating the tables: class "jalo" as the event store's locks (which use
 * keys 0 and 1 of it), key "user".
 */
const LOCK_SCHEMA = 'SELECT pg_advisory_xact_lock(1784769647, 1970496882)';

/**
 * Beside the event log in the same database, in tables of their own that the log's reads and
 * export never touch. Names compare without regard to case (the unique index on lower(username)),
 * as SQLite's COLLATE NOCASE does. Times are ISO strings, compared as text, as in sqlite-users.ts.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS jalon_users (
  username            TEXT NOT NULL PRIMARY KEY,
  role                TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'auditor', 'donor')),
  password_hash       TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS jalon_users_by_name ON jalon_users (lower(username));

CREATE TABLE IF NOT EXISTS jalon_tokens (
  token_hash TEXT NOT NULL PRIMARY KEY,
  username   TEXT NOT NULL REFERENCES jalon_users (username),
  expires_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS jalon_tokens_by_expiry ON jalon_tokens (expires_at);

COMMENT ON TABLE jalon_users IS '${SCHEMA_MARK}';
`;

const USER_COLUMNS = 'u.username, u.role, u.password_hash, u.password_changed_at';

const SQL = {
  schemaReady: `SELECT obj_description(to_regclass('jalon_users'), 'pg_class') = '${SCHEMA_MARK}'
    AND to_regclass('jalon_tokens') IS NOT NULL AS ready`,
  count: 'SELECT COUNT(*)::int AS count FROM jalon_users',
  find: `SELECT ${USER_COLUMNS} FROM jalon_users u WHERE lower(u.username) = lower($1)`,
  insert: `INSERT INTO jalon_users (username, role, password_hash, password_changed_at)
    VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
  saveToken: 'INSERT INTO jalon_tokens (token_hash, username, expires_at) VALUES ($1, $2, $3)',
  byToken: `SELECT ${USER_COLUMNS} FROM jalon_tokens t JOIN jalon_users u ON u.username = t.username
    WHERE t.token_hash = $1 AND t.expires_at > $2`,
  expire: 'DELETE FROM jalon_tokens WHERE expires_at <= $1',
  setPassword: `UPDATE jalon_users SET password_hash = $2, password_changed_at = $3
    WHERE lower(username) = lower($1) RETURNING username`,
  revokeTokens: 'DELETE FROM jalon_tokens WHERE username = $1',
} as const;


/**
 * The users of a PostgreSQL store (`postgres://…`), in the log's database; the tables are created
 * on first use. pg is loaded only here, so that SQLite-only processes never load the driver.
 */
export async function openPostgresUsers(url: string): Promise<UserStore> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 4, allowExitOnIdle: true });
  // An idle connection that the server drops emits here; the pool replaces it on next use.
  pool.on('error', () => undefined);
  try {
    await prepareSchema(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const one = async (sql: string, params: unknown[]) => (await pool.query<UserRow>(sql, params)).rows[0];
  let closed: Promise<void> | undefined;
  return {
    count: async () => (await pool.query<{ count: number }>(SQL.count)).rows[0].count,
    find: async (username) => toUser(await one(SQL.find, [username])),
    async create(user) {
      const params = [user.username, user.role, user.passwordHash, user.passwordChangedAt];
      return (await pool.query(SQL.insert, params)).rowCount === 1;
    },
    saveToken: async (token: StoredToken) => void (await pool.query(SQL.saveToken, [token.tokenHash, token.username, token.expiresAt])),
    findByToken: async (tokenHash, now) => toUser(await one(SQL.byToken, [tokenHash, now])),
    deleteExpiredTokens: async (now) => void (await pool.query(SQL.expire, [now])),
    changePassword: (username, passwordHash, changedAt) => changePassword(pool, username, passwordHash, changedAt),
    close: () => (closed ??= pool.end()),
  };
}

/** The new hash and the revocation of every token of the user commit together or not at all. */
async function changePassword(pool: pg.Pool, username: string, passwordHash: string, changedAt: string): Promise<boolean> {
  return inPgTransaction(pool, async (client) => {
    const { rows } = await client.query<{ username: string }>(SQL.setPassword, [username, passwordHash, changedAt]);
    if (rows[0]) await client.query(SQL.revokeTokens, [rows[0].username]);
    return rows[0] !== undefined;
  });
}

/**
 * Two processes may open a new database at once and CREATE … IF NOT EXISTS is not safe against
 * that race (both may try to create the same catalog rows), so creation runs in one transaction
 * under an advisory lock. A database already at this schema is left alone.
 */
async function prepareSchema(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ ready: boolean | null }>(SQL.schemaReady);
  if (rows[0]?.ready === true) return;
  await inPgTransaction(pool, async (client) => {
    await client.query(LOCK_SCHEMA);
    await client.query(SCHEMA);
  });
}
