import { businessDateOf } from './business-date.js';
import type { EventEnvelope } from './envelope.js';
import { readPages } from './read-pages.js';

/**
 * What readAll and countAll can filter on; every member given must hold (AND). Times are in the
 * `recordedAt` format and dates YYYY-MM-DD, both compared as text, which orders them.
 */
export interface LogFilter {
  /** Events with position > after (default 0). */
  after?: number;
  /** Events with position < before (default: no bound). */
  before?: number;
  /** Events of any of these types. */
  types?: readonly string[];
  streamId?: string;
  /** Events of streams whose id starts with this (`case-`). */
  streamPrefix?: string;
  recordedBy?: string;
  /** recordedFrom ≤ metadata.recordedAt ≤ recordedTo. */
  recordedFrom?: string;
  recordedTo?: string;
  /** businessFrom ≤ business date ≤ businessTo; an event without one (a target revision, a void) never matches either. */
  businessFrom?: string;
  businessTo?: string;
}

export type LogOrder = 'asc' | 'desc';

/** The filter in memory: the reference the SQL adapters follow, and the KurrentDB adapter's filter. */
export function matchesFilter(event: EventEnvelope, filter: LogFilter): boolean {
  const { recordedAt, recordedBy } = event.metadata;
  const date = filter.businessFrom !== undefined || filter.businessTo !== undefined ? businessDateOf(event) : undefined;
  return (
    event.position > (filter.after ?? 0) &&
    (filter.before === undefined || event.position < filter.before) &&
    (filter.types === undefined || filter.types.includes(event.type)) &&
    (filter.streamId === undefined || event.streamId === filter.streamId) &&
    (filter.streamPrefix === undefined || event.streamId.startsWith(filter.streamPrefix)) &&
    (filter.recordedBy === undefined || recordedBy === filter.recordedBy) &&
    (filter.recordedFrom === undefined || recordedAt >= filter.recordedFrom) &&
    (filter.recordedTo === undefined || recordedAt <= filter.recordedTo) &&
    (filter.businessFrom === undefined || (date !== undefined && date >= filter.businessFrom)) &&
    (filter.businessTo === undefined || (date !== undefined && date <= filter.businessTo))
  );
}

/** Pages of the unfiltered log in position order, after a position. */
export type PageReader = (after: number, limit: number) => Promise<EventEnvelope[]>;

const BATCH = 500;

/**
 * readAll for an adapter that can only page through the log in position order: filters in memory.
 * Newest first walks the whole range and keeps the last `limit` matches (linear in the log).
 */
export async function readFiltered(
  read: PageReader,
  options: LogFilter & { limit: number; order?: LogOrder },
): Promise<EventEnvelope[]> {
  if (options.limit === 0) return [];
  const found: EventEnvelope[] = [];
  const newestFirst = options.order === 'desc';
  for await (const event of walk(read, options)) {
    found.push(event);
    if (!newestFirst && found.length >= options.limit) break;
    if (newestFirst && found.length > options.limit) found.shift();
  }
  return newestFirst ? found.reverse() : found;
}

export async function countFiltered(read: PageReader, filter: LogFilter): Promise<number> {
  let count = 0;
  for await (const _event of walk(read, filter)) count += 1;
  return count;
}

async function* walk(read: PageReader, filter: LogFilter): AsyncIterable<EventEnvelope> {
  const store = { readAll: ({ after, limit }: { after: number; limit: number }) => read(after, limit) };
  for await (const page of readPages(store, { after: filter.after ?? 0, pageSize: BATCH })) {
    for (const event of page) {
      if (filter.before !== undefined && event.position >= filter.before) return;
      if (matchesFilter(event, filter)) yield event;
    }
  }
}
