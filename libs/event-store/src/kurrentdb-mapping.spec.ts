import { KurrentDBClient, NO_STREAM } from '@kurrent/kurrentdb-client';
import { describe, expect, it } from 'vitest';
import type { EventEnvelope, NewEvent } from './envelope.js';
import { GENESIS_HASH } from './envelope.js';
import { StoreUrlError } from './errors.js';
import { hashEvent, verifyChain } from './hash-chain.js';
import { headAfter } from './kurrentdb-commit.js';
import {
  ENGINE_NO_STREAM,
  METADATA_KEY,
  createPositionMap,
  deterministicUuid,
  engineEventId,
  fromEngineEvent,
  fromStreamState,
  idempotencyEvent,
  idempotencyOutcome,
  indexEvent,
  kurrentNames,
  matchesLogFilter,
  parseIdempotency,
  parseIndexEntry,
  parseKurrentUrl,
  repeatedEventId,
  toEngineEvent,
  toStreamState,
  type EngineEvent,
  type KurrentNames,
  type RecordedEngineEvent,
} from './kurrentdb-mapping.js';
import { sealEvents } from './seal.js';

const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let counter = 0;
function newEvent(type = 'CsoMapped', data: Record<string, unknown> = { n: counter }, commandId?: string): NewEvent {
  counter += 1;
  const metadata = { recordedAt: '2015-03-01T10:00:00.000Z', recordedBy: 'ana', schemaVersion: 1 };
  return {
    eventId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    type,
    data,
    metadata: commandId ? { ...metadata, commandId } : metadata,
  };
}

/** What the engine gives back for a written event: its bytes re-parsed, stream and revision its own. */
function asRecorded(event: EngineEvent, streamId: string, revision: number): RecordedEngineEvent {
  const bytes = (value: unknown) => (value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown));
  return { streamId, revision: BigInt(revision), type: event.type, data: bytes(event.data), metadata: bytes(event.metadata) };
}

function stored(names: KurrentNames, envelope: EventEnvelope): RecordedEngineEvent {
  return asRecorded(toEngineEvent(envelope), names.entity(envelope.streamId) as string, envelope.revision);
}

describe('parseKurrentUrl', () => {
  it.each([
    ['kurrentdb://localhost:2113?tls=false', 'kurrentdb://localhost:2113?tls=false'],
    ['esdb://localhost:2113?tls=false', 'kurrentdb://localhost:2113?tls=false'],
    ['ESDB://localhost:2113', 'kurrentdb://localhost:2113'],
    ['esdb+discover://cluster.example:2113', 'kurrentdb+discover://cluster.example:2113'],
    ['kurrentdb://admin:changeit@a:2113,b:2113,c:2113/?nodePreference=leader', 'kurrentdb://admin:changeit@a:2113,b:2113,c:2113?nodePreference=leader'],
    ['kurrentdb://localhost:2113/', 'kurrentdb://localhost:2113'],
  ])('given %s, when parsed, then the client gets %s', (url, connectionString) => {
    expect(parseKurrentUrl(url)).toEqual({ connectionString });
  });

  it('given a namespace among the client parameters, when parsed, then it is taken out and the others stay in order', () => {
    expect(parseKurrentUrl('esdb://h:2113?tls=false&namespace=team_1&tlsVerifyCert=false')).toEqual({
      connectionString: 'kurrentdb://h:2113?tls=false&tlsVerifyCert=false',
      namespace: 'team_1',
    });
    expect(parseKurrentUrl('kurrentdb://h?namespace=x')).toEqual({ connectionString: 'kurrentdb://h', namespace: 'x' });
  });

  it.each([
    ['postgres://h/db', /kurrentdb:\/\//],
    ['kurrentdb:h:2113', /kurrentdb:\/\//],
    ['kurrentdb://', /no host/],
    ['kurrentdb://user:pw@', /no host/],
    ['kurrentdb://h:2113/jalon', /no path/],
    ['kurrentdb://h?namespace=a-b', /namespace/],
    ['kurrentdb://h?namespace=', /namespace/],
    ['kurrentdb://h?namespace=a/b', /namespace/],
  ])('given %s, when parsed, then StoreUrlError says why', (url, reason) => {
    expect(() => parseKurrentUrl(url)).toThrow(StoreUrlError);
    expect(() => parseKurrentUrl(url)).toThrow(reason);
  });

  it('given every accepted URL, when its connection string goes to the real client, then the client accepts it', async () => {
    for (const url of ['kurrentdb://localhost:2113?tls=false&namespace=n', 'esdb://u:p@a:1,b:2?tls=true', 'esdb+discover://c:2113']) {
      const client = KurrentDBClient.connectionString(parseKurrentUrl(url).connectionString);
      await client.dispose();
    }
    expect(() => KurrentDBClient.connectionString('kurrentdb://h:2113/jalon')).toThrow(); // why a path is refused
  });
});

describe('kurrentNames', () => {
  it('given no namespace, when naming streams, then our streams keep their DOMAIN.md names and nothing else is in the log', () => {
    const names = kurrentNames();
    expect(names.logPrefixes).toEqual(['cso-', 'training-', 'case-', 'indicator-']);
    for (const id of ['cso-c1', 'training-t1', 'case-x', 'indicator-1.1']) {
      expect(names.entity(id)).toBe(id);
      expect(names.streamIdOf(id)).toBe(id);
    }
    for (const id of ['a', 'other', 'jalon-head', 'cso', '', '$all', 'CSO-c1']) expect(names.entity(id)).toBeUndefined();
    expect(names.head).toBe('jalon-head');
  });

  it('given a namespace, when naming streams, then every stream id lives under it and internal streams stay outside the log', () => {
    const names = kurrentNames('t1');
    expect(names.logPrefixes).toEqual(['t1/']);
    expect(names.entity('a')).toBe('t1/a');
    expect(names.entity('jalon-head')).toBe('t1/jalon-head');
    expect(names.streamIdOf('t1/cso-x')).toBe('cso-x');
    expect(names.streamIdOf('t1/')).toBeUndefined();
    expect(names.streamIdOf('t2/a')).toBeUndefined();
    expect(names.streamIdOf('a')).toBeUndefined();
    const internal = [names.head, names.idempotency('ana', 'k'), names.eventIndex('e')];
    expect(internal).toEqual([expect.stringMatching(/^jalon-head-t1$/), expect.stringMatching(/^jalon-idem-t1-[0-9a-f]{64}$/), expect.stringMatching(/^jalon-event-t1-[0-9a-f]{64}$/)]);
    for (const name of internal) expect(names.streamIdOf(name)).toBeUndefined();
  });

  it('given names without a namespace, when checking internal streams, then none falls inside the log', () => {
    const names = kurrentNames();
    for (const name of [names.head, names.idempotency('cso-', 'case-'), names.eventIndex('cso-1')]) {
      expect(names.streamIdOf(name)).toBeUndefined();
    }
  });

  it('given two namespaces, when naming the same streams, then no name is shared', () => {
    const [a, b] = [kurrentNames('a'), kurrentNames('b')];
    expect(a.entity('s')).not.toBe(b.entity('s'));
    expect(a.head).not.toBe(b.head);
    expect(a.idempotency('u', 'k')).not.toBe(b.idempotency('u', 'k'));
    expect(a.eventIndex('e')).not.toBe(b.eventIndex('e'));
    expect(a.streamIdOf(b.entity('s') as string)).toBeUndefined();
  });

  it('given scopes and keys, when naming key records, then each (user, key) pair has its own stream, even when they share characters', () => {
    const names = kurrentNames();
    const streams = [
      names.idempotency('ana', 'k1'),
      names.idempotency('omar', 'k1'),
      names.idempotency('ana', 'k2'),
      names.idempotency('a', 'b\nc'),
      names.idempotency('a\nb', 'c'),
    ];
    expect(new Set(streams).size).toBe(streams.length);
    expect(names.idempotency('ana', 'k1')).toBe(streams[0]);
  });

  it('given a bad namespace, when naming, then it is refused', () => {
    for (const bad of ['', 'a-b', 'a/b', 'x'.repeat(41)]) expect(() => kurrentNames(bad)).toThrow(RangeError);
  });
});

describe('stream states', () => {
  it('given our expected revisions, when mapped, then -1 is NO_STREAM and n is BigInt(n)', () => {
    expect(ENGINE_NO_STREAM).toBe(NO_STREAM);
    expect(toStreamState(-1)).toBe(NO_STREAM);
    expect(toStreamState(0)).toBe(0n);
    expect(toStreamState(41)).toBe(41n);
    for (const bad of [-2, 1.5, Number.NaN]) expect(() => toStreamState(bad)).toThrow(RangeError);
  });

  it('given the engine current states, when mapped back, then no stream is -1 and a revision its number', () => {
    expect(fromStreamState(NO_STREAM)).toBe(-1);
    expect(fromStreamState(undefined)).toBe(-1);
    expect(fromStreamState(0n)).toBe(0);
    expect(fromStreamState(7n)).toBe(7);
    expect(fromStreamState(toStreamState(12))).toBe(12);
    expect(() => fromStreamState('stream_exists')).toThrow(TypeError);
  });
});

describe('event ids', () => {
  it('given parts, when deriving a UUID, then it is a well-formed version 8 UUID, the same every time, and distinct per parts', () => {
    const id = deterministicUuid('commit', 'abc');
    expect(id).toMatch(UUID_V8);
    expect(deterministicUuid('commit', 'abc')).toBe(id);
    expect(deterministicUuid('commit', 'abd')).not.toBe(id);
    expect(deterministicUuid('ab', 'c')).not.toBe(deterministicUuid('a', 'bc'));
  });

  it('given our event ids, when mapped to engine ids, then a UUID stays itself (lower case) and anything else gets a stable UUID', () => {
    expect(engineEventId('6F9619FF-8B86-D011-B42D-00C04FC964FF')).toBe('6f9619ff-8b86-d011-b42d-00c04fc964ff');
    expect(engineEventId('demo-event-1')).toMatch(UUID_V8);
    expect(engineEventId('demo-event-1')).toBe(engineEventId('demo-event-1'));
    expect(engineEventId('demo-event-1')).not.toBe(engineEventId('demo-event-2'));
  });
});

describe('sealEvents', () => {
  it('given a head and events, when sealed, then positions and revisions follow on and each hash chains to the one before', () => {
    const head = { position: 4, hash: 'a'.repeat(64) };
    const sealed = sealEvents(head, 'case-1', 2, [newEvent(), newEvent(), newEvent()]);
    expect(sealed.map((e) => [e.position, e.revision, e.streamId])).toEqual([
      [5, 2, 'case-1'],
      [6, 3, 'case-1'],
      [7, 4, 'case-1'],
    ]);
    let previous = head.hash;
    for (const event of sealed) {
      expect(event.hash).toBe(hashEvent(previous, event));
      previous = event.hash;
    }
  });

  it('given appends sealed in turn from genesis, when verified, then the chain holds', () => {
    const first = sealEvents(headAfter(undefined), 'cso-a', 0, [newEvent()]);
    const second = sealEvents(headAfter(first), 'cso-b', 0, [newEvent(), newEvent('T', { x: [1, 'é'] }, 'k')]);
    expect(verifyChain([...first, ...second])).toMatchObject({ ok: true, events: 3, head: headAfter(second) });
  });

  it('given an undefined member in data, when sealed, then it is absent as it will be once stored', () => {
    const [event] = sealEvents(headAfter(undefined), 'cso-a', 0, [newEvent('T', { a: 1, gone: undefined })]);
    expect(event.data).toStrictEqual({ a: 1 });
  });

  it('given an event whose shape is wrong, when sealed, then TypeError', () => {
    const bad = { ...newEvent(), data: [1] as unknown as Record<string, unknown> };
    expect(() => sealEvents(headAfter(undefined), 'cso-a', 0, [bad])).toThrow(TypeError);
  });

  it('given event ids, when one repeats in an append, then it is named', () => {
    const a = newEvent();
    expect(repeatedEventId([a, newEvent()])).toBeUndefined();
    expect(repeatedEventId([a, newEvent(), a])).toBe(a.eventId);
  });
});

describe('events ↔ engine events', () => {
  const sealedOn = (streamId: string) =>
    sealEvents({ position: 9, hash: 'b'.repeat(64) }, streamId, 3, [
      newEvent('CsoMapped', { name: 'Association – Fès', scores: { a: 1 }, list: [0.5, -3, null, true], e: 1e21 }, 'key-1'),
      newEvent('CsoCapacityAssessed'),
    ]);

  it.each([undefined, 'ns1'])('given sealed events (namespace %s), when written and read back, then the envelopes are identical', (namespace) => {
    const names = kurrentNames(namespace);
    for (const envelope of sealedOn('cso-c1')) {
      const engine = toEngineEvent(envelope);
      expect(engine.id).toBe(envelope.eventId);
      expect(engine.type).toBe(envelope.type);
      const back = fromEngineEvent(stored(names, envelope), names);
      expect(back).toStrictEqual(envelope);
      expect(JSON.stringify(back)).toBe(JSON.stringify(envelope));
    }
  });

  it('given an event, when encoded, then its engine metadata is string values only (multi-stream appends take no other), and keys the server adds are ignored', () => {
    const names = kurrentNames();
    const [envelope] = sealedOn('cso-c1');
    const engine = toEngineEvent(envelope);
    expect(Object.keys(engine.metadata ?? {})).toEqual([METADATA_KEY]);
    expect(Object.values(engine.metadata ?? {}).every((v) => typeof v === 'string')).toBe(true);
    const recorded = stored(names, envelope);
    const withServerKeys = { ...recorded, metadata: { ...(recorded.metadata as object), '$schema.name': envelope.type, '$schema.format': 'Json' } };
    expect(fromEngineEvent(withServerKeys, names)).toStrictEqual(envelope);
  });

  it('given metadata without a commandId, when read back, then commandId is absent, not null', () => {
    const names = kurrentNames();
    const [envelope] = sealEvents(headAfter(undefined), 'case-1', 0, [newEvent('VictimIdentified')]);
    const back = fromEngineEvent(stored(names, envelope), names);
    expect('commandId' in back.metadata).toBe(false);
  });

  it('given an event in a log stream without jalon metadata, when read, then it is refused as foreign', () => {
    const names = kurrentNames();
    const foreign = { streamId: 'cso-x', revision: 0n, type: 'CsoMapped', data: {}, metadata: undefined };
    expect(() => fromEngineEvent(foreign, names)).toThrow(/not written by jalon/);
    expect(() => fromEngineEvent({ ...foreign, metadata: { jalon: 1 } }, names)).toThrow(/not written by jalon/);
    expect(() => fromEngineEvent({ ...foreign, metadata: { jalon: 'not json' } }, names)).toThrow(/not written by jalon/);
    expect(() => fromEngineEvent({ ...foreign, metadata: { jalon: '{}' } }, names)).toThrow(/not a jalon event/);
  });

  it('given an event whose engine stream or revision disagree with what it says of itself, when read, then it is refused', () => {
    const names = kurrentNames();
    const [envelope] = sealedOn('cso-c1');
    const recorded = stored(names, envelope);
    expect(() => fromEngineEvent({ ...recorded, revision: 4n }, names)).toThrow(/claims to be cso-c1@3/);
    expect(() => fromEngineEvent({ ...recorded, streamId: 'cso-c2' }, names)).toThrow(/claims/);
    expect(() => fromEngineEvent(recorded, kurrentNames('other'))).toThrow(/claims/);
  });
});

describe('idempotency and the event index', () => {
  const events = sealEvents({ position: 6, hash: 'c'.repeat(64) }, 'cso-c1', 0, [newEvent(), newEvent()]);
  const claim = { scope: 'ana', key: 'key-1', fingerprint: 'POST /csos {"csoId":"c1"}' };

  it('given a claim, when its key record is written and read back, then it names the events and the last position', () => {
    const event = idempotencyEvent(claim, events.map((e) => e.eventId), 8);
    expect(event.id).toBe(deterministicUuid('idempotency', 'ana', 'key-1'));
    const record = parseIdempotency(asRecorded(event, 'jalon-idem-x', 0));
    expect(record).toEqual({ fingerprint: claim.fingerprint, eventIds: events.map((e) => e.eventId), position: 8 });
    expect(() => parseIdempotency({ streamId: 's', revision: 0n, type: 'X', data: {} })).toThrow(/idempotency record/);
  });

  it('given a claim and the record of its key, when deciding, then no record proceeds, the same request replays and another conflicts', () => {
    const record = { fingerprint: claim.fingerprint, eventIds: ['e1'], position: 3 };
    expect(idempotencyOutcome(undefined, record)).toEqual({ kind: 'proceed' });
    expect(idempotencyOutcome(claim, undefined)).toEqual({ kind: 'proceed' });
    expect(idempotencyOutcome(claim, record)).toEqual({ kind: 'replay', result: { eventIds: ['e1'], position: 3, replayed: true } });
    expect(idempotencyOutcome({ ...claim, fingerprint: 'other' }, record)).toEqual({ kind: 'conflict' });
  });

  it('given events, when their index records are written and read back, then each points to its stream, revision and position', () => {
    expect(events.map((e) => parseIndexEntry(asRecorded(indexEvent(e), 'jalon-event-x', 0)))).toEqual([
      { streamId: 'cso-c1', revision: 0, position: 7 },
      { streamId: 'cso-c1', revision: 1, position: 8 },
    ]);
    expect(indexEvent(events[0]).id).toBe(deterministicUuid('index', events[0].eventId));
    expect(() => parseIndexEntry({ streamId: 's', revision: 0n, type: 'X', data: {} })).toThrow(/index entry/);
  });
});

describe('reading the log', () => {
  const at = (n: number) => ({ commit: BigInt(n * 100), prepare: BigInt(n * 100) });

  it('given no known place, when starting a read, then it starts at the start of $all', () => {
    expect(createPositionMap().startFor(10)).toBe('start');
  });

  it('given known places, when starting a read after a position, then it starts at the latest one at or before it', () => {
    const map = createPositionMap();
    for (const n of [3, 7, 5]) map.remember(n, at(n));
    expect(map.startFor(2)).toBe('start');
    expect(map.startFor(3)).toEqual({ position: 3, engine: at(3) });
    expect(map.startFor(6)).toEqual({ position: 5, engine: at(5) });
    expect(map.startFor(100)).toEqual({ position: 7, engine: at(7) });
  });

  it('given more places than it holds, when remembering, then the oldest learnt are forgotten', () => {
    const map = createPositionMap(2);
    for (const n of [1, 2, 3]) map.remember(n, at(n));
    expect(map.startFor(1)).toBe('start');
    expect(map.startFor(2)).toEqual({ position: 2, engine: at(2) });
    map.remember(2, at(2)); // learnt again: now the newest
    map.remember(4, at(4));
    expect(map.startFor(3)).toEqual({ position: 2, engine: at(2) });
  });

  it('given mapped events, when filtering for readAll, then position, type and stream all apply', () => {
    const [event] = sealEvents({ position: 4, hash: 'd'.repeat(64) }, 'a', 0, [newEvent('U')]);
    expect(matchesLogFilter(event, { after: 4 })).toBe(true);
    expect(matchesLogFilter(event, { after: 5 })).toBe(false);
    expect(matchesLogFilter(event, { after: 0, type: 'U', streamId: 'a' })).toBe(true);
    expect(matchesLogFilter(event, { after: 0, type: 'T' })).toBe(false);
    expect(matchesLogFilter(event, { after: 0, streamId: 'b' })).toBe(false);
  });
});
