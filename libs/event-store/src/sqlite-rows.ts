import type { EventEnvelope, LogHead, NewEvent } from './envelope.js';
import { envelopeShapeProblem } from './envelope-shape.js';
import { hashEvent } from './hash-chain.js';
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

/**
 * Places a new event after `previous` and chains its hash. The hash is computed from the JSON as
 * stored, read back, so whatever JSON.stringify drops or rewrites (undefined members, toJSON) the
 * chain still verifies from the log itself.
 */
export function sealEvent(previous: LogHead, streamId: string, revision: number, event: NewEvent): EventRow {
  const stored = JSON.parse(
    JSON.stringify({
      position: previous.position + 1,
      eventId: event.eventId,
      type: event.type,
      streamId,
      revision,
      data: event.data,
      metadata: event.metadata,
    }),
  ) as Omit<EventEnvelope, 'hash'>;
  const problem = envelopeShapeProblem({ ...stored, hash: '' });
  if (problem !== null) throw new TypeError(`event ${event.eventId} cannot be appended: ${problem}`);
  return envelopeToRow({ ...stored, hash: hashEvent(previous.hash, stored) });
}
