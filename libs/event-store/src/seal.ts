import type { EventEnvelope, LogHead, NewEvent } from './envelope.js';
import { GENESIS_HASH } from './envelope.js';
import { envelopeShapeProblem } from './envelope-shape.js';
import { hashEvent } from './hash-chain.js';

/**
 * Numbers and chains `entries` after `previous`, in the order given: how every adapter seals what
 * it appends. `revisions` holds each stream's revision before them (a stream not in it is new).
 * What is hashed is the JSON round-trip of the event, i.e. exactly what is stored and read back (an
 * `undefined` member vanishes in both), so the chain verifies from the log itself.
 */
export function sealEntries(
  previous: LogHead,
  entries: Iterable<NewEvent & Pick<EventEnvelope, 'streamId'>>,
  revisions: ReadonlyMap<string, number> = new Map(),
): EventEnvelope[] {
  const next = new Map(revisions);
  const sealed: EventEnvelope[] = [];
  let head = previous;
  for (const event of entries) {
    const revision = (next.get(event.streamId) ?? -1) + 1;
    next.set(event.streamId, revision);
    const envelope = sealOne(head, event.streamId, revision, event);
    sealed.push(envelope);
    head = { position: envelope.position, hash: envelope.hash };
  }
  return sealed;
}

/** One append to `streamId` whose first event takes `fromRevision`. */
export function sealEvents(previous: LogHead, streamId: string, fromRevision: number, events: NewEvent[]): EventEnvelope[] {
  return sealEntries(previous, events.map((event) => ({ ...event, streamId })), new Map([[streamId, fromRevision - 1]]));
}

/**
 * A whole log built ahead of time, as appending the events one by one to an empty store would
 * build it: positions from 1, each stream's revisions from 0, the hash chain from genesis. Handing
 * it to `importLog` writes it in one transaction, so a crash leaves the store empty or complete,
 * never half-loaded (appending one event at a time cannot promise that).
 */
export function sealLog(entries: Iterable<NewEvent & Pick<EventEnvelope, 'streamId'>>): EventEnvelope[] {
  return sealEntries({ position: 0, hash: GENESIS_HASH }, entries);
}

function sealOne(previous: LogHead, streamId: string, revision: number, event: NewEvent): EventEnvelope {
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
  return { ...stored, hash: hashEvent(previous.hash, stored) };
}
