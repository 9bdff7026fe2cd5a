import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { toReadRecord, type NewReadRecord, type ReadAuditStore, type ReadRow } from './read-audit-store.js';

/**
 * Append-only where the data lives, as the event log: UPDATE and DELETE are refused, and an INSERT
 * must take the id after the last one (so ids stay gap-free and INSERT OR REPLACE cannot rewrite).
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS read_audit (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  username    TEXT NOT NULL COLLATE NOCASE,
  role        TEXT NOT NULL,
  method      TEXT NOT NULL,
  path        TEXT NOT NULL,
  query       TEXT NOT NULL,
  status      INTEGER NOT NULL,
  case_events INTEGER NOT NULL
) STRICT;

CREATE INDEX IF NOT EXISTS read_audit_by_user ON read_audit (username, id);

CREATE TRIGGER IF NOT EXISTS read_audit_refuse_update BEFORE UPDATE ON read_audit
BEGIN
  SELECT RAISE(ABORT, 'the read audit is append-only: UPDATE is refused');
END;

CREATE TRIGGER IF NOT EXISTS read_audit_refuse_delete BEFORE DELETE ON read_audit
BEGIN
  SELECT RAISE(ABORT, 'the read audit is append-only: DELETE is refused');
END;

CREATE TRIGGER IF NOT EXISTS read_audit_guard_insert BEFORE INSERT ON read_audit
BEGIN
  SELECT RAISE(ABORT, 'the read audit is append-only: a new record must take the id after the last')
  WHERE NEW.id IS NOT (SELECT COALESCE(MAX(id), 0) + 1 FROM read_audit);
END;
`;

const COLUMNS = 'id, at, username, role, method, path, query, status, case_events';

/** A connection of its own to the users' SQLite file (WAL lets it live beside the others). */
export function openSqliteReadAudit(path: string): ReadAuditStore {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new Database(path);
  db.pragma('busy_timeout = 10000');
  db.pragma('journal_mode = WAL');
  // An acknowledged record survives a crash: it is on disk before the data is sent.
  db.pragma('synchronous = FULL');
  db.transaction(() => db.exec(SCHEMA)).immediate();
  const insert = db.prepare<[Record<string, unknown>], ReadRow>(
    `INSERT INTO read_audit (${COLUMNS})
     SELECT COALESCE(MAX(id), 0) + 1, @at, @username, @role, @method, @path, @query, @status, @caseEvents
     FROM read_audit RETURNING ${COLUMNS}`,
  );
  const list = db.prepare<[Record<string, unknown>], ReadRow>(
    `SELECT ${COLUMNS} FROM read_audit WHERE id > @after ORDER BY id LIMIT @limit`,
  );
  const listOfUser = db.prepare<[Record<string, unknown>], ReadRow>(
    `SELECT ${COLUMNS} FROM read_audit WHERE username = @username AND id > @after ORDER BY id LIMIT @limit`,
  );
  // IMMEDIATE: the next id is read under the write lock, so two writers never compute the same one.
  const append = db.transaction((record: NewReadRecord) => insert.get({ ...record, query: JSON.stringify(record.query) })!);
  return {
    append: async (record) => toReadRecord(append.immediate(record)),
    async list({ after, limit, username }) {
      const rows = username === undefined ? list.all({ after, limit }) : listOfUser.all({ after, limit, username });
      return rows.map(toReadRecord);
    },
    close: async () => {
      if (db.open) db.close();
    },
  };
}
