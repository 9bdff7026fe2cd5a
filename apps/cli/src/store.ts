import { openStore, type EventEnvelope, type EventStore } from '@jalon/event-store';

const PAGE_SIZE = 1000;

/** Opens the store for one command and always closes it, so the process can exit cleanly. */
export async function withStore<T>(url: string, use: (store: EventStore) => Promise<T>): Promise<T> {
  const store = await openStore(url);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/**
 * The log from position 1 to `upTo`, page by page: memory stays bounded however long the log,
 * and events appended meanwhile (beyond `upTo`) are left out, so a command sees one snapshot.
 */
export async function* readLog(store: EventStore, upTo: number): AsyncGenerator<EventEnvelope[]> {
  let after = 0;
  while (after < upTo) {
    const page = await store.readAll({ after, limit: Math.min(PAGE_SIZE, upTo - after) });
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1].position;
  }
}
