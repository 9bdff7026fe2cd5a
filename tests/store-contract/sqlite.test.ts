import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openSqliteStore,
  openStore,
  verifyChain,
  type EventEnvelope,
  type EventStore,
  type NewEvent,
} from '@jalon/event-store';
import { runGroupOrderTest, runStoreContract } from './contract.js';
import { startWorker } from './support/start-worker.js';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-store-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

runStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-contract-'));
  const store = await openSqliteStore(join(dir, 'events.db'));
  return {
    store,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

runGroupOrderTest('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-order-'));
  const store = await openSqliteStore(join(dir, 'events.db'));
  return { store, cleanup: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })) };
});

function newEvent(n: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'T',
    data: { n },
    metadata: { recordedAt: '2015-03-01T10:00:00.000Z', recordedBy: 'ana', schemaVersion: 1 },
  };
}

async function readEverything(store: EventStore): Promise<EventEnvelope[]> {
  return store.readAll({ after: 0, limit: 1_000_000 });
}

describe('SQLite store', () => {
  let path: string;
  let store: EventStore;
  beforeEach(async () => {
    path = join(tempDir(), 'events.db');
    store = await openSqliteStore(path);
    for (let n = 0; n < 3; n++) await store.append('s', [newEvent(n)], { expectedRevision: n - 1 });
  });
  afterEach(async () => store.close());

  it('given events in the file, when another connection tries raw UPDATE, DELETE or INSERT OR REPLACE, then the triggers refuse them', () => {
    const raw = new Database(path);
    try {
      expect(() => raw.prepare("UPDATE events SET data = '{}' WHERE position = 2").run()).toThrow(/append-only: UPDATE/);
      expect(() => raw.prepare('DELETE FROM events WHERE position = 3').run()).toThrow(/append-only: DELETE/);
      expect(() => raw.prepare('DELETE FROM events').run()).toThrow(/append-only: DELETE/);
      const replace = `INSERT OR REPLACE INTO events SELECT position, event_id, type, stream_id, revision,
                       '{"n":42}', metadata, hash FROM events WHERE position = 2`;
      expect(() => raw.prepare(replace).run()).toThrow(/append-only/);
      const gap = `INSERT INTO events SELECT 9, 'x', type, 'new', 0, data, metadata, hash FROM events WHERE position = 1`;
      expect(() => raw.prepare(gap).run()).toThrow(/position after the head/);
    } finally {
      raw.close();
    }
  });

  it('given refused raw writes, when the log is read again, then it is unchanged and its chain holds', async () => {
    const before = await readEverything(store);
    const raw = new Database(path);
    expect(() => raw.prepare("UPDATE events SET hash = 'x'").run()).toThrow();
    raw.close();
    const after = await readEverything(store);
    expect(after).toEqual(before);
    expect(verifyChain(after)).toMatchObject({ ok: true, events: 3 });
  });

  it('given a closed store, when the file is reopened, then the events are there and appends continue the chain', async () => {
    const before = await readEverything(store);
    await store.close();
    store = await openSqliteStore(path);
    expect(await readEverything(store)).toEqual(before);
    await store.append('s', [newEvent(3)], { expectedRevision: 2 });
    const after = await readEverything(store);
    expect(after.slice(0, 3)).toEqual(before);
    expect(verifyChain(after)).toMatchObject({ ok: true, events: 4 });
  });

  it('given two store instances on one file, when both append in a loop at once, then positions stay gap-free and the chain holds', async () => {
    const second = await openSqliteStore(path);
    try {
      const loop = async (writer: EventStore, name: string) => {
        for (let n = 0; n < 40; n++) {
          await writer.append(`own-${name}`, [newEvent(n), newEvent(n)], { expectedRevision: 2 * n - 1 });
        }
      };
      await Promise.all([loop(store, 'one'), loop(second, 'two')]);
      const all = await readEverything(second);
      expect(all.map((e) => e.position)).toEqual(Array.from({ length: 163 }, (_, i) => i + 1));
      expect(verifyChain(all)).toMatchObject({ ok: true, events: 163, head: await store.head() });
    } finally {
      await second.close();
    }
  });

  it('given a watcher on one instance, when another instance on the file appends, then the watcher is told', async () => {
    const second = await openSqliteStore(path);
    try {
      const told = new Promise<void>((resolve) => {
        const stop = store.watch(() => {
          stop();
          resolve();
        });
      });
      await second.append('s', [newEvent(3)], { expectedRevision: 2 });
      await told;
      expect((await store.head()).position).toBe(4);
    } finally {
      await second.close();
    }
  });
});

describe('SQLite store shared by processes', () => {
  it('given two processes appending to one file at once, when both are done, then positions are gap-free, each is unique and the chain holds', async () => {
    const dir = tempDir();
    const path = join(dir, 'events.db');
    const goFile = join(dir, 'go');
    const workers = [startWorker(`sqlite:${path}`, 'one', 150, goFile), startWorker(`sqlite:${path}`, 'two', 150, goFile)];
    await Promise.all(workers.map((w) => w.ready));
    writeFileSync(goFile, '');
    const [one, two] = await Promise.all(workers.map((w) => w.done));
    const store = await openStore(`sqlite:${path}`);
    try {
      const all = await readEverything(store);
      const total = 2 * (150 + 50);
      expect(all.map((e) => e.position)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      expect([...one, ...two].sort((a, b) => a - b)).toEqual(all.map((e) => e.position));
      expect(verifyChain(all)).toMatchObject({ ok: true, events: total });
      const shared = await store.readStream('shared');
      expect(shared.map((e) => e.revision)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    } finally {
      await store.close();
    }
  });
});

describe('openStore', () => {
  it('given a sqlite: URL with a relative path in a missing directory, when opened, then the directory and file are created', async () => {
    const file = join(tempDir(), 'data/nested/jalon.db');
    const store = await openStore(`sqlite:${relative(process.cwd(), file)}`);
    await store.append('s', [newEvent(0)], { expectedRevision: -1 });
    await store.close();
    const reopened = await openSqliteStore(file);
    expect((await reopened.head()).position).toBe(1);
    await reopened.close();
  });

  it('given a bare path or an unknown scheme, when opened, then it asks for a sqlite: URL', async () => {
    await expect(openStore('data/jalon.db')).rejects.toThrow(/sqlite:/);
    await expect(openStore('mysql://x')).rejects.toThrow(/sqlite:/);
  });
});
