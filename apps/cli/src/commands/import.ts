import type { EventStore } from '@jalon/event-store';
import { refusal } from '../failure.js';
import { readingInput } from '../files.js';

/**
 * `jalon import FILE`: restores an export into an empty store. The checks are the HTTP route's
 * (the hash chain, each envelope, every event against the domain's rules): either failing names
 * the first bad position and writes nothing.
 */
export async function importFile(store: EventStore, file: string, out: (line: string) => void): Promise<number> {
  // The file is opened first: a missing file is a usage error whatever the store holds.
  const { importNdjson, ImportRefusedError } = await import('@jalon/api/offline');
  const result = await readingInput(file, async (input) => {
    const { position } = await store.head();
    if (position !== 0)
      throw refusal(`the store already holds ${position} events: import restores into an empty store only; nothing was written`);
    try {
      return await importNdjson(store, input);
    } catch (error) {
      if (!(error instanceof ImportRefusedError)) throw error;
      throw refusal(`import refused: first bad position ${error.position}: ${error.reason}; nothing was written`);
    }
  });
  out(`imported ${result.events} events; head position ${result.head.position}, hash ${result.head.hash}`);
  return 0;
}
