import { formatNdjsonLine, readPages, type EventStore } from '@jalon/event-store';
import { finish, openOutput, write } from '../files.js';

/**
 * `jalon export`: the whole log as NDJSON (CONTRACT.md, "Export format"), in position order, page
 * by page, up to the head as it was when the export began.
 */
export async function exportLog(store: EventStore, file: string | undefined, note: (line: string) => void): Promise<number> {
  const head = await store.head();
  const out = await openOutput(file);
  let count = 0;
  for await (const page of readPages(store, { upTo: head.position })) {
    await write(out, page.map(formatNdjsonLine).join(''));
    count += page.length;
  }
  await finish(out);
  if (file !== undefined) note(`exported ${count} events to ${file} (head position ${head.position}, hash ${head.hash})`);
  return 0;
}
