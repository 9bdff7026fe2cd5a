import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventPage } from '@jalon/contracts';
import { EVENT_STORE, orderedEnvelope, type EventEnvelope, type EventStore, type ReadAllOptions } from '@jalon/event-store';
import type { EventsParams } from './queries.js';

export class ListEvents extends Query<EventPage<EventEnvelope>> {
  constructor(readonly params: EventsParams) {
    super();
  }
}

/** A page of the log straight from the store (not a read model: the log is the truth). */
@QueryHandler(ListEvents)
export class ListEventsHandler implements IQueryHandler<ListEvents> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ params }: ListEvents): Promise<EventPage<EventEnvelope>> {
    const limit = params.limit ?? 100;
    // One more than asked tells whether a later event matches, without a second query.
    const found = await this.store.readAll({ ...storeFilter(params), limit: limit + 1 });
    const events = found.slice(0, limit).map(orderedEnvelope);
    // The last position returned is the following page's `after` (oldest first) or `before` (newest first).
    const next = found.length > limit ? events[events.length - 1].position : null;
    return { events, next };
  }
}

function storeFilter(params: EventsParams): Omit<ReadAllOptions, 'limit'> {
  const given = {
    before: params.before,
    order: params.order,
    types: params.type,
    streamId: params.stream,
    recordedBy: params.recordedBy,
    recordedFrom: params.recordedFrom,
    recordedTo: params.recordedTo,
    businessFrom: params.from,
    businessTo: params.to,
  };
  const defined = Object.entries(given).filter(([, value]) => value !== undefined);
  return { after: params.after ?? 0, ...Object.fromEntries(defined) };
}
