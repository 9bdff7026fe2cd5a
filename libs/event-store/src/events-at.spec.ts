import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from './envelope.js';
import { eventsAt } from './events-at.js';
import type { EventStore, ReadAllOptions } from './port.js';

/** A log of `n` events holding only what eventsAt reads, counting the reads it makes. */
function logOf(n: number) {
  const reads: ReadAllOptions[] = [];
  const events = Array.from({ length: n }, (_, i) => ({ position: i + 1, eventId: `e${i + 1}` }) as EventEnvelope);
  const store = {
    readAll: async (options: ReadAllOptions) => {
      reads.push(options);
      return events.filter((e) => e.position > options.after).slice(0, options.limit);
    },
  } as unknown as EventStore;
  return { store, reads };
}

describe('eventsAt', () => {
  it('given positions in a row, when read, then one request brings them all and only them', async () => {
    const { store, reads } = logOf(100);

    const found = await eventsAt(store, [10, 11, 12, 40]);

    expect([...found.keys()]).toEqual([10, 11, 12, 40]);
    expect(found.get(40)?.eventId).toBe('e40');
    expect(reads).toEqual([{ after: 9, limit: 31 }]);
  });

  it('given positions far apart, when read, then one short request each, never the events between', async () => {
    const { store, reads } = logOf(100_000);

    const found = await eventsAt(store, [5, 50_000, 99_999]);

    expect([...found.keys()]).toEqual([5, 50_000, 99_999]);
    expect(reads).toEqual([
      { after: 4, limit: 1 },
      { after: 49_999, limit: 1 },
      { after: 99_998, limit: 1 },
    ]);
  });

  it('given a long run of positions, when read, then in requests of at most 1,000 events', async () => {
    const { store, reads } = logOf(5000);
    const positions = Array.from({ length: 2500 }, (_, i) => i + 1);

    const found = await eventsAt(store, positions);

    expect(found.size).toBe(2500);
    expect(reads.every((r) => r.limit <= 1000)).toBe(true);
    expect(reads).toHaveLength(3);
  });

  it('given no positions, then no request', async () => {
    const { store, reads } = logOf(10);
    expect((await eventsAt(store, [])).size).toBe(0);
    expect(reads).toHaveLength(0);
  });
});
