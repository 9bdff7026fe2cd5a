import { NO_STREAM } from '@kurrent/kurrentdb-client';
import { describe, expect, it } from 'vitest';
import type { EventEnvelope, NewEvent } from './envelope.js';
import { GENESIS_HASH } from './envelope.js';
import {
  DEFAULT_MAX_APPEND_BYTES,
  commitBytes,
  commitRequests,
  headAfter,
  headRecord,
  importBatches,
  parseHeadRecord,
  recordBytes,
} from './kurrentdb-commit.js';
import { sealEntries, sealEvents } from './seal.js';
import { hashEvent } from './hash-chain.js';
import { COMMIT_EVENT_TYPE, kurrentNames, parseIdempotency, parseIndexEntry, type RecordedEngineEvent } from './kurrentdb-mapping.js';

let counter = 0;
function newEvent(data: Record<string, unknown> = {}): NewEvent {
  counter += 1;
  return {
    eventId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    type: 'T',
    data: { n: counter, ...data },
    metadata: { recordedAt: '2015-03-01T10:00:00.000Z', recordedBy: 'ana', schemaVersion: 1 },
  };
}

const recorded = (event: { type: string; data: unknown }, streamId: string, revision = 0): RecordedEngineEvent => ({
  streamId,
  revision: BigInt(revision),
  type: event.type,
  data: JSON.parse(JSON.stringify(event.data)) as unknown,
});

/** A log whose events go to these streams in this order, sealed from genesis. */
function logOf(streams: string[], data: Record<string, unknown> = {}): EventEnvelope[] {
  const log: EventEnvelope[] = [];
  const revisions = new Map<string, number>();
  for (const streamId of streams) {
    const revision = revisions.get(streamId) ?? 0;
    log.push(...sealEvents(headAfter(log), streamId, revision, [newEvent(data)]));
    revisions.set(streamId, revision + 1);
  }
  return log;
}

describe('head records', () => {
  it('given events, when asking the head after them, then it is their last event (genesis before any)', () => {
    const log = logOf(['a', 'b']);
    expect(headAfter(undefined)).toEqual({ position: 0, hash: GENESIS_HASH });
    expect(headAfter([])).toEqual({ position: 0, hash: GENESIS_HASH });
    expect(headAfter(log)).toEqual({ position: 2, hash: log[1].hash });
  });

  it('given a commit, when its head record is written and read back, then it gives the log head after it, and its id is the same each time', () => {
    const log = logOf(['a', 'a', 'b']);
    const record = headRecord(log);
    expect(record.type).toBe(COMMIT_EVENT_TYPE);
    expect(record.metadata).toBeUndefined();
    expect(parseHeadRecord(recorded(record, 'jalon-head'))).toEqual({ position: 3, hash: log[2].hash });
    expect(headRecord(log).id).toBe(record.id);
    expect(headRecord(log.slice(0, 2)).id).not.toBe(record.id);
  });

  it('given head stream records that are not ours, when parsed, then they are refused', () => {
    const good = recorded(headRecord(logOf(['a'])), 'jalon-head');
    expect(() => parseHeadRecord({ ...good, type: 'Other' })).toThrow(/not a jalon head record/);
    expect(() => parseHeadRecord({ ...good, data: { position: 1, hash: 'short' } })).toThrow(/not a jalon head record/);
    expect(() => parseHeadRecord({ ...good, data: { hash: 'a'.repeat(64) } })).toThrow(/not a jalon head record/);
  });
});

describe('commitRequests', () => {
  const names = kurrentNames('ns');
  const claim = { scope: 'ana', key: 'k', fingerprint: 'POST /x' };

  it('given an append with a key, when planned, then one request writes the entity events, an index record per event, the key and the head', () => {
    const log = logOf(['a']);
    const events = sealEvents(headAfter(log), 'b', 0, [newEvent(), newEvent()]);
    const requests = commitRequests({ events, idempotency: claim, headRevision: 0 }, names);
    expect(requests.map((r) => [r.streamName, r.expectedState, r.events.length])).toEqual([
      ['ns/b', NO_STREAM, 2],
      [names.eventIndex(events[0].eventId), NO_STREAM, 1],
      [names.eventIndex(events[1].eventId), NO_STREAM, 1],
      [names.idempotency('ana', 'k'), NO_STREAM, 1],
      [names.head, 0n, 1],
    ]);
    expect(parseIndexEntry(recorded(requests[2].events[0], 'x'))).toEqual({ streamId: 'b', revision: 1, position: 3 });
    expect(parseIdempotency(recorded(requests[3].events[0], 'x'))).toEqual({ fingerprint: 'POST /x', eventIds: events.map((e) => e.eventId), position: 3 });
    expect(parseHeadRecord(recorded(requests[4].events[0], 'x'))).toEqual(headAfter(events));
  });

  it('given a stream at revision 4 and the first commit, when planned, then the entity expects 4 and the head no stream', () => {
    const events = sealEvents(headAfter(undefined), 'b', 5, [newEvent()]);
    const requests = commitRequests({ events, headRevision: -1 }, names);
    expect(requests.map((r) => r.expectedState)).toEqual([4n, NO_STREAM, NO_STREAM]);
  });

  it('given events of streams interleaved, when planned, then each stream is written once, its events in order, streams by first appearance', () => {
    const log = logOf(['a', 'b', 'a', 'c', 'b']);
    const entity = commitRequests({ events: log, headRevision: -1 }, names).filter((r) => r.streamName.startsWith('ns/'));
    expect(entity.map((r) => [r.streamName, r.expectedState, r.events.map((e) => JSON.parse(e.metadata?.jalon ?? '{}').position)])).toEqual([
      ['ns/a', NO_STREAM, [1, 3]],
      ['ns/b', NO_STREAM, [2, 5]],
      ['ns/c', NO_STREAM, [4]],
    ]);
    expect(() => commitRequests({ events: logOf(['case-A', 'case-a']), headRevision: -1 }, names)).toThrow(/without case/);
  });

  it('given entries for several streams, when sealed after a head, then positions follow the entries and revisions follow on per stream', () => {
    const previous = { position: 4, hash: 'e'.repeat(64) };
    const entries = ['b', 'a', 'b'].map((streamId) => ({ ...newEvent(), streamId }));
    const sealed = sealEntries(previous, entries, new Map([['a', 2], ['b', -1]]));
    expect(sealed.map((e) => [e.position, e.streamId, e.revision])).toEqual([[5, 'b', 0], [6, 'a', 3], [7, 'b', 1]]);
    expect(sealed.map((e, i) => e.hash === hashEvent(i === 0 ? previous.hash : sealed[i - 1].hash, e))).toEqual([true, true, true]);
  });
});

describe('sizes and import batches', () => {
  const names = kurrentNames('ns');

  it('given a record, when sized, then data, metadata strings and type count (in UTF-8 bytes) with framing per property', () => {
    expect(recordBytes({ id: 'x', type: 'Té', data: { a: 'é' } })).toBe(Buffer.byteLength('{"a":"é"}') + 3);
    expect(recordBytes({ id: 'x', type: 'T', data: {}, metadata: { k: 'vv' } })).toBe(2 + 1 + (1 + 2 + 16));
    const requests = commitRequests({ events: logOf(['a']), headRevision: -1 }, names);
    expect(commitBytes(requests)).toBe(requests.flatMap((r) => r.events).reduce((s, e) => s + recordBytes(e), 0));
  });

  it('given a large export, when cut, then every batch stays under the limit, in order, and none is empty', () => {
    // 60 events of one stream, about 50 kB each: 20 fit in 1 MiB, so three full batches.
    const log = logOf(Array.from({ length: 60 }, () => 's'), { text: 'x'.repeat(50_000) });
    const batches = importBatches(log, names);
    expect(batches.flat()).toEqual(log);
    expect(batches.map((b) => b.length)).toEqual([20, 20, 20]);
    for (const batch of batches) {
      const requests = commitRequests({ events: batch, headRevision: 0 }, names);
      expect(commitBytes(requests)).toBeLessThanOrEqual(DEFAULT_MAX_APPEND_BYTES);
      expect(commitBytes(requests)).toBeGreaterThan(DEFAULT_MAX_APPEND_BYTES - 60_000);
    }
  });

  it('given a small log that comes back to streams, when cut, then it is one batch (streams are grouped within a commit)', () => {
    const log = logOf(['a', 'a', 'b', 'a', 'c', 'b']);
    expect(importBatches(log, names).map((b) => b.map((e) => e.position))).toEqual([[1, 2, 3, 4, 5, 6]]);
    expect(importBatches([], names)).toEqual([]);
  });

  it('given an event too big for any commit, when cut, then it is refused by its position', () => {
    const log = logOf(['a', 'b'], { text: 'x'.repeat(2000) });
    expect(() => importBatches(log, names, 1000)).toThrow(/event 1 .* exceeds the server's append limit of 1000 bytes/);
  });
});
