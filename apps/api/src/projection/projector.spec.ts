import type { EventEnvelope, EventStore, ReadAllOptions } from '@jalon/event-store';
import type { Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { DEMO_FIRST_EVENT_HASH } from '../demo/demo-mark.js';
import type { Config } from '../config.js';
import { Projector } from './projector.js';
import { ReadModelSnapshots } from './snapshot-keeper.js';

/** An in-memory log with just what the projector reads: head, readAll, watch. */
function fakeStore(firstHash = DEMO_FIRST_EVENT_HASH) {
  const events: EventEnvelope[] = [];
  const listeners = new Set<() => void>();
  const store = {
    head: async () => ({ position: events.length, hash: '' }),
    readAll: async ({ after, limit }: ReadAllOptions) => events.filter((e) => e.position > after).slice(0, limit),
    watch: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as EventStore;
  const append = (count: number) => {
    for (let i = 0; i < count; i++) {
      const position = events.length + 1;
      events.push({
        position,
        eventId: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
        type: 'IndicatorTargetSet',
        streamId: 'indicator-2.5',
        revision: position - 1,
        data: { code: '2.5', period: '2016', value: position, reason: 'test' },
        metadata: { recordedAt: '2026-01-01T00:00:00.000Z', recordedBy: position === 1 ? 'demo' : 'x', schemaVersion: 1 },
        hash: position === 1 ? firstHash : '',
      });
    }
    for (const listener of listeners) listener();
  };
  return { store, append };
}

const quiet = { info() {}, warn() {}, error() {} } as unknown as Logger;
const noSnapshots = { store: 'sqlite::memory:', snapshot: { enabled: false, dir: undefined } } as Config;

describe('Projector', () => {
  it('reads the whole log at start, across pages, then is ready', async () => {
    const { store, append } = fakeStore();
    append(2500);
    const projector = new Projector(store, quiet, new ReadModelSnapshots(noSnapshots, store, quiet));
    expect(projector.ready).toBe(false);
    await projector.start();
    expect(projector.ready).toBe(true);
    expect(projector.position).toBe(2500);
    expect(projector.holdsDemo).toBe(true);
    projector.onModuleDestroy();
  });

  it('holds no demo when the first event is not the demo history\'s, even one recorded by a user called "demo"', async () => {
    const { store, append } = fakeStore('f'.repeat(64));
    append(1);
    const projector = new Projector(store, quiet, new ReadModelSnapshots(noSnapshots, store, quiet));
    await projector.start();
    expect(projector.holdsDemo).toBe(false);
    projector.onModuleDestroy();
  });

  it('follows new events and releases a reader waiting for them', async () => {
    const { store, append } = fakeStore();
    const projector = new Projector(store, quiet, new ReadModelSnapshots(noSnapshots, store, quiet));
    await projector.start();
    const waiting = projector.waitFor(3, 2000);
    append(3);
    expect(await waiting).toBe(true);
    expect(projector.engine.targets('2.5')['2016']).toBe(3);
    projector.onModuleDestroy();
  });

  it('gives up on a position that does not come within the time given', async () => {
    const { store } = fakeStore();
    const projector = new Projector(store, quiet, new ReadModelSnapshots(noSnapshots, store, quiet));
    await projector.start();
    expect(await projector.waitFor(1, 50)).toBe(false);
    projector.onModuleDestroy();
  });
});
