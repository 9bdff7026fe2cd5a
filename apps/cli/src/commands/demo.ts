import { DEMO_NOTICE, demoHistory } from '@jalon/domain';
import { sealLog, StoreNotEmptyError, type EventStore } from '@jalon/event-store';
import { refusal } from '../failure.js';

/**
 * `jalon demo`: loads the bundled project's synthetic history into an empty store, as the API's
 * start does: in one import transaction, so an interrupted run leaves the store empty, not
 * half-loaded.
 */
export async function loadDemo(store: EventStore, out: (line: string) => void): Promise<number> {
  const before = await store.head();
  if (before.position !== 0)
    throw refusal(`the store already holds ${before.position} events: the demo history loads into an empty store only`);
  try {
    await store.importLog(sealLog(demoHistory()));
  } catch (error) {
    if (error instanceof StoreNotEmptyError) throw refusal('another process wrote to the store meanwhile: the demo history loads into an empty store only');
    throw error;
  }
  const head = await store.head();
  out(`${DEMO_NOTICE.en}`);
  out(`Loaded ${head.position} demo events.`);
  out(`Head: position ${head.position}, hash ${head.hash}`);
  return 0;
}
