import type { EventEnvelope } from './envelope.js';
import type { EventStore } from './port.js';

const PAGE = 1000;
/** Positions closer than this are read in one request rather than one request each. */
const NEAR = 64;

/**
 * The events at the given positions (ascending, each ≤ the head), read in runs of nearby
 * positions: a restatement names a few events scattered over a long log, or many in a row.
 */
export async function eventsAt(store: EventStore, positions: readonly number[]): Promise<Map<number, EventEnvelope>> {
  const wanted = new Set(positions);
  const found = new Map<number, EventEnvelope>();
  for (let i = 0; i < positions.length; ) {
    const first = positions[i];
    let last = first;
    while (i + 1 < positions.length && positions[i + 1] - last <= NEAR && positions[i + 1] - first < PAGE) last = positions[++i];
    i++;
    const page = await store.readAll({ after: first - 1, limit: last - first + 1 });
    for (const event of page) if (wanted.has(event.position)) found.set(event.position, event);
  }
  return found;
}
