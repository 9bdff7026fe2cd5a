/** The envelope of DOMAIN.md, "Envelope". `commandId` is absent (never null) when no key was given. */
export interface EventMetadata {
  recordedAt: string;
  recordedBy: string;
  commandId?: string;
  schemaVersion: number;
}

/** What a command handler hands to the store: the store assigns position, revision and hash. */
export interface NewEvent {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface EventEnvelope extends NewEvent {
  position: number;
  streamId: string;
  revision: number;
  hash: string;
}

export interface LogHead {
  position: number;
  hash: string;
}

/** The hash of "the event before the first one". */
export const GENESIS_HASH = '0'.repeat(64);
