import type { EventEnvelope } from './envelope.js';
import type { EventStore } from './port.js';

export const PAGE_SIZE = 1000;

export interface ReadPagesOptions {
  /** Start after this position (default 0, the whole log). */
  after?: number;
  /** Stop at this position: events appended meanwhile beyond it are left out (default: no end). */
  upTo?: number;
  pageSize?: number;
}

/**
 * The log in position order, one page at a time, so memory stays bounded however long the log.
 * With `upTo` a reader sees one snapshot (an export, a verification); without, it reads until the
 * head as it stands (the projector's catch-up). A short page means there is no more.
 */
export async function* readPages(
  store: Pick<EventStore, 'readAll'>,
  { after = 0, upTo = Infinity, pageSize = PAGE_SIZE }: ReadPagesOptions = {},
): AsyncGenerator<EventEnvelope[]> {
  let from = after;
  while (from < upTo) {
    const limit = Math.min(pageSize, upTo - from);
    const page = await store.readAll({ after: from, limit });
    if (page.length > 0) yield page;
    if (page.length < limit) return;
    from = page[page.length - 1].position;
  }
}
