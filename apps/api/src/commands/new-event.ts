import { randomUUID } from 'node:crypto';
import { parseEvent, SCHEMA_VERSION, type DomainEvent } from '@jalon/domain';
import type { EventEnvelope, NewEvent } from '@jalon/event-store';

/** A decided event as the store takes it: a new id, when, by whom, and the idempotency key if any. */
export function newEvent(event: DomainEvent, recordedBy: string, commandId?: string, eventId: string = randomUUID()): NewEvent {
  // Re-parsing orders the data's keys as the schema lists them, as in the demo history.
  const parsed = parseEvent(event.type, event.data);
  const data = (typeof parsed === 'string' ? event.data : parsed.data) as Record<string, unknown>;
  return {
    eventId,
    type: event.type,
    data,
    metadata: {
      recordedAt: new Date().toISOString(),
      recordedBy,
      ...(commandId !== undefined ? { commandId } : {}),
      schemaVersion: SCHEMA_VERSION,
    },
  };
}

/** A stored event as `decide` folds it. */
export function toRecorded(envelope: EventEnvelope): Pick<EventEnvelope, 'eventId'> & DomainEvent {
  return { eventId: envelope.eventId, type: envelope.type, data: envelope.data } as Pick<EventEnvelope, 'eventId'> & DomainEvent;
}
