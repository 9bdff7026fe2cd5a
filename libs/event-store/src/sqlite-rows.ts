import type { EventEnvelope } from './envelope.js';
import type { EventRow } from './sqlite-schema.js';

export function rowToEnvelope(row: EventRow): EventEnvelope {
  return {
    position: row.position,
    eventId: row.event_id,
    type: row.type,
    streamId: row.stream_id,
    revision: row.revision,
    data: JSON.parse(row.data) as EventEnvelope['data'],
    metadata: JSON.parse(row.metadata) as EventEnvelope['metadata'],
    hash: row.hash,
  };
}

export function envelopeToRow(event: EventEnvelope): EventRow {
  return {
    position: event.position,
    event_id: event.eventId,
    type: event.type,
    stream_id: event.streamId,
    revision: event.revision,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata),
    hash: event.hash,
  };
}
