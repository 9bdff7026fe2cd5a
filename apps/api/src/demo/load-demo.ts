import { demoHistory } from '@jalon/domain';
import { sealLog, StoreNotEmptyError, type EventStore, type LogHead } from '@jalon/event-store';

/**
 * Loads the bundled project's synthetic history into an empty log, keeping the generator's ids and
 * recording times so that the head hash is the same on every machine. The whole history goes in
 * one import transaction: a server killed while loading it leaves an empty log, which the next
 * start loads again, never a part of the demo that no start would ever complete.
 */
export async function loadDemo(store: EventStore): Promise<{ events: number; head: LogHead }> {
  if ((await store.head()).position !== 0) throw new StoreNotEmptyError();
  const log = sealLog(demoHistory());
  // importLog re-checks emptiness inside its transaction: a racing loader gets StoreNotEmptyError.
  await store.importLog(log);
  const last = log[log.length - 1];
  return { events: log.length, head: { position: last.position, hash: last.hash } };
}
