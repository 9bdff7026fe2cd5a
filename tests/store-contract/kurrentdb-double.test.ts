import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  openKurrentStoreWithClient,
  verifyChain,
  type EventEnvelope,
  type EventStore,
  type KurrentClient,
  type KurrentStoreOptions,
  type NewEvent,
} from '@jalon/event-store';
import { KurrentServerModel } from '../support/kurrentdb-double.js';
import { runStoreContract } from './contract.js';

// The KurrentDB adapter over a MODEL of a KurrentDB 25.1 server (tests/support/kurrentdb-double.ts):
// the contract suite, then one test per server behaviour the append protocol must survive. A real
// server is still needed to prove the model right: see kurrentdb.test.ts (JALON_TEST_KURRENTDB).

const NS = 'm';

async function open(server: KurrentServerModel, options: KurrentStoreOptions = {}): Promise<EventStore> {
  return openKurrentStoreWithClient(server.connect() as unknown as KurrentClient, { namespace: NS, ...options });
}

function newEvent(n: number, data: Record<string, unknown> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'T',
    data: { n, ...data },
    metadata: { recordedAt: '2015-03-01T10:00:00.000Z', recordedBy: 'ana', schemaVersion: 1 },
  };
}

async function everything(store: EventStore): Promise<EventEnvelope[]> {
  return store.readAll({ after: 0, limit: 100_000 });
}

runStoreContract('KurrentDB (model of a 25.1 server)', async () => {
  const server = new KurrentServerModel();
  const store = await open(server);
  return {
    store,
    cleanup: async () => {
      await store.close();
      // Every bridge read ran to its end, and every read the protocol made went to the leader.
      expect(server.openReads).toBe(0);
      expect(server.reads.filter((r) => !r.requiresLeader)).toEqual([]);
    },
  };
});

describe('KurrentDB adapter: the server version, read at open', () => {
  it.each(['24.10.0', '25.0.1.200', '23.10.2'])('given a server reporting %s, when opened, then it is refused and the message names 25.1', async (version) => {
    const server = new KurrentServerModel({ serverVersion: version });
    await expect(open(server)).rejects.toThrow(new RegExp(`KurrentDB 25\\.1 or later, and this is KurrentDB ${version.replaceAll('.', '\\.')}`));
    expect(server.reads).toEqual([]);
  });

  it('given a server that reports no version, when opened, then it is refused', async () => {
    await expect(open(new KurrentServerModel({ serverVersion: undefined }))).rejects.toThrow(/reports no version/);
  });

  it('given 25.1 and 26.0 servers, when opened, then they are used', async () => {
    for (const serverVersion of ['25.1.0.1234', '26.0.0']) {
      const store = await open(new KurrentServerModel({ serverVersion }));
      await store.append('s', [newEvent(0)], { expectedRevision: -1 });
      await store.close();
    }
  });

  it('given a server that cannot be reached, when opened, then the error says so', async () => {
    await expect(open(new KurrentServerModel({ unreachable: true }))).rejects.toThrow(/cannot reach KurrentDB.*Unavailable/);
  });
});

describe('KurrentDB adapter: unknown outcomes (timeouts, dropped duplicates)', () => {
  it('given an append still in flight when the client gives up, when its resend is dropped as a duplicate, then the append succeeds once', async () => {
    const server = new KurrentServerModel();
    const store = await open(server);
    server.faults.push('late-commit');
    const result = await store.append('s', [newEvent(0)], { expectedRevision: -1 });
    expect(result).toMatchObject({ position: 1, replayed: false });
    expect((await everything(store)).map((e) => e.eventId)).toEqual(result.eventIds);
    await store.close();
  });

  it('given an append committed whose reply is lost, when settled, then it succeeds once and is not written twice', async () => {
    const server = new KurrentServerModel();
    const store = await open(server);
    server.faults.push('lose-reply');
    await store.append('s', [newEvent(0)], { expectedRevision: -1 });
    await store.append('s', [newEvent(1)], { expectedRevision: 0 });
    expect((await everything(store)).map((e) => [e.position, e.revision])).toEqual([[1, 0], [2, 1]]);
    await store.close();
  });

  it('given an append the server lost, when settled, then the same commit is resent and lands', async () => {
    const server = new KurrentServerModel();
    const store = await open(server);
    server.faults.push('drop', 'drop');
    await store.append('s', [newEvent(0)], { expectedRevision: -1 });
    expect(server.appendSizes).toHaveLength(3);
    expect(await everything(store)).toHaveLength(1);
    await store.close();
  });

  it('given two processes racing while appends time out and duplicates are dropped, when done, then every append landed once, in one gap-free chain', async () => {
    const server = new KurrentServerModel({ followerLag: 3 });
    const [a, b] = [await open(server), await open(server)];
    server.faults.push('late-commit', 'drop', 'lose-reply', 'late-commit', 'lose-reply', 'drop', 'late-commit');
    const loop = async (store: EventStore, name: string) => {
      for (let n = 0; n < 12; n++) await store.append(`own-${name}`, [newEvent(n)], { expectedRevision: n - 1 });
    };
    await Promise.all([loop(a, 'a'), loop(b, 'b')]);
    const all = await everything(a);
    expect(all.map((e) => e.position)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(verifyChain(all)).toMatchObject({ ok: true, events: 24, head: await b.head() });
    expect(server.faults).toEqual([]);
    await Promise.all([a.close(), b.close()]);
  });

  it('given an append that never gets an answer, when attempts run out, then the error says it may still be committed, and a retry with its key is answered once it lands', async () => {
    const server = new KurrentServerModel();
    const store = await open(server, { unknownOutcomeAttempts: 1 });
    const claim = { scope: 'ana', key: 'k1', fingerprint: 'POST /x' };
    server.faults.push('late-commit');
    const event = newEvent(0);
    await expect(store.append('s', [event], { expectedRevision: -1, idempotency: claim })).rejects.toThrow(/may still be committed/);
    await new Promise((resolve) => setTimeout(resolve, server.deadlineMs * 3));
    const retried = await store.append('s', [newEvent(0)], { expectedRevision: -1, idempotency: claim });
    expect(retried).toEqual({ eventIds: [event.eventId], position: 1, replayed: true });
    await store.close();
  });
});

describe('KurrentDB adapter: a lagging follower', () => {
  it('given a follower behind the leader, when a read does not ask for the leader, then it is stale (the model lags)', async () => {
    const server = new KurrentServerModel({ followerLag: 1 });
    const store = await open(server);
    await store.append('s', [newEvent(0)], { expectedRevision: -1 });
    const client = server.connect();
    const stale = [];
    for await (const r of client.readAll({ requiresLeader: false })) stale.push(r);
    expect(stale).toEqual([]);
    await store.close();
  });

  it('given stores in two processes alternating on one stream, when each decides from its reads, then every decision sees the last commit', async () => {
    const server = new KurrentServerModel({ followerLag: 5 });
    const [a, b] = [await open(server), await open(server)];
    const claim = (n: number) => ({ scope: 'ana', key: `k${n}`, fingerprint: `f${n}` });
    for (let n = 0; n < 10; n++) {
      const store = n % 2 === 0 ? a : b;
      await store.append('shared', [newEvent(n)], { expectedRevision: n - 1, idempotency: claim(n) });
      expect(await (n % 2 === 0 ? b : a).findIdempotency('ana', `k${n}`)).toMatchObject({ position: n + 1 });
    }
    expect(await b.head()).toEqual({ position: 10, hash: (await a.readStream('shared'))[9].hash });
    expect(server.reads.length).toBeGreaterThan(0);
    expect(server.reads.filter((r) => !r.requiresLeader)).toEqual([]);
    await Promise.all([a.close(), b.close()]);
  });
});

describe("KurrentDB adapter: the server's append size limit", () => {
  const big = (n: number) => newEvent(n, { text: 'x'.repeat(10_000) });

  it('given an export of about 3 MB over three interleaved streams, when imported, then it goes in commits filled up to 1 MiB, and reads back whole', async () => {
    const source = await open(new KurrentServerModel());
    for (let n = 0; n < 300; n++) await source.append(`s${n % 3}`, [big(n)], { expectedRevision: Math.floor(n / 3) - 1 });
    const exported = await everything(source);
    const server = new KurrentServerModel();
    const target = await open(server);
    await target.importLog(exported);
    expect(server.appendSizes).toHaveLength(4);
    expect(Math.max(...server.appendSizes)).toBeLessThanOrEqual(1024 * 1024);
    expect(Math.min(...server.appendSizes.slice(0, 3))).toBeGreaterThan(1000 * 1000);
    expect(await everything(target)).toEqual(exported);
    await Promise.all([source.close(), target.close()]);
  });

  it('given one append over 1 MiB, when appended, then it is refused before anything is sent', async () => {
    const server = new KurrentServerModel();
    const store = await open(server);
    const events = Array.from({ length: 120 }, (_, n) => big(n));
    await expect(store.append('s', events, { expectedRevision: -1 })).rejects.toThrow(/append limit of 1048576/);
    expect(server.appendSizes).toEqual([]);
    expect(await store.head()).toEqual({ position: 0, hash: GENESIS_HASH });
    await store.close();
  });

  it('given a server whose limit is lower than the adapter was told, when the server refuses, then a RangeError and nothing written', async () => {
    const server = new KurrentServerModel({ maxAppendSize: 20_000 });
    const store = await open(server);
    await expect(store.append('s', [big(0), big(1)], { expectedRevision: -1 })).rejects.toThrow(/refused this append as too large/);
    expect(await store.head()).toEqual({ position: 0, hash: GENESIS_HASH });
    await store.close();
  });
});

describe('KurrentDB adapter: one atomic commit per append', () => {
  it('given an event id already in the log, when appended with new events to another stream, then no stream of the commit is written', async () => {
    const server = new KurrentServerModel();
    const store = await open(server);
    const event = newEvent(0);
    await store.append('a', [event], { expectedRevision: -1 });
    const streams = server.streamNames();
    await expect(store.append('b', [newEvent(1), event], { expectedRevision: -1 })).rejects.toThrow(/already in the log/);
    expect(server.streamNames()).toEqual(streams);
    await store.close();
  });

  it('given two processes sending the same request with one key at once, when both run, then one appends and the other is answered by it', async () => {
    const server = new KurrentServerModel();
    const [a, b] = [await open(server), await open(server)];
    const claim = { scope: 'ana', key: 'k', fingerprint: 'POST /csos {"csoId":"c1"}' };
    const results = await Promise.all([a, b].map((store) => store.append('c1', [newEvent(0)], { expectedRevision: -1, idempotency: claim })));
    expect(results.map((r) => r.replayed).sort()).toEqual([false, true]);
    expect(results[0].eventIds).toEqual(results[1].eventIds);
    expect(await everything(a)).toHaveLength(1);
    await Promise.all([a.close(), b.close()]);
  });

  it('given an append, when written, then the server got exactly one request for it', async () => {
    const server = new KurrentServerModel();
    const store = await open(server);
    await store.append('a', [newEvent(0), newEvent(1)], { expectedRevision: -1, idempotency: { scope: 'u', key: 'k', fingerprint: 'f' } });
    expect(server.appendSizes).toHaveLength(1);
    await store.close();
  });
});

describe('KurrentDB adapter: reads', () => {
  async function seeded(count: number) {
    const server = new KurrentServerModel();
    const store = await open(server);
    for (let n = 0; n < count; n++) await store.append(`s${n % 2}`, [newEvent(n)], { expectedRevision: Math.floor(n / 2) - 1 });
    server.reads.length = 0;
    return { server, store };
  }

  it('given a log, when asking for the head, then one backwards read of the head stream answers, and no $all read', async () => {
    const { server, store } = await seeded(20);
    expect((await store.head()).position).toBe(20);
    expect(server.reads).toEqual([{ kind: 'stream', stream: 'jalon-head-m', maxCount: 1, requiresLeader: true, direction: 'backwards' }]);
    await store.close();
  });

  it('given 20 events, when paging by 7, then each $all read asks for the page (and the one event it resumes at)', async () => {
    const { server, store } = await seeded(20);
    const positions: number[] = [];
    for (let page = await store.readAll({ after: 0, limit: 7 }); page.length > 0; ) {
      positions.push(...page.map((e) => e.position));
      page = await store.readAll({ after: page[page.length - 1].position, limit: 7 });
    }
    expect(positions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(server.reads.map((r) => r.maxCount)).toEqual([7, 8, 8, 8]);
    await store.close();
  });

  it('given appends interleaving streams in one commit, when the log is paged by 2 from every place, then events come in position order and the chain holds', async () => {
    const server = new KurrentServerModel();
    const store = await open(server);
    const streams = ['a', 'b', 'a', 'c', 'b', 'a', 'c'];
    await store.appendMany(streams.map((streamId, n) => ({ ...newEvent(n), streamId })), { expectedRevisions: { a: -1, b: -1, c: -1 } });
    await store.appendMany(['c', 'a', 'c'].map((streamId, n) => ({ ...newEvent(n), streamId })), { expectedRevisions: { a: 2, c: 1 } });
    const paged: EventEnvelope[] = [];
    for (let page = await store.readAll({ after: 0, limit: 2 }); page.length > 0; ) {
      paged.push(...page);
      page = await store.readAll({ after: page[page.length - 1].position, limit: 2 });
    }
    expect(paged.map((e) => e.position)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(paged.map((e) => e.streamId).join('')).toBe('abacbaccac');
    expect(verifyChain(paged)).toMatchObject({ ok: true, events: 10 });
    for (let after = 0; after < 10; after++) {
      expect((await store.readAll({ after, limit: 3 })).map((e) => e.position)).toEqual(paged.slice(after, after + 3).map((e) => e.position));
    }
    await store.close();
  });

  it('given a read of one event, when done, then it asked for one', async () => {
    const { server, store } = await seeded(5);
    expect((await store.readAll({ after: 0, limit: 1 })).map((e) => e.position)).toEqual([1]);
    expect(server.reads.map((r) => r.maxCount)).toEqual([1]);
    await store.close();
  });

  it('given a bridge read left early, when counted, then it stays open (the model keeps what the bridge does), and the adapter leaves none', async () => {
    const { server, store } = await seeded(3);
    for await (const _ of server.connect().readAll({ requiresLeader: true })) break;
    expect(server.openReads).toBe(1);
    await store.readAll({ after: 0, limit: 2 });
    await store.findEvent((await store.readStream('s0'))[0].eventId);
    await store.head();
    expect(server.openReads).toBe(1);
    await store.close();
  });
});

describe('KurrentDB adapter: close', () => {
  it('given an append in flight, when closed, then the append finishes, the client is disposed, and later calls are refused', async () => {
    const server = new KurrentServerModel();
    const store = await open(server);
    const stop = store.watch(() => undefined);
    server.faults.push('late-commit');
    const appending = store.append('s', [newEvent(0)], { expectedRevision: -1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.close();
    await expect(appending).resolves.toMatchObject({ position: 1 });
    expect(server.clients[0].disposed).toBe(true);
    await expect(store.head()).rejects.toThrow(/closed/);
    expect(() => store.watch(() => undefined)()).not.toThrow();
    stop();
  });
});
