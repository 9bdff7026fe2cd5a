import { openStore, storeAbsence, type EventStore } from '@jalon/event-store';
import { usageError } from './failure.js';

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
 * As withStore, for a read-only command: a store that is not there (a mistyped path or database)
 * is a usage error, not an empty log to create and call intact.
 */
export async function withExistingStore<T>(url: string, use: (store: EventStore) => Promise<T>): Promise<T> {
  const absent = await storeAbsence(url);
  if (absent !== undefined)
    throw usageError(`no event store at ${withoutPassword(url)} (${absent}); only serve, demo, import and users create one`);
  return withStore(url, use);
}

/** A URL as it may be printed: a password in it is masked. */
function withoutPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}
