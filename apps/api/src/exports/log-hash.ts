import { GENESIS_HASH, type EventEnvelope, type EventStore } from '@jalon/event-store';

/** The event at `position`, undefined for position 0 (the empty log). */
export async function eventAt(store: EventStore, position: number): Promise<EventEnvelope | undefined> {
  if (position === 0) return undefined;
  const [event] = await store.readAll({ after: position - 1, limit: 1 });
  if (event?.position !== position) throw new Error(`no event at position ${position}`);
  return event;
}

/** The hash of the event at `position` (64 zeros for position 0): what a file or report stands on. */
export async function hashAt(store: EventStore, position: number): Promise<string> {
  return (await eventAt(store, position))?.hash ?? GENESIS_HASH;
}
