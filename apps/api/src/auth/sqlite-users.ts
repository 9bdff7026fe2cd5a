import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { toUser, type StoredToken, type UserRow, type UserStore } from './user-store.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  username            TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
  role                TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'auditor', 'donor')),
  password_hash       TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS tokens (
  token_hash TEXT NOT NULL PRIMARY KEY,
  username   TEXT NOT NULL REFERENCES users (username),
  expires_at TEXT NOT NULL
) STRICT;

CREATE INDEX IF NOT EXISTS tokens_by_expiry ON tokens (expires_at);
`;


/** A second connection to the store's SQLite file (WAL lets it live beside the event store's). */
export function openSqliteUsers(path: string): UserStore {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new Database(path);
  db.pragma('busy_timeout = 10000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.transaction(() => db.exec(SCHEMA)).immediate();
  const st = {
    count: db.prepare<[], number>('SELECT COUNT(*) FROM users').pluck(),
    find: db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?'),
    insert: db.prepare(
      `INSERT INTO users (username, role, password_hash, password_changed_at)
       VALUES (@username, @role, @passwordHash, @passwordChangedAt) ON CONFLICT DO NOTHING`,
    ),
    saveToken: db.prepare('INSERT INTO tokens (token_hash, username, expires_at) VALUES (@tokenHash, @username, @expiresAt)'),
    byToken: db.prepare<[string, string], UserRow>(
      `SELECT users.* FROM tokens JOIN users ON users.username = tokens.username
       WHERE tokens.token_hash = ? AND tokens.expires_at > ?`,
    ),
    expire: db.prepare<[string]>('DELETE FROM tokens WHERE expires_at <= ?'),
    setPassword: db.prepare<[string, string, string]>(
      'UPDATE users SET password_hash = ?, password_changed_at = ? WHERE username = ?',
    ),
    revokeTokens: db.prepare<[string]>('DELETE FROM tokens WHERE username = ?'),
  };
  const changePassword = db.transaction((username: string, passwordHash: string, changedAt: string): boolean => {
    const user = st.find.get(username);
    if (!user) return false;
    st.setPassword.run(passwordHash, changedAt, user.username);
    st.revokeTokens.run(user.username);
    return true;
  });
  return {
    count: async () => st.count.get() ?? 0,
    find: async (username) => toUser(st.find.get(username)),
    create: async (user) => st.insert.run(user).changes === 1,
    saveToken: async (token: StoredToken) => void st.saveToken.run(token),
    findByToken: async (tokenHash, now) => toUser(st.byToken.get(tokenHash, now)),
    deleteExpiredTokens: async (now) => void st.expire.run(now),
    changePassword: async (username, passwordHash, changedAt) => changePassword.immediate(username, passwordHash, changedAt),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
