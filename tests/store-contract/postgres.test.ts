import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  hashEvent,
  openPostgresStore,
  openStore,
  verifyChain,
  type EventEnvelope,
  type EventStore,
  type NewEvent,
  type PostgresStoreOptions,
} from '@jalon/event-store';
import { loadPg, postgresSkipReason, startPostgres, type TestPostgres } from '../support/postgres-cluster.js';
import { runGroupOrderTest, runStoreContract } from './contract.js';
import { startWorker } from './support/start-worker.js';

const skipReason = postgresSkipReason();
if (skipReason) console.warn(`\n⚠ PostgreSQL store tests SKIPPED: ${skipReason}\n`);
const describePostgres = skipReason ? describe.skip : describe;

function newEvent(n: number, data: Record<string, unknown> = { n }): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'T',
    data,
    metadata: { recordedAt: '2015-03-01T10:00:00.000Z', recordedBy: 'ana', schemaVersion: 1 },
  };
}

const readEverything = (store: EventStore): Promise<EventEnvelope[]> => store.readAll({ after: 0, limit: 1_000_000 });
const oneTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One listener on `store` for the whole test (so the store keeps one LISTEN connection): how often
 * it was told, and a promise of its next call. The first call comes once the store is listening.
 */
function watchCalls(store: EventStore) {
  let calls = 0;
  const waiters: Array<() => void> = [];
  store.watch(() => {
    calls += 1;
    for (const wake of waiters.splice(0)) wake();
  });
  const next = (ms: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`watch not told within ${ms} ms`)), ms);
      waiters.push(() => (clearTimeout(timer), resolve()));
    });
  return { calls: () => calls, next };
}

describePostgres('PostgreSQL', () => {
  // Started once for the file. A server that cannot start fails every test with its log (rather
  // than one hook), so that the failure shows in each test's result and in the run's counts.
  let started: Promise<TestPostgres> | undefined;
  const server = (): Promise<TestPostgres> => (started ??= startPostgres());
  const newDatabase = async (): Promise<string> => (await server()).createDatabase();
  const opened: EventStore[] = [];
  /** A store on a fresh database (or on `url`), closed after the test. */
  const open = async (url?: string, options?: PostgresStoreOptions) => {
    const store = await openPostgresStore(url ?? (await newDatabase()), options);
    opened.push(store);
    return store;
  };

  beforeAll(async () => {
    await server().catch(() => undefined);
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });
  afterAll(async () => (await started?.catch(() => undefined))?.stop());

  runStoreContract('PostgreSQL', async () => {
    const store = await openPostgresStore(await newDatabase());
    return { store, cleanup: () => store.close() };
  });
  runGroupOrderTest('PostgreSQL', async () => {
    const store = await openPostgresStore(await newDatabase());
    return { store, cleanup: () => store.close() };
  });

  describe('PostgreSQL store', () => {
    let url: string;
    let store: EventStore;
    let raw: pg.Client;
    beforeEach(async () => {
      url = await newDatabase();
      store = await open(url);
      for (let n = 0; n < 3; n++) await store.append('s', [newEvent(n)], { expectedRevision: n - 1 });
      raw = new (await loadPg()).Client({ connectionString: url });
      await raw.connect();
    });
    afterEach(async () => raw?.end());

    it('given events in the database, when another connection tries raw UPDATE, DELETE, TRUNCATE or an upsert, then the triggers refuse them', async () => {
      await expect(raw.query("UPDATE events SET data = '{}' WHERE position = 2")).rejects.toThrow(/append-only: UPDATE of events is refused/);
      await expect(raw.query('DELETE FROM events WHERE position = 3')).rejects.toThrow(/append-only: DELETE of events is refused/);
      await expect(raw.query('DELETE FROM events WHERE false')).rejects.toThrow(/append-only: DELETE/);
      await expect(raw.query('TRUNCATE events')).rejects.toThrow(/append-only: TRUNCATE of events is refused/);
      const upsert = `INSERT INTO events SELECT * FROM events WHERE position = 2
                      ON CONFLICT (position) DO UPDATE SET data = '{"n":42}'`;
      await expect(raw.query(upsert)).rejects.toThrow(/append-only/);
    });

    it('given events in the database, when a raw INSERT skips a position or a revision, then it is refused', async () => {
      const copy = (position: number, streamId: string, revision: number) =>
        `INSERT INTO events SELECT ${position}, 'x', type, '${streamId}', ${revision}, data, metadata, hash
         FROM events WHERE position = 1`;
      await expect(raw.query(copy(9, 'new', 0))).rejects.toThrow(/position after the head/);
      await expect(raw.query(copy(4, 's', 5))).rejects.toThrow(/stream's next revision/);
      await expect(raw.query(copy(4, 'new', 1))).rejects.toThrow(/stream's next revision/);
    });

    it('given refused raw writes, when the log is read again, then it is unchanged and its chain holds', async () => {
      const before = await readEverything(store);
      await expect(raw.query("UPDATE events SET hash = 'x'")).rejects.toThrow();
      await expect(raw.query('TRUNCATE events')).rejects.toThrow();
      const after = await readEverything(store);
      expect(after).toEqual(before);
      expect(verifyChain(after)).toMatchObject({ ok: true, events: 3 });
    });

    it('given data whose JSONB form would differ, when read back, then key order, NUL and long numbers are as appended', async () => {
      const data = { z: 1, a: { y: 'nul\u0000here', b: [1e21, 0.1, 12345678901234567] }, m: 'x' };
      await store.append('exact', [newEvent(0, data)], { expectedRevision: -1 });
      const [stored] = await store.readStream('exact');
      expect(JSON.stringify(stored.data)).toBe(JSON.stringify(data));
      const { rows } = await raw.query('SELECT data FROM events WHERE stream_id = $1', ['exact']);
      expect(rows[0].data).toBe(JSON.stringify(data));
      expect(verifyChain(await readEverything(store)).ok).toBe(true);
    });

    it('given a new database, when several stores open it at once, then the schema is made once and all of them work', async () => {
      const fresh = await newDatabase();
      const stores = await Promise.all([1, 2, 3, 4].map(() => open(fresh)));
      await Promise.all(stores.map((s, i) => s.append(`own-${i}`, [newEvent(i)], { expectedRevision: -1 })));
      const all = await readEverything(stores[0]);
      expect(all.map((e) => e.position)).toEqual([1, 2, 3, 4]);
      expect(verifyChain(all).ok).toBe(true);
    });

    it('given a closed store, when the database is reopened through openStore, then the events are there and appends continue the chain', async () => {
      const before = await readEverything(store);
      const reopened = await openStore(url);
      opened.push(reopened);
      expect(await readEverything(reopened)).toEqual(before);
      await reopened.append('s', [newEvent(3)], { expectedRevision: 2 });
      const after = await readEverything(store);
      expect(after.slice(0, 3)).toEqual(before);
      expect(verifyChain(after)).toMatchObject({ ok: true, events: 4, head: await reopened.head() });
    });

    it('given a watcher on one instance that never polls, when another instance appends, then NOTIFY tells it', async () => {
      const watching = await open(url, { pollIntervalMs: 3_600_000 });
      const watched = watchCalls(watching);
      await watched.next(5000); // listening
      const told = watched.next(5000);
      await (await open(url)).append('s', [newEvent(3)], { expectedRevision: 2 });
      await told;
      expect(watched.calls()).toBe(2);
      expect((await watching.head()).position).toBe(4);
    });

    it('given a watcher, when a writer appends without NOTIFY, then the poll tells it', async () => {
      const watching = await open(url, { pollIntervalMs: 100 });
      const watched = watchCalls(watching);
      await watched.next(5000); // listening
      await sleep(300); // and polling
      const told = watched.next(5000);
      const head = await store.head();
      const event = { ...newEvent(3), position: 4, streamId: 'quiet', revision: 0 };
      await raw.query('INSERT INTO events VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
        event.position, event.eventId, event.type, event.streamId, event.revision,
        JSON.stringify(event.data), JSON.stringify(event.metadata), hashEvent(head.hash, event),
      ]);
      await told;
      expect(verifyChain(await readEverything(watching))).toMatchObject({ ok: true, events: 4 });
    });
  });

  describe('PostgreSQL store shared by processes', () => {
    const dirs: string[] = [];
    afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

    it('given two processes appending at once while a reader follows the log, when done, then positions are 1..N with no gap ever seen, no duplicate, and the chain holds', async () => {
      const url = await newDatabase();
      const dir = mkdtempSync(join(tmpdir(), 'jalon-pg-workers-'));
      dirs.push(dir);
      const goFile = join(dir, 'go');
      const count = 150;
      const workers = [startWorker(url, 'one', count, goFile), startWorker(url, 'two', count, goFile)];
      await Promise.all(workers.map((w) => w.ready));
      const reader = await open(url, { pollIntervalMs: 3_600_000 });
      const watched = watchCalls(reader);
      await watched.next(5000); // listening
      writeFileSync(goFile, '');
      let finished = false;
      const results = Promise.all(workers.map((w) => w.done)).finally(() => (finished = true));
      results.catch(() => undefined); // awaited below, after following the log
      const followed = await follow(reader, () => finished);
      const [one, two] = await results;

      const total = 2 * (count + count / 3);
      const all = await readEverything(reader);
      expect(all.map((e) => e.position)).toEqual(oneTo(total));
      expect([...one, ...two].sort((a, b) => a - b)).toEqual(oneTo(total));
      for (const own of [one, two]) expect(own).toEqual([...own].sort((a, b) => a - b));
      expect(verifyChain(all)).toMatchObject({ ok: true, events: total, head: await reader.head() });
      const shared = await reader.readStream('shared');
      expect(shared.map((e) => e.revision)).toEqual(Array.from({ length: (2 * count) / 3 }, (_, i) => i));
      expect(followed.seen).toEqual(oneTo(total));
      expect(followed.readsWithEvents).toBeGreaterThan(5);
      expect(watched.calls()).toBeGreaterThan(1); // told by the workers' NOTIFY, not only on listening
    });
  });
});

/**
 * Reads the log as a projector does, from its checkpoint, until `done()` and once more: every page
 * must continue exactly where the last one stopped, or a late commit was skipped.
 */
async function follow(store: EventStore, done: () => boolean) {
  const seen: number[] = [];
  let readsWithEvents = 0;
  for (let last = false; ; ) {
    const page = await store.readAll({ after: seen.length, limit: 1000 });
    const positions = page.map((e) => e.position);
    expect(positions).toEqual(positions.map((_, i) => seen.length + 1 + i));
    seen.push(...positions);
    if (page.length > 0) readsWithEvents += 1;
    if (last && page.length === 0) return { seen, readsWithEvents };
    last = last || done();
    await sleep(2);
  }
}
