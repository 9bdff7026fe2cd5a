// The floors, each run in a child process of its own as `jalon` is (same start-up, same heap):
//   node floors.mjs import EXPORT.ndjson DB   raw batch insert of an export, its hash chain verified
//   node floors.mjs replay DB                 read every row in position order and JSON.parse it
// Plain better-sqlite3 with the product's durability (WAL, synchronous = FULL). The import floor
// ends with the product's own indexes and triggers (openSqliteStore), so both make the same file.
import Database from 'better-sqlite3';
import { hashEvent, GENESIS_HASH, openSqliteStore } from '@jalon/event-store';
import { readExport } from './log.mjs';

const TABLE = `CREATE TABLE events (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
  stream_id TEXT NOT NULL, revision INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, hash TEXT NOT NULL,
  UNIQUE (stream_id, revision)) STRICT`;

export function openRaw(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

export const createTable = (db) => db.exec(TABLE);

export const INSERT = 'INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
export const rowOf = (e) => [e.position, e.eventId, e.type, e.streamId, e.revision, JSON.stringify(e.data), JSON.stringify(e.metadata), e.hash];

async function importFloor(file, dbFile) {
  const db = openRaw(dbFile);
  createTable(db);
  const insert = db.prepare(INSERT);
  let previous = GENESIS_HASH;
  db.exec('BEGIN');
  for await (const envelope of readExport(file)) {
    if (hashEvent(previous, envelope) !== envelope.hash) throw new Error(`chain broken at ${envelope.position}`);
    previous = envelope.hash;
    insert.run(rowOf(envelope));
  }
  db.exec('COMMIT');
  db.close();
  await (await openSqliteStore(dbFile)).close();
}

function replayFloor(dbFile) {
  const db = new Database(dbFile, { readonly: true });
  let events = 0;
  for (const [data, metadata] of db.prepare('SELECT data, metadata FROM events ORDER BY position').raw().iterate()) {
    JSON.parse(data);
    JSON.parse(metadata);
    events++;
  }
  db.close();
  return events;
}

if (import.meta.main) {
  const [what, ...args] = process.argv.slice(2);
  if (what === 'import') await importFloor(args[0], args[1]);
  else if (what === 'replay') process.stdout.write(`${replayFloor(args[0])}\n`);
  else throw new Error(`usage: floors.mjs import EXPORT DB | replay DB`);
}
