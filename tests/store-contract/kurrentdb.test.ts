import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  openKurrentStore,
  openStore,
  verifyChain,
  type EventStore,
  type NewEvent,
} from '@jalon/event-store';
import { runStoreContract } from './contract.js';

// No KurrentDB server can run on these machines (no binary, no container runtime), so these tests
// run only against a server that JALON_TEST_KURRENTDB names, e.g.
//   JALON_TEST_KURRENTDB='kurrentdb://localhost:2113?tls=false'
// Each store gets its own namespace on that server, so the tests leave other data alone and need
// no cleanup beyond closing (the streams stay; use a throwaway server).
const url = process.env.JALON_TEST_KURRENTDB;
if (!url) {
  console.warn(
    '\n⚠ KurrentDB store tests SKIPPED: no KurrentDB server can run on these machines. ' +
      "Set JALON_TEST_KURRENTDB (e.g. kurrentdb://localhost:2113?tls=false) to run them against one.\n",
  );
}
const describeKurrent = url ? describe : describe.skip;

const namespace = () => `t${randomUUID().replaceAll('-', '')}`;

function newEvent(n: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'T',
    data: { n },
    metadata: { recordedAt: '2015-03-01T10:00:00.000Z', recordedBy: 'ana', schemaVersion: 1 },
  };
}

describeKurrent('KurrentDB', () => {
  const server = url as string;
  const opened: EventStore[] = [];
  const open = async (ns: string) => {
    const store = await openKurrentStore(server, { namespace: ns });
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });

  runStoreContract('KurrentDB', async () => {
    const store = await openKurrentStore(server, { namespace: namespace() });
    return { store, cleanup: () => store.close() };
  });

  it('given a namespace in the URL, when opened through openStore, then appends continue the log another instance wrote', async () => {
    const ns = namespace();
    const first = await open(ns);
    await first.append('s', [newEvent(0)], { expectedRevision: -1 });
    const separator = server.includes('?') ? '&' : '?';
    const second = await openStore(`${server}${separator}namespace=${ns}`);
    opened.push(second);
    await second.append('s', [newEvent(1)], { expectedRevision: 0 });
    const all = await first.readAll({ after: 0, limit: 10 });
    expect(all.map((e) => e.position)).toEqual([1, 2]);
    expect(verifyChain(all)).toMatchObject({ ok: true, head: await second.head() });
  });

  it('given two namespaces on one server, when each appends, then neither sees the other', async () => {
    const [a, b] = [await open(namespace()), await open(namespace())];
    await a.append('s', [newEvent(0)], { expectedRevision: -1 });
    expect(await b.readAll({ after: 0, limit: 10 })).toEqual([]);
    expect((await b.head()).position).toBe(0);
  });

  it('given two instances appending to other streams at once, when done, then positions are 1..N and the chain holds', async () => {
    const ns = namespace();
    const [a, b] = [await open(ns), await open(ns)];
    const loop = async (store: EventStore, name: string) => {
      for (let n = 0; n < 20; n++) await store.append(`own-${name}`, [newEvent(n)], { expectedRevision: n - 1 });
    };
    await Promise.all([loop(a, 'a'), loop(b, 'b')]);
    const all = await a.readAll({ after: 0, limit: 100 });
    expect(all.map((e) => e.position)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(verifyChain(all)).toMatchObject({ ok: true, events: 40 });
  });

  it('given no namespace, when appending outside the DOMAIN.md stream kinds, then it is refused before any write', async () => {
    const store = await openKurrentStore(server);
    opened.push(store);
    await expect(store.append('not-ours', [newEvent(0)], { expectedRevision: -1 })).rejects.toThrow(/outside the log/);
  });
});

// These need no server: they prove openStore routes kurrentdb:// and esdb:// URLs to this adapter.
describe('openStore with a KurrentDB URL', () => {
  it.each(['kurrentdb://127.0.0.1:1?tls=false', 'esdb://127.0.0.1:1?tls=false&namespace=n1'])(
    'given %s with nothing listening, when opened, then the KurrentDB client reports the server unavailable',
    async (unreachable) => {
      await expect(openStore(unreachable)).rejects.toThrow(/cannot reach KurrentDB.*unavailable/i);
    },
  );

  it('given a KurrentDB URL with a path or a bad namespace, when opened, then StoreUrlError before any connection', async () => {
    await expect(openStore('kurrentdb://127.0.0.1:1/jalon')).rejects.toMatchObject({ name: 'StoreUrlError' });
    await expect(openStore('esdb://127.0.0.1:1?namespace=a-b')).rejects.toMatchObject({ name: 'StoreUrlError' });
  });
});
