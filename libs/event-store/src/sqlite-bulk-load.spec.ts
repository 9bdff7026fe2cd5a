import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from './envelope.js';
import { sealLog } from './seal.js';
import { bulkLoad, prepareDatabase } from './sqlite-schema.js';
import { openSqliteStore } from './sqlite-store.js';

const schemaOf = (db: Database.Database) =>
  (db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all() as object[]);

const entry = (n: number) => ({
  eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type: 'TestHappened',
  streamId: `s-${n % 2}`,
  data: { n },
  metadata: { recordedAt: '2015-01-01T00:00:00.000Z', recordedBy: 'test', schemaVersion: 1 },
});

describe('the SQLite bulk load of an import', () => {
  it('given an import, when it is done, then every index and the insert guard are back as a fresh store has them', async () => {
    const fresh = new Database(':memory:');
    prepareDatabase(fresh);
    // The store's own connection is private: a file store is read with a second connection.
    const file = join(tmpdir(), `jalon-bulk-${process.pid}.db`);
    const onFile = await openSqliteStore(file);
    try {
      await onFile.importLog(sealLog([1, 2, 3].map(entry)));
      const db = new Database(file);
      expect(schemaOf(db)).toEqual(schemaOf(fresh));
      // The guard works again: a row that does not extend the head is refused.
      const row = [9, 'id', 'T', 's', 0, '{}', '{}', GENESIS_HASH];
      expect(() => db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(...row)).toThrow(/position after the head/);
      db.close();
      expect((await onFile.readAll({ after: 0, limit: 10 })).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    } finally {
      await onFile.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    }
  });

  it('given a load that fails half way, when its transaction rolls back, then the schema is whole again', () => {
    const db = new Database(':memory:');
    prepareDatabase(db);
    const before = schemaOf(db);

    const load = db.transaction(() =>
      bulkLoad(db, () => {
        throw new Error('disk full');
      }),
    );

    expect(() => load()).toThrow('disk full');
    expect(schemaOf(db)).toEqual(before);
  });
});
