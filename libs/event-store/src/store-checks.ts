import type { EventEnvelope, NewEvent } from './envelope.js';
import { ChainBrokenError } from './errors.js';
import { verifyChain } from './hash-chain.js';
import type { LogFilter } from './log-filter.js';

// The argument and import checks every adapter shares, so that all refuse the same things with
// the same errors.

export function checkAppendArguments(events: NewEvent[], expectedRevision: number): void {
  if (!Array.isArray(events) || events.length === 0) {
    throw new RangeError('append needs at least one event');
  }
  if (!Number.isSafeInteger(expectedRevision) || expectedRevision < -1) {
    throw new RangeError(`expectedRevision must be an integer ≥ -1, got ${expectedRevision}`);
  }
}

/** A multi-stream append names each of its streams' expected revisions, and nothing else. */
export function checkAppendManyArguments(
  entries: Array<NewEvent & Pick<EventEnvelope, 'streamId'>>,
  expectedRevisions: Readonly<Record<string, number>>,
): void {
  if (!Array.isArray(entries) || entries.length === 0) throw new RangeError('append needs at least one event');
  const streams = new Set(entries.map((e) => e.streamId));
  const named = Object.keys(expectedRevisions);
  for (const streamId of streams)
    if (!(streamId in expectedRevisions)) throw new RangeError(`no expected revision for stream ${streamId}`);
  for (const streamId of named) {
    if (!streams.has(streamId)) throw new RangeError(`an expected revision for stream ${streamId}, which gets no event`);
    checkAppendArguments([entries[0]], expectedRevisions[streamId]);
  }
}

/** The one-stream append as a multi-stream one. */
export function oneStream(streamId: string, events: NewEvent[], expectedRevision: number) {
  return { entries: events.map((event) => ({ ...event, streamId })), expectedRevisions: { [streamId]: expectedRevision } };
}

export function checkReadAllArguments(after: number, limit: number, filter: LogFilter = {}): void {
  if (!Number.isSafeInteger(after) || !Number.isSafeInteger(limit) || limit < 0) {
    throw new RangeError(`readAll needs integer after and limit ≥ 0, got ${after} and ${limit}`);
  }
  checkFilter(filter);
}

export function checkFilter(filter: LogFilter & { order?: string }): void {
  if (filter.before !== undefined && !Number.isSafeInteger(filter.before)) {
    throw new RangeError(`before must be an integer, got ${filter.before}`);
  }
  if (filter.order !== undefined && filter.order !== 'asc' && filter.order !== 'desc') {
    throw new RangeError(`order must be asc or desc, got ${filter.order}`);
  }
  if (filter.types !== undefined && (!Array.isArray(filter.types) || filter.types.some((t) => typeof t !== 'string'))) {
    throw new RangeError('types must be a list of strings');
  }
}

/**
 * An export must be a whole, intact log from its first event: the chain verifies, each stream's
 * revisions run 0, 1, 2… and no event id repeats. Names the 1-based place of the first bad event.
 */
export function checkImport(events: EventEnvelope[]): void {
  const chain = verifyChain(events);
  if (!chain.ok) throw new ChainBrokenError(chain.firstBadPosition ?? 0, chain.reason ?? 'chain broken');
  const revisions = new Map<string, number>();
  const ids = new Set<string>();
  for (const [index, event] of events.entries()) {
    const expected = (revisions.get(event.streamId) ?? -1) + 1;
    if (event.revision !== expected) {
      throw new ChainBrokenError(index + 1, `stream ${event.streamId} has revision ${event.revision}, expected ${expected}`);
    }
    if (ids.has(event.eventId)) throw new ChainBrokenError(index + 1, `event id ${event.eventId} repeats`);
    revisions.set(event.streamId, expected);
    ids.add(event.eventId);
  }
}
