import { checkLog, PRINTABLE_KEY, SCHEMA_VERSION, UUID } from '@jalon/domain';
import {
  ChainBrokenError,
  createChainVerifier,
  readNdjson,
  type EventEnvelope,
  type EventStore,
  type LogHead,
} from '@jalon/event-store';
import { restoredIdempotency } from '../commands/restored-idempotency.js';

/** An export refused before anything was written: `position` is the first bad event's place. */
export class ImportRefusedError extends Error {
  constructor(
    readonly position: number,
    readonly reason: string,
  ) {
    super(`event ${position}: ${reason}`);
    this.name = 'ImportRefusedError';
  }
}

export interface ImportResult {
  events: number;
  head: LogHead;
}

interface Bad {
  place: number;
  reason: string;
}

/**
 * Restores an NDJSON export into an empty store (POST /api/v1/events/import, `jalon import`): the
 * hash chain, each envelope's metadata and every event against the domain's rules are checked
 * first, and the first bad place of any of them is reported; the store then writes all or nothing
 * (StoreNotEmptyError when it holds events).
 */
export async function importNdjson(
  store: EventStore,
  input: AsyncIterable<Uint8Array | string>,
): Promise<ImportResult> {
  const verifier = createChainVerifier();
  const values: unknown[] = [];
  for await (const value of readNdjson(input)) {
    verifier.push(value);
    values.push(value);
  }
  const chain = verifier.result();
  // Up to the chain's first break every event is a well-formed envelope: the rules can read them.
  const intact = (chain.ok ? values : values.slice(0, chain.firstBadPosition! - 1)) as EventEnvelope[];
  const bad = earliest([
    chain.ok ? undefined : { place: chain.firstBadPosition!, reason: chain.reason ?? 'the hash chain is broken' },
    firstMetadataProblem(intact),
    checkLog(intact) ?? undefined,
  ]);
  if (bad) throw new ImportRefusedError(bad.place, bad.reason);
  try {
    await store.importLog(intact, restoredIdempotency(intact));
  } catch (error) {
    if (error instanceof ChainBrokenError) throw new ImportRefusedError(error.position, error.reason);
    throw error;
  }
  return { events: intact.length, head: await store.head() };
}

function earliest(found: Array<Bad | undefined>): Bad | undefined {
  return found.filter((b): b is Bad => b !== undefined).sort((a, b) => a.place - b.place)[0];
}

const RECORDED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const METADATA_KEYS = new Set(['recordedAt', 'recordedBy', 'commandId', 'schemaVersion']);

/** DOMAIN.md, "Envelope": what the chain and the rules do not look at. */
function firstMetadataProblem(events: EventEnvelope[]): Bad | undefined {
  for (const [index, event] of events.entries()) {
    const reason = metadataProblem(event);
    if (reason) return { place: index + 1, reason };
  }
  return undefined;
}

function metadataProblem(event: EventEnvelope): string | undefined {
  const { metadata } = event;
  if (!UUID.test(event.eventId)) return 'eventId is not a UUID written in lower case';
  const extra = Object.keys(metadata).find((key) => !METADATA_KEYS.has(key));
  if (extra !== undefined) return `metadata.${extra} is not an envelope field`;
  const at = metadata.recordedAt;
  if (!RECORDED_AT.test(at) || new Date(at).toISOString() !== at)
    return 'metadata.recordedAt is not a UTC time written YYYY-MM-DDTHH:MM:SS.sssZ';
  if (metadata.recordedBy.length === 0) return 'metadata.recordedBy is empty';
  if (metadata.commandId !== undefined && !PRINTABLE_KEY.test(metadata.commandId))
    return 'metadata.commandId is not 1-200 printable characters';
  if (metadata.schemaVersion < 1 || metadata.schemaVersion > SCHEMA_VERSION)
    return `metadata.schemaVersion ${metadata.schemaVersion} is not one this version reads (1 to ${SCHEMA_VERSION})`;
  return undefined;
}
