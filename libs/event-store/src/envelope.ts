// The envelope is the domain's (DOMAIN.md, "Envelope"): the event store imports that type only.
export type { EventEnvelope, EventMetadata, NewEvent } from '@jalon/domain';

export interface LogHead {
  position: number;
  hash: string;
}

/** The hash of "the event before the first one". */
export const GENESIS_HASH = '0'.repeat(64);
