import type { EventEnvelope, NewEvent } from './envelope.js';
import { GENESIS_HASH } from './envelope.js';
import { hashEvent } from './hash-chain.js';

export interface StreamEvent {
  streamId: string;
  event: NewEvent;
}

/**
 * A whole log built ahead of time, as appending the events one by one to an empty store would
 * build it: positions from 1, each stream's revisions from 0, the hash chain from genesis. Handing
 * it to `importLog` writes it in one transaction, so a crash leaves the store empty or complete,
 * never half-loaded (appending one event at a time cannot promise that).
 */
export function sealLog(entries: Iterable<StreamEvent>): EventEnvelope[] {
  const revisions = new Map<string, number>();
  const log: EventEnvelope[] = [];
  let previous = GENESIS_HASH;
  for (const { streamId, event } of entries) {
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    // Hashed as it will be stored and read back (JSON), as the adapters' appends do.
    const fields = JSON.parse(
      JSON.stringify({ position: log.length + 1, eventId: event.eventId, type: event.type, streamId, revision, data: event.data, metadata: event.metadata }),
    ) as Omit<EventEnvelope, 'hash'>;
    previous = hashEvent(previous, fields);
    log.push({ ...fields, hash: previous });
  }
  return log;
}
