import type { EventEnvelope } from '@jalon/event-store';

/** An envelope with its keys in the export order of CONTRACT.md, for every answer that lists events. */
export function orderedEnvelope(event: EventEnvelope): EventEnvelope {
  const { position, eventId, type, streamId, revision, data, metadata, hash } = event;
  return { position, eventId, type, streamId, revision, data, metadata, hash };
}
