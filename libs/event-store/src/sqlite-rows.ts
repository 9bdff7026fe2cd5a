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

/** A row read in raw mode, its cells in the order of COLUMNS (sqlite-schema.ts). */
export type RawEventRow = [number, string, string, string, number, string, string, string];

/** As rowToEnvelope, from a raw row: no intermediate object per row on a long read. */
export function rawRowToEnvelope(row: RawEventRow): EventEnvelope {
  return {
    position: row[0],
    eventId: row[1],
    type: row[2],
    streamId: row[3],
    revision: row[4],
    data: JSON.parse(row[5]) as EventEnvelope['data'],
    metadata: JSON.parse(row[6]) as EventEnvelope['metadata'],
    hash: row[7],
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
