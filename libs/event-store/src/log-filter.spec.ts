import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from './envelope.js';
import { countFiltered, matchesFilter, readFiltered, type PageReader } from './log-filter.js';

/** Event n: stream s{n mod 3}, type A for even n, B for odd, recorded n seconds after 2016-01-01. */
function event(n: number): EventEnvelope {
  const recordedAt = new Date(Date.UTC(2016, 0, 1) + n * 1000).toISOString();
  return {
    position: n,
    eventId: `e${n}`,
    type: n % 2 === 0 ? 'A' : 'B',
    streamId: `s${n % 3}`,
    revision: 0,
    data: {},
    metadata: { recordedAt, recordedBy: 'ana', schemaVersion: 1 },
    hash: '',
  };
}

const LOG = Array.from({ length: 1234 }, (_, i) => event(i + 1));
const reader: PageReader = async (after, limit) => LOG.filter((e) => e.position > after).slice(0, limit);
const positions = (events: EventEnvelope[]) => events.map((e) => e.position);

describe('filters in memory (the KurrentDB adapter reads through them)', () => {
  it('given 1234 events read 500 at a time, when filtered oldest first, then matches come across page boundaries', async () => {
    expect(positions(await readFiltered(reader, { after: 498, limit: 4, types: ['A'], streamId: 's0' }))).toEqual([504, 510, 516, 522]);
  });

  it('given 1234 events, when read newest first with a bound, then the last matches before it come, newest first', async () => {
    expect(positions(await readFiltered(reader, { after: 0, before: 1001, limit: 3, order: 'desc', types: ['B'] }))).toEqual([999, 997, 995]);
    expect(positions(await readFiltered(reader, { after: 1230, limit: 10, order: 'desc' }))).toEqual([1234, 1233, 1232, 1231]);
    expect(await readFiltered(reader, { after: 0, limit: 0 })).toEqual([]);
  });

  it('given 1234 events, when counted with a filter and a bound, then every match is counted once', async () => {
    // Positions 1..999 in stream s1: 1, 4, 7, … 997 → 333 of them.
    expect(await countFiltered(reader, { streamPrefix: 's1', before: 1000 })).toBe(333);
    expect(await countFiltered(reader, {})).toBe(1234);
  });

  it('given an event without a business date, when a business-date bound is asked, then it does not match', () => {
    const dated = { ...event(2), type: 'CsoMapped', data: { mappedOn: '2015-01-01' } };
    expect(matchesFilter(dated, { businessFrom: '2015-01-01' })).toBe(true);
    expect(matchesFilter(dated, { businessTo: '2014-12-31' })).toBe(false);
    expect(matchesFilter({ ...event(3), type: 'EventVoided' }, { businessTo: '2016-12-31' })).toBe(false);
  });
});
