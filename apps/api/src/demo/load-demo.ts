import { demoHistory } from '@jalon/domain';
import { StoreNotEmptyError, type EventStore, type LogHead } from '@jalon/event-store';

/**
 * Appends the bundled project's synthetic history to an empty log, event by event as the API would
 * (each with its stream's expected revision), keeping the generator's ids and recording times so
 * that the head hash is the same on every machine.
 */
export async function loadDemo(store: EventStore): Promise<{ events: number; head: LogHead }> {
  if ((await store.head()).position !== 0) throw new StoreNotEmptyError();
  const revisions = new Map<string, number>();
  const history = demoHistory();
  for (const { streamId, event } of history) {
    const expectedRevision = revisions.get(streamId) ?? -1;
    await store.append(streamId, [event], { expectedRevision });
    revisions.set(streamId, expectedRevision + 1);
  }
  return { events: history.length, head: await store.head() };
}
