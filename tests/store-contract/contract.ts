import { createHash, randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ChainBrokenError,
  GENESIS_HASH,
  IdempotencyConflictError,
  StoreNotEmptyError,
  WrongExpectedRevisionError,
  formatNdjsonLine,
  hashEvent,
  verifyChain,
  type EventEnvelope,
  type EventStore,
  type NewEvent,
} from '@jalon/event-store';

import { defineFilterTests } from './filters.js';

export interface StoreUnderTest {
  store: EventStore;
  cleanup(): Promise<void>;
}

let clock = Date.UTC(2015, 2, 1);

/** A new event with a fresh id; metadata carries commandId only when given. */
function newEvent(type: string, data: Record<string, unknown> = {}, commandId?: string): NewEvent {
  clock += 1000;
  const metadata = { recordedAt: new Date(clock).toISOString(), recordedBy: 'ana', schemaVersion: 1 };
  return { eventId: randomUUID(), type, data, metadata: commandId ? { ...metadata, commandId } : metadata };
}

async function readEverything(store: EventStore): Promise<EventEnvelope[]> {
  const all: EventEnvelope[] = [];
  for (let page = await store.readAll({ after: 0, limit: 7 }); page.length > 0; ) {
    all.push(...page);
    page = await store.readAll({ after: page[page.length - 1].position, limit: 7 });
  }
  return all;
}

/**
 * The behaviour every EventStore adapter owes its callers (DOMAIN.md "Envelope" and "Integrity",
 * DESIGN.md "One port, several stores"). `factory` gives a fresh, empty store each time.
 */
export function runStoreContract(name: string, factory: () => Promise<StoreUnderTest>): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: EventStore;
    const extra: StoreUnderTest[] = [];
    const another = async (): Promise<EventStore> => {
      const made = await factory();
      extra.push(made);
      return made.store;
    };

    beforeEach(async () => {
      subject = await factory();
      store = subject.store;
    });
    afterEach(async () => {
      for (const made of extra.splice(0)) await made.cleanup();
      await subject.cleanup();
    });

    describe('appending', () => defineAppendTests(() => store));
    describe('appending to several streams at once', () => defineAppendManyTests(() => store));
    describe('idempotency', () => defineIdempotencyTests(() => store));
    describe('reading', () => defineReadTests(() => store));
    describe('filtering (the log browser)', () => defineFilterTests(() => store));
    describe('hash chain', () => defineChainTests(() => store));
    describe('import', () => defineImportTests(() => store, another));
    describe('watching and concurrency', () => defineWatchTests(() => store));
    describe('concurrent appends (group commit)', () => defineGroupTests(() => store));
  });
}

function defineAppendManyTests(current: () => EventStore): void {
  it('given events for three streams interleaved, when appended at once, then positions follow the order given and revisions count per stream', async () => {
    const store = current();
    await store.append('case-a', [newEvent('VictimIdentified')], { expectedRevision: -1 });
    const entries = [
      { ...newEvent('VictimIdentified'), streamId: 'case-b' },
      { ...newEvent('AssistanceProvided'), streamId: 'case-a' },
      { ...newEvent('AssistanceProvided'), streamId: 'case-b' },
      { ...newEvent('VictimIdentified'), streamId: 'case-c' },
    ];
    const result = await store.appendMany(entries, { expectedRevisions: { 'case-a': 0, 'case-b': -1, 'case-c': -1 } });
    expect(result).toEqual({ eventIds: entries.map((e) => e.eventId), position: 5, replayed: false });
    const all = await store.readAll({ after: 0, limit: 10 });
    expect(all.map((e) => [e.position, e.streamId, e.revision])).toEqual([
      [1, 'case-a', 0],
      [2, 'case-b', 0],
      [3, 'case-a', 1],
      [4, 'case-b', 1],
      [5, 'case-c', 0],
    ]);
    expect(verifyChain(all).ok).toBe(true);
  });

  it('given one stream of three not at its expected revision, when appending at once, then WrongExpectedRevisionError names it and nothing at all is written', async () => {
    const store = current();
    await store.append('case-a', [newEvent('VictimIdentified')], { expectedRevision: -1 });
    const head = await store.head();
    const entries = [
      { ...newEvent('VictimIdentified'), streamId: 'case-b' },
      { ...newEvent('AssistanceProvided'), streamId: 'case-a' },
    ];
    const attempt = store.appendMany(entries, { expectedRevisions: { 'case-a': -1, 'case-b': -1 } });
    await expect(attempt).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', streamId: 'case-a', actual: 0 });
    expect(await store.head()).toEqual(head);
    expect(await store.readStream('case-b')).toEqual([]);
  });

  it('given a stream without an expected revision, or a revision for a stream without events, or no events, when appending at once, then it is refused before anything is written', async () => {
    const store = current();
    const one = [{ ...newEvent('VictimIdentified'), streamId: 'case-a' }];
    await expect(store.appendMany(one, { expectedRevisions: {} })).rejects.toThrow(/no expected revision/);
    await expect(store.appendMany(one, { expectedRevisions: { 'case-a': -1, 'case-z': -1 } })).rejects.toThrow(/gets no event/);
    await expect(store.appendMany([], { expectedRevisions: {} })).rejects.toThrow();
    expect((await store.head()).position).toBe(0);
  });

  it('given a multi-stream append with a key, when it comes again, then the first answer is replayed and nothing is appended; another body is a conflict', async () => {
    const store = current();
    const entries = [
      { ...newEvent('CsoMapped'), streamId: 'cso-a' },
      { ...newEvent('CsoMapped'), streamId: 'cso-b' },
    ];
    const claim = { scope: 'ana', key: 'sheet-1', fingerprint: 'f1' };
    const first = await store.appendMany(entries, { expectedRevisions: { 'cso-a': -1, 'cso-b': -1 }, idempotency: claim });
    const again = await store.appendMany(entries, { expectedRevisions: { 'cso-a': -1, 'cso-b': -1 }, idempotency: claim });
    expect(again).toEqual({ ...first, replayed: true });
    const other = store.appendMany([{ ...newEvent('CsoMapped'), streamId: 'cso-c' }], { expectedRevisions: { 'cso-c': -1 }, idempotency: { ...claim, fingerprint: 'f2' } });
    await expect(other).rejects.toBeInstanceOf(IdempotencyConflictError);
    expect((await store.head()).position).toBe(2);
  });
}

function defineAppendTests(current: () => EventStore): void {
  it('given a new stream, when appending with expected revision -1, then the event gets revision 0 at position 1', async () => {
    const store = current();
    const event = newEvent('CsoMapped', { csoId: 'c1' });
    const result = await store.append('cso-c1', [event], { expectedRevision: -1 });
    expect(result).toEqual({ eventIds: [event.eventId], position: 1, replayed: false });
    const [stored] = await store.readStream('cso-c1');
    expect(stored).toMatchObject({ ...event, position: 1, streamId: 'cso-c1', revision: 0 });
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('given a stream at revision 0, when appending with a wrong expected revision, then it is refused and nothing is written', async () => {
    const store = current();
    await store.append('cso-c1', [newEvent('CsoMapped')], { expectedRevision: -1 });
    const head = await store.head();
    for (const expectedRevision of [-1, 1, 5]) {
      const attempt = store.append('cso-c1', [newEvent('CsoCapacityAssessed')], { expectedRevision });
      await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(attempt).rejects.toMatchObject({ streamId: 'cso-c1', expected: expectedRevision, actual: 0 });
    }
    expect(await store.head()).toEqual(head);
    expect(await store.readStream('cso-c1')).toHaveLength(1);
  });

  it('given a stream that does not exist, when appending with expected revision 0, then it is refused', async () => {
    const attempt = current().append('case-x', [newEvent('AssistanceProvided')], { expectedRevision: 0 });
    await expect(attempt).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', actual: -1 });
    expect((await current().head()).position).toBe(0);
  });

  it('given appends to two streams in turn, when read, then revisions count per stream and positions are gap-free across streams', async () => {
    const store = current();
    await store.append('cso-a', [newEvent('CsoMapped')], { expectedRevision: -1 });
    await store.append('cso-b', [newEvent('CsoMapped')], { expectedRevision: -1 });
    await store.append('cso-a', [newEvent('CsoCapacityAssessed')], { expectedRevision: 0 });
    await store.append('cso-b', [newEvent('CsoCapacityAssessed')], { expectedRevision: 0 });
    await store.append('cso-a', [newEvent('PartnershipAgreementSigned')], { expectedRevision: 1 });
    const all = await store.readAll({ after: 0, limit: 100 });
    expect(all.map((e) => [e.position, e.streamId, e.revision])).toEqual([
      [1, 'cso-a', 0],
      [2, 'cso-b', 0],
      [3, 'cso-a', 1],
      [4, 'cso-b', 1],
      [5, 'cso-a', 2],
    ]);
  });

  it('given several events in one append, when read, then they take consecutive positions and revisions and the result names the last position', async () => {
    const store = current();
    await store.append('other', [newEvent('CsoMapped')], { expectedRevision: -1 });
    const events = [newEvent('VictimIdentified'), newEvent('AssistanceProvided'), newEvent('CaseClosed')];
    const result = await store.append('case-1', events, { expectedRevision: -1 });
    expect(result).toEqual({ eventIds: events.map((e) => e.eventId), position: 4, replayed: false });
    const stream = await store.readStream('case-1');
    expect(stream.map((e) => [e.eventId, e.position, e.revision])).toEqual([
      [events[0].eventId, 2, 0],
      [events[1].eventId, 3, 1],
      [events[2].eventId, 4, 2],
    ]);
  });

  it('given no events, when appending, then it is refused and nothing is written', async () => {
    await expect(current().append('cso-a', [], { expectedRevision: -1 })).rejects.toThrow();
    expect((await current().head()).position).toBe(0);
  });

  it('given an event id already in the log, when appending it again, then the whole append is refused', async () => {
    const store = current();
    const event = newEvent('CsoMapped');
    await store.append('cso-a', [event], { expectedRevision: -1 });
    const attempt = store.append('cso-b', [newEvent('CsoMapped'), event], { expectedRevision: -1 });
    await expect(attempt).rejects.toThrow();
    expect(await store.readStream('cso-b')).toEqual([]);
    expect((await store.head()).position).toBe(1);
  });

  it('given data with nesting, unicode and numbers and metadata without a commandId, when read back, then both round-trip exactly', async () => {
    const store = current();
    const data = { name: 'Association Tanmia – Fès', scores: { governance: 4, finance: 1 }, list: [0.5, -3, 'é', true, null], e: 1e21 };
    const event = newEvent('CsoMapped', data);
    await store.append('cso-u', [event], { expectedRevision: -1 });
    const [stored] = await store.readStream('cso-u');
    expect(stored.data).toStrictEqual(data);
    expect(JSON.stringify(stored.data)).toBe(JSON.stringify(data));
    expect(stored.metadata).toStrictEqual(event.metadata);
    expect('commandId' in stored.metadata).toBe(false);
  });
}

function defineIdempotencyTests(current: () => EventStore): void {
  const claim = { scope: 'ana', key: 'key-1', fingerprint: 'POST /csos {"csoId":"c1"}' };

  it('given an append with a key, when the same request comes again, then the first answer is replayed and nothing is appended', async () => {
    const store = current();
    const first = await store.append('cso-c1', [newEvent('CsoMapped', {}, 'key-1')], { expectedRevision: -1, idempotency: claim });
    const again = await store.append('cso-c1', [newEvent('CsoMapped', {}, 'key-1')], { expectedRevision: -1, idempotency: claim });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await store.findIdempotency('ana', 'key-1')).toEqual({
      fingerprint: claim.fingerprint,
      eventIds: first.eventIds,
      position: first.position,
    });
    expect((await store.head()).position).toBe(1);
    expect((await store.readStream('cso-c1'))[0].metadata.commandId).toBe('key-1');
  });

  it('given a key already used, when another request uses it, then IdempotencyConflictError and nothing is appended', async () => {
    const store = current();
    await store.append('cso-c1', [newEvent('CsoMapped')], { expectedRevision: -1, idempotency: claim });
    const other = { ...claim, fingerprint: 'POST /csos {"csoId":"c2"}' };
    const attempt = store.append('cso-c2', [newEvent('CsoMapped')], { expectedRevision: -1, idempotency: other });
    await expect(attempt).rejects.toBeInstanceOf(IdempotencyConflictError);
    expect((await store.head()).position).toBe(1);
  });

  it('given a key used by one user, when another user sends the same key, then their append goes ahead', async () => {
    const store = current();
    await store.append('cso-c1', [newEvent('CsoMapped')], { expectedRevision: -1, idempotency: claim });
    const result = await store.append('cso-c2', [newEvent('CsoMapped')], {
      expectedRevision: -1,
      idempotency: { ...claim, scope: 'omar' },
    });
    expect(result).toMatchObject({ position: 2, replayed: false });
    expect(await store.findIdempotency('omar', 'key-1')).toMatchObject({ position: 2 });
    expect(await store.findIdempotency('nobody', 'key-1')).toBeUndefined();
  });

  it('given an append refused for a wrong revision, when it is retried with the same key, then the key was not claimed', async () => {
    const store = current();
    const wrong = store.append('cso-c1', [newEvent('CsoMapped')], { expectedRevision: 3, idempotency: claim });
    await expect(wrong).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.findIdempotency('ana', 'key-1')).toBeUndefined();
    const retried = await store.append('cso-c1', [newEvent('CsoMapped')], { expectedRevision: -1, idempotency: claim });
    expect(retried.replayed).toBe(false);
  });
}

/** Six events: streams a and b alternate, types alternate T/U, in that order. */
async function seedSix(store: EventStore): Promise<void> {
  const revisions = new Map<string, number>();
  for (let i = 0; i < 6; i++) {
    const streamId = i % 2 === 0 ? 'a' : 'b';
    const type = i < 3 ? 'T' : 'U';
    const expectedRevision = revisions.get(streamId) ?? -1;
    await store.append(streamId, [newEvent(type, { i })], { expectedRevision });
    revisions.set(streamId, expectedRevision + 1);
  }
}

function defineReadTests(current: () => EventStore): void {
  const positions = (events: EventEnvelope[]) => events.map((e) => e.position);

  it('given six events, when paging the log by after and limit, then pages come in position order without overlap', async () => {
    await seedSix(current());
    expect(positions(await current().readAll({ after: 0, limit: 4 }))).toEqual([1, 2, 3, 4]);
    expect(positions(await current().readAll({ after: 4, limit: 4 }))).toEqual([5, 6]);
    expect(await current().readAll({ after: 6, limit: 4 })).toEqual([]);
    expect(await current().readAll({ after: 2, limit: 0 })).toEqual([]);
  });

  it('given six events, when reading the log filtered by type, stream or both, then only matching events come, in order', async () => {
    await seedSix(current());
    expect(positions(await current().readAll({ after: 0, limit: 10, types: ['U'] }))).toEqual([4, 5, 6]);
    expect(positions(await current().readAll({ after: 0, limit: 10, streamId: 'b' }))).toEqual([2, 4, 6]);
    expect(positions(await current().readAll({ after: 2, limit: 10, streamId: 'a' }))).toEqual([3, 5]);
    expect(positions(await current().readAll({ after: 0, limit: 2, types: ['U'], streamId: 'a' }))).toEqual([5]);
    expect(positions(await current().readAll({ after: 0, limit: 1, types: ['T'] }))).toEqual([1]);
  });

  it('given six events, when reading one stream, then its events come in revision order and an unknown stream is empty', async () => {
    await seedSix(current());
    const stream = await current().readStream('a');
    expect(stream.map((e) => [e.revision, e.position, e.data])).toEqual([
      [0, 1, { i: 0 }],
      [1, 3, { i: 2 }],
      [2, 5, { i: 4 }],
    ]);
    expect(await current().readStream('nope')).toEqual([]);
  });

  it('given an appended event, when found by its id, then the same envelope comes back, and an unknown id gives undefined', async () => {
    await seedSix(current());
    const [third] = await current().readAll({ after: 2, limit: 1 });
    expect(await current().findEvent(third.eventId)).toEqual(third);
    expect(await current().findEvent(randomUUID())).toBeUndefined();
  });

  it('given an empty store, when asking for the head, then it is position 0 and the genesis hash, and after appends the last event', async () => {
    expect(await current().head()).toEqual({ position: 0, hash: GENESIS_HASH });
    await seedSix(current());
    const [last] = await current().readAll({ after: 5, limit: 1 });
    expect(await current().head()).toEqual({ position: 6, hash: last.hash });
  });
}

/** DOMAIN.md "Integrity" recomputed with nothing of ours: node:crypto over canonicalize. */
function independentHash(previous: string, e: EventEnvelope): string {
  const { position, eventId, type, streamId, revision, data, metadata } = e;
  const canonical = canonicalize({ position, eventId, type, streamId, revision, data, metadata });
  return createHash('sha256').update(previous + canonical).digest('hex');
}

function defineChainTests(current: () => EventStore): void {
  it('given appends with and without a commandId, when the log is verified, then the chain holds up to the store head', async () => {
    const store = current();
    await seedSix(store);
    await store.append('c', [newEvent('T', { x: 1 }, 'k'), newEvent('T', { y: [1, 2] })], { expectedRevision: -1 });
    const all = await readEverything(store);
    expect(verifyChain(all)).toMatchObject({ ok: true, events: 8, head: await store.head() });
  });

  it('given appended events, when each hash is recomputed independently, then it equals the stored hash and hashEvent', async () => {
    const store = current();
    await seedSix(store);
    let previous = GENESIS_HASH;
    for (const event of await readEverything(store)) {
      expect(event.hash).toBe(independentHash(previous, event));
      expect(event.hash).toBe(hashEvent(previous, event));
      previous = event.hash;
    }
    expect(previous).toBe((await store.head()).hash);
  });
}

function defineImportTests(current: () => EventStore, another: () => Promise<EventStore>): void {
  it('given an exported log, when imported into an empty store, then every envelope is kept byte for byte with the same head', async () => {
    const source = current();
    await seedSix(source);
    await source.append('c', [newEvent('T', { s: 'é', n: 0.1 }, 'k-9')], { expectedRevision: -1 });
    const exported = (await readEverything(source)).map(formatNdjsonLine);
    const target = await another();
    await target.importLog(exported.map((line) => JSON.parse(line) as EventEnvelope));
    expect((await readEverything(target)).map(formatNdjsonLine)).toEqual(exported);
    expect(await target.head()).toEqual(await source.head());
    expect(await target.readStream('a')).toEqual(await source.readStream('a'));
  });

  it('given an import with the idempotency records of its log, when a key is retried, then the first answer is replayed, and another request is refused', async () => {
    const source = current();
    const claim = { scope: 'ana', key: 'key-7', fingerprint: 'f'.repeat(64) };
    const first = await source.append('cso-c7', [newEvent('CsoMapped', {}, 'key-7')], { expectedRevision: -1, idempotency: claim });
    const target = await another();
    await target.importLog(await readEverything(source), [{ ...claim, eventIds: first.eventIds, position: first.position }]);
    expect(await target.findIdempotency('ana', 'key-7')).toEqual({ fingerprint: claim.fingerprint, eventIds: first.eventIds, position: 1 });
    const again = await target.append('cso-c7', [newEvent('CsoMapped', {}, 'key-7')], { expectedRevision: 0, idempotency: claim });
    expect(again).toEqual({ ...first, replayed: true });
    await expect(
      target.append('cso-c8', [newEvent('CsoMapped', {}, 'key-7')], { expectedRevision: -1, idempotency: { ...claim, fingerprint: 'e'.repeat(64) } }),
    ).rejects.toBeInstanceOf(IdempotencyConflictError);
    expect((await target.head()).position).toBe(1);
    expect(await target.findIdempotency('bob', 'key-7')).toBeUndefined();
  });

  it('given a store that holds events, when importing, then StoreNotEmptyError and nothing is written', async () => {
    const store = current();
    await seedSix(store);
    const log = await readEverything(store);
    await expect(store.importLog(log)).rejects.toBeInstanceOf(StoreNotEmptyError);
    expect((await store.head()).position).toBe(6);
  });

  it('given an export with event 4 altered, when imported, then ChainBrokenError names place 4 and nothing is written', async () => {
    const source = current();
    await seedSix(source);
    const log = await readEverything(source);
    log[3] = { ...log[3], data: { i: 99 } };
    const target = await another();
    await expect(target.importLog(log)).rejects.toBeInstanceOf(ChainBrokenError);
    await expect(target.importLog(log)).rejects.toMatchObject({ position: 4 });
    expect(await target.head()).toEqual({ position: 0, hash: GENESIS_HASH });
  });

  it('given an intact chain whose stream revisions skip, when imported, then ChainBrokenError names the place and nothing is written', async () => {
    const forged: EventEnvelope[] = [];
    let previous = GENESIS_HASH;
    for (const [index, revision] of [0, 1, 3].entries()) {
      const base = { ...newEvent('T'), position: index + 1, streamId: 's', revision };
      previous = hashEvent(previous, base);
      forged.push({ ...base, hash: previous });
    }
    expect(verifyChain(forged).ok).toBe(true);
    await expect(current().importLog(forged)).rejects.toMatchObject({ name: 'ChainBrokenError', position: 3 });
    expect((await current().head()).position).toBe(0);
  });
}

function defineWatchTests(current: () => EventStore): void {
  it('given a watcher, when an event is appended, then it is told, and once stopped it is not', async () => {
    const store = current();
    let calls = 0;
    let told!: () => void;
    const toldOnce = new Promise<void>((resolve) => (told = resolve));
    const stop = store.watch(() => {
      calls += 1;
      told();
    });
    await store.append('a', [newEvent('T')], { expectedRevision: -1 });
    await toldOnce;
    stop();
    const before = calls;
    await store.append('a', [newEvent('T')], { expectedRevision: 0 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(calls).toBe(before);
  });

  it('given two appends racing on one stream with the same expected revision, when both run, then exactly one wins', async () => {
    const store = current();
    await store.append('case-r', [newEvent('VictimIdentified')], { expectedRevision: -1 });
    const outcomes = await Promise.allSettled(
      [1, 2, 3].map(() => store.append('case-r', [newEvent('AssistanceProvided')], { expectedRevision: 0 })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(losers.map((o) => o.reason)).toEqual([expect.any(WrongExpectedRevisionError), expect.any(WrongExpectedRevisionError)]);
    expect(await store.readStream('case-r')).toHaveLength(2);
  });
}

const settledAs = (o: PromiseSettledResult<unknown>) => (o.status === 'fulfilled' ? 'ok' : (o.reason as Error).name);

async function expectWholeLog(store: EventStore, length: number): Promise<void> {
  const log = await readEverything(store);
  expect(log.map((e) => e.position)).toEqual(Array.from({ length }, (_, i) => i + 1));
  expect(verifyChain(log).ok).toBe(true);
}

/**
 * Appends sent at once (which group-committing adapters put in one transaction) are each decided
 * as if alone and in turn: each keeps its own expected-revision check, key and refusal.
 */
function defineGroupTests(current: () => EventStore): void {
  it('given 5 streams at revision 0, when 50 appends race (8 on each expecting revision 0, and 10 to new streams), then one per stream wins and the rest are refused', async () => {
    const store = current();
    const streams = ['g1', 'g2', 'g3', 'g4', 'g5'];
    for (const s of streams) await store.append(s, [newEvent('VictimIdentified')], { expectedRevision: -1 });
    const racing = streams.flatMap((s) => Array.from({ length: 8 }, () => store.append(s, [newEvent('AssistanceProvided')], { expectedRevision: 0 })));
    const fresh = Array.from({ length: 10 }, (_, i) => store.append(`new-${i}`, [newEvent('CsoMapped')], { expectedRevision: -1 }));
    const outcomes = await Promise.allSettled([...racing, ...fresh]);

    for (const [i, s] of streams.entries()) {
      const mine = outcomes.slice(i * 8, i * 8 + 8).map(settledAs);
      expect(mine.filter((o) => o === 'ok'), `stream ${s}`).toHaveLength(1);
      expect(mine.filter((o) => o === 'WrongExpectedRevisionError'), `stream ${s}`).toHaveLength(7);
      expect((await store.readStream(s)).map((e) => e.revision)).toEqual([0, 1]);
    }
    const loser = outcomes.slice(0, 8).find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ expected: 0, actual: 1 });
    expect(outcomes.slice(40).map(settledAs)).toEqual(Array(10).fill('ok'));
    await expectWholeLog(store, 5 + 5 + 10);
  });

  it('given one append among many that repeats an event id of the log, when they run at once, then only it is refused and the others are written', async () => {
    const store = current();
    const old = newEvent('CsoMapped');
    await store.append('old', [old], { expectedRevision: -1 });
    const good = (i: number) => store.append(`ok-${i}`, [newEvent('CsoMapped')], { expectedRevision: -1 });
    const outcomes = await Promise.allSettled([good(0), good(1), store.append('bad', [newEvent('CsoMapped'), old], { expectedRevision: -1 }), good(2), good(3)]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(await store.readStream('bad')).toEqual([]);
    await expectWholeLog(store, 5);
  });

  it('given 10 retries of one request with its key sent at once and one other body under that key, then one is appended, the retries get its answer and the other body a conflict', async () => {
    const store = current();
    const claim = { scope: 'ana', key: 'storm', fingerprint: 'POST /csos {"csoId":"s"}' };
    const send = (fingerprint: string) => store.append('cso-s', [newEvent('CsoMapped', {}, 'storm')], { expectedRevision: -1, idempotency: { ...claim, fingerprint } });
    const outcomes = await Promise.allSettled([...Array.from({ length: 5 }, () => send(claim.fingerprint)), send('POST /csos {"csoId":"x"}'), ...Array.from({ length: 5 }, () => send(claim.fingerprint))]);
    const answers = outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<{ eventIds: string[]; position: number; replayed: boolean }>).value);
    expect(answers).toHaveLength(10);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(new Set(answers.map((a) => JSON.stringify([a.eventIds, a.position])))).toEqual(new Set([JSON.stringify([answers[0].eventIds, 1])]));
    expect(settledAs(outcomes[5])).toBe('IdempotencyConflictError');
    await expectWholeLog(store, 1);
  });
}

/**
 * Group-committing adapters (SQLite, PostgreSQL) decide appends sent at once in the order they
 * were sent, so an append may expect the revision that the one sent just before it leaves.
 */
export function runGroupOrderTest(name: string, factory: () => Promise<StoreUnderTest>): void {
  it(`${name}: given appends sent at once whose expected revisions follow each other, when they run, then all are accepted in the order sent`, async () => {
    const { store, cleanup } = await factory();
    try {
      const results = await Promise.all([-1, 0, 1, 2].map((rev) => store.append('chain', [newEvent('T', { rev })], { expectedRevision: rev })));
      expect(results.map((r) => r.position)).toEqual([1, 2, 3, 4]);
      expect((await store.readStream('chain')).map((e) => e.data.rev)).toEqual([-1, 0, 1, 2]);
    } finally {
      await cleanup();
    }
  });
}
