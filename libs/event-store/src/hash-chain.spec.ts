import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from './envelope.js';
import { GENESIS_HASH } from './envelope.js';
import { createChainVerifier, hashEvent, verifyChain } from './hash-chain.js';
import { formatNdjsonLine, readNdjson, verifyNdjson } from './ndjson.js';

const FIRST = {
  position: 1,
  eventId: 'e1',
  type: 'T',
  streamId: 's-1',
  revision: 0,
  data: { b: 1, a: 'x' },
  metadata: { recordedAt: '2015-01-01T00:00:00.000Z', recordedBy: 'ana', schemaVersion: 1 },
};
// Written by hand from DOMAIN.md "Integrity": keys sorted, no spaces.
const FIRST_CANONICAL =
  '{"data":{"a":"x","b":1},"eventId":"e1","metadata":{"recordedAt":"2015-01-01T00:00:00.000Z",' +
  '"recordedBy":"ana","schemaVersion":1},"position":1,"revision":0,"streamId":"s-1","type":"T"}';
// Computed outside Node: printf '%s' "$(64 zeros)$FIRST_CANONICAL" | sha256sum
const FIRST_HASH = '2f5c2c31bd4f6374025ce12c22cee39350c64157e68709718e7f05308f555aaa';

const SECOND = {
  position: 2,
  eventId: 'e2',
  type: 'U',
  streamId: 's-1',
  revision: 1,
  data: { é: null, z: true, list: [1, 2.5, 'é'] },
  metadata: { schemaVersion: 1, recordedBy: 'ana', commandId: 'k-1', recordedAt: '2015-01-02T00:00:00.000Z' },
};
// sha256sum of FIRST_HASH followed by the hand-written canonical JSON of SECOND.
const SECOND_HASH = '7181e9efd1a75cad3a2744a91453ab384eb16190dadf045c0551d5ad2d27d486';

/** A clean chain of `count` events over two streams, hashed with hashEvent. */
function chain(count: number): EventEnvelope[] {
  const events: EventEnvelope[] = [];
  let previous = GENESIS_HASH;
  for (let position = 1; position <= count; position++) {
    const streamId = position % 2 ? 'case-a' : 'case-b';
    const unhashed = {
      position,
      eventId: `id-${position}`,
      type: 'VictimIdentified',
      streamId,
      revision: Math.floor((position - 1) / 2),
      data: { n: position },
      metadata: { recordedAt: '2015-03-01T10:00:00.000Z', recordedBy: 'ana', schemaVersion: 1 },
    };
    previous = hashEvent(previous, unhashed);
    events.push({ ...unhashed, hash: previous });
  }
  return events;
}

/** Re-chains events from `from` (0-based) on, as a forger who rewrites the tail would. */
function rehash(events: EventEnvelope[], from: number): EventEnvelope[] {
  const out = events.map((event) => ({ ...event }));
  for (let index = from; index < out.length; index++) {
    const previous = index === 0 ? GENESIS_HASH : out[index - 1].hash;
    out[index].hash = hashEvent(previous, out[index]);
  }
  return out;
}

const ndjson = (events: unknown[]): string => events.map((e) => `${JSON.stringify(e)}\n`).join('');

describe('hashEvent', () => {
  it('given a simple first event, when hashed, then it matches SHA-256 of 64 zeros + the hand-written canonical JSON', () => {
    const independent = createHash('sha256').update(GENESIS_HASH + FIRST_CANONICAL).digest('hex');
    expect(independent).toBe(FIRST_HASH);
    expect(hashEvent(GENESIS_HASH, FIRST)).toBe(FIRST_HASH);
  });

  it('given an event with unsorted keys, non-ASCII, an array and a commandId, when hashed after the first, then it matches the fixed vector', () => {
    expect(hashEvent(FIRST_HASH, SECOND)).toBe(SECOND_HASH);
  });

  it('given commandId undefined, when hashed, then it hashes as absent and not as null', () => {
    const withUndefined = { ...FIRST, metadata: { ...FIRST.metadata, commandId: undefined } };
    const withNull = { ...FIRST, metadata: { ...FIRST.metadata, commandId: null } };
    expect(hashEvent(GENESIS_HASH, withUndefined)).toBe(FIRST_HASH);
    expect(hashEvent(GENESIS_HASH, withNull as never)).not.toBe(FIRST_HASH);
  });

  it('given an envelope that still carries a hash or an extra property, when hashed, then only the seven keys count', () => {
    const carrying = { ...FIRST, hash: 'f'.repeat(64), extra: 1 };
    expect(hashEvent(GENESIS_HASH, carrying)).toBe(FIRST_HASH);
  });
});

describe('chain verifier', () => {
  it('given a clean chain, when verified, then it is ok with the last event as head', () => {
    const events = chain(5);
    expect(verifyChain(events)).toEqual({
      ok: true,
      events: 5,
      head: { position: 5, hash: events[4].hash },
      firstBadPosition: null,
      reason: null,
    });
  });

  it('given no events, when verified, then it is ok with no head', () => {
    expect(verifyChain([])).toMatchObject({ ok: true, events: 0, head: null, firstBadPosition: null });
  });

  it('given the data of event 3 changed, when verified, then event 3 is the first bad one', () => {
    const events = chain(6);
    events[2] = { ...events[2], data: { n: 300 } };
    expect(verifyChain(events)).toMatchObject({ ok: false, events: 6, firstBadPosition: 3 });
  });

  it('given event 3 changed and its hash recomputed, when verified, then event 4 is the first bad one', () => {
    const events = chain(6);
    events[2] = { ...events[2], data: { n: 300 } };
    events[2].hash = hashEvent(events[1].hash, events[2]);
    expect(verifyChain(events).firstBadPosition).toBe(4);
  });

  it('given event 3 removed, when verified, then place 3 is bad', () => {
    const events = chain(6);
    events.splice(2, 1);
    expect(verifyChain(events)).toMatchObject({ ok: false, events: 5, firstBadPosition: 3 });
  });

  it('given the last event removed, when verified against the head printed on a report, then the head is not seen', () => {
    const events = chain(6);
    const reportedHead = events[5].hash;
    const verifier = createChainVerifier({ watch: [reportedHead] });
    for (const event of events.slice(0, 5)) verifier.push(event);
    expect(verifier.result().ok).toBe(true);
    expect(verifier.sawHash(reportedHead)).toBe(false);
  });

  it('given events 2 and 3 swapped, when verified, then place 2 is bad', () => {
    const events = chain(6);
    [events[1], events[2]] = [events[2], events[1]];
    expect(verifyChain(events).firstBadPosition).toBe(2);
  });

  it('given a correctly chained event inserted at place 3, when verified, then place 4 is bad', () => {
    const events = chain(6);
    const forged = { ...events[2], eventId: 'forged', data: { n: -1 } };
    forged.hash = hashEvent(events[1].hash, forged);
    events.splice(2, 0, forged);
    expect(verifyChain(events)).toMatchObject({ ok: false, events: 7, firstBadPosition: 4 });
  });

  it('given an inserted event and the whole tail renumbered and rehashed, when verified with the reported head, then the chain holds but the head is not in it', () => {
    const original = chain(6);
    const forged = { ...original[2], eventId: 'forged' };
    const tampered = [...original.slice(0, 2), forged, ...original.slice(2)].map((event, index) => ({
      ...event,
      position: index + 1,
    }));
    const verifier = createChainVerifier({ watch: [original[5].hash, original[1].hash] });
    for (const event of rehash(tampered, 2)) verifier.push(event);
    expect(verifier.result().ok).toBe(true);
    expect(verifier.sawHash(original[1].hash)).toBe(true);
    expect(verifier.sawHash(original[5].hash)).toBe(false);
  });

  it('given event 3 renumbered, when verified, then place 3 is bad', () => {
    const events = chain(6);
    events[2] = { ...events[2], position: 30 };
    expect(verifyChain(events)).toMatchObject({ firstBadPosition: 3, reason: 'position is 30, expected 3' });
  });

  it('given every position shifted by one and every hash recomputed, when verified, then place 1 is bad', () => {
    const shifted = chain(4).map((event) => ({ ...event, position: event.position + 1 }));
    expect(verifyChain(rehash(shifted, 0)).firstBadPosition).toBe(1);
  });

  it.each([
    ['a missing hash', (e: EventEnvelope) => ({ ...e, hash: undefined })],
    ['a position given as a string', (e: EventEnvelope) => ({ ...e, position: String(e.position) })],
    ['a fractional revision', (e: EventEnvelope) => ({ ...e, revision: 0.5 })],
    ['data that is an array', (e: EventEnvelope) => ({ ...e, data: [] })],
    ['a null commandId', (e: EventEnvelope) => ({ ...e, metadata: { ...e.metadata, commandId: null } })],
    ['a key the hash does not cover', (e: EventEnvelope) => ({ ...e, note: 'added later' })],
    ['a line that is not an object', () => 42],
  ])('given event 2 with %s, when verified, then place 2 is bad', (_, spoil) => {
    const events: unknown[] = chain(4);
    events[1] = spoil(events[1] as EventEnvelope);
    expect(verifyChain(events)).toMatchObject({ ok: false, events: 4, firstBadPosition: 2 });
  });

  it('given a watched hash typed in upper case, when the chain holds it, then it is seen', () => {
    const events = chain(3);
    expect(() => createChainVerifier().sawHash(events[0].hash)).toThrow(/not given/);
    const verifier = createChainVerifier({ watch: [events[1].hash.toUpperCase()] });
    events.forEach((event) => verifier.push(event));
    expect(verifier.sawHash(events[1].hash)).toBe(true);
  });

  it('given a hash watched after a break, when verified, then it is not counted as seen', () => {
    const events = chain(4);
    events[1] = { ...events[1], data: { n: 0 } };
    const verifier = createChainVerifier({ watch: [events[3].hash] });
    events.forEach((event) => verifier.push(event));
    expect(verifier.sawHash(events[3].hash)).toBe(false);
  });
});

describe('NDJSON', () => {
  it('given an export with a trailing newline, when verified as a stream, then it is ok', async () => {
    const events = chain(4);
    const text = events.map(formatNdjsonLine).join('');
    const result = await verifyNdjson(Readable.from([text]));
    expect(result).toMatchObject({ ok: true, events: 4, head: { position: 4, hash: events[3].hash } });
  });

  it('given a line that is not JSON at place 3, when verified, then place 3 is bad and every line is counted', async () => {
    const lines = ndjson(chain(5)).split('\n');
    lines[2] = '{"position": 3, oops';
    const result = await verifyNdjson(Readable.from([lines.join('\n')]));
    expect(result).toMatchObject({ ok: false, events: 5, firstBadPosition: 3 });
    expect(result.reason).toMatch(/not valid JSON/);
  });

  it('given a blank line between events, when verified, then the blank line is a bad event at its place', async () => {
    const lines = ndjson(chain(3)).split('\n');
    lines.splice(1, 0, '');
    const result = await verifyNdjson(Readable.from([lines.join('\n')]));
    expect(result).toMatchObject({ ok: false, events: 4, firstBadPosition: 2 });
  });

  it('given CRLF line ends and bytes split one by one inside a multi-byte character, when read, then every event parses', async () => {
    const events = chain(2).map((event) => ({ ...event, data: { name: 'Sidi Ifni – Guelmim' } }));
    const bytes = Buffer.from(events.map((e) => JSON.stringify(e)).join('\r\n') + '\r\n\r\n');
    const chunks = [...bytes].map((byte) => Uint8Array.of(byte));
    const parsed: unknown[] = [];
    for await (const value of readNdjson(Readable.from(chunks))) parsed.push(value);
    expect(parsed).toEqual(events);
  });

  it('given an envelope, when formatted as an export line, then its keys come in export order', () => {
    const [event] = chain(1);
    const { hash, metadata, ...rest } = event;
    const shuffled = { hash, metadata, ...rest };
    expect(Object.keys(shuffled)[0]).toBe('hash');
    expect(Object.keys(JSON.parse(formatNdjsonLine(shuffled)))).toEqual([
      'position', 'eventId', 'type', 'streamId', 'revision', 'data', 'metadata', 'hash',
    ]);
  });
});
