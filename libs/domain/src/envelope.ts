/**
 * The envelope of DOMAIN.md, "Envelope": the one shape of an event in the log, used by every lib.
 * It lives here, the innermost lib, so that the event store, the projections and the apps all
 * name the same type. `commandId` is absent (never null) when no key was given.
 */
export interface EventMetadata {
  recordedAt: string;
  recordedBy: string;
  commandId?: string;
  schemaVersion: number;
}

/** An event to append: the store assigns its stream's revision, its position and its hash. */
export interface NewEvent {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

/** An event as the log stores it. */
export interface EventEnvelope extends NewEvent {
  position: number;
  streamId: string;
  revision: number;
  hash: string;
}

/**
 * An event id (DOMAIN.md: a UUID), written in lower case only: jalon writes ids so, the hash chain
 * pins each id's spelling, and the stores compare ids as text.
 */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An `Idempotency-Key`, kept as the event's `metadata.commandId`: 1-200 printable ASCII characters. */
export const PRINTABLE_KEY = /^[\x20-\x7e]{1,200}$/;
