import { DEMO_NOTICE, demoHistory } from '@jalon/domain';
import type { EventStore } from '@jalon/event-store';
import { refusal } from '../failure.js';

/**
 * `jalon demo`: appends the bundled project's synthetic history to an empty store, the way the
 * API would: each event on its stream at the revision the stream has reached.
 */
export async function loadDemo(store: EventStore, out: (line: string) => void): Promise<number> {
  const before = await store.head();
  if (before.position !== 0)
    throw refusal(`the store already holds ${before.position} events: the demo history loads into an empty store only`);
  const revisions = new Map<string, number>();
  for (const { streamId, event } of demoHistory()) {
    const expectedRevision = revisions.get(streamId) ?? -1;
    await store.append(streamId, [event], { expectedRevision });
    revisions.set(streamId, expectedRevision + 1);
  }
  const head = await store.head();
  out(`${DEMO_NOTICE.en}`);
  out(`Loaded ${head.position} demo events.`);
  out(`Head: position ${head.position}, hash ${head.hash}`);
  return 0;
}
