import { createHash } from 'node:crypto';
import type { EventEnvelope, LogHead } from './envelope.js';
import { GENESIS_HASH } from './envelope.js';
import { envelopeShapeProblem } from './envelope-shape.js';
import { canonicalJson } from './canonical-json.js';

/** What the hash covers: the envelope without its own hash. */
export type HashedFields = Omit<EventEnvelope, 'hash'>;

/**
 * DOMAIN.md "Integrity": SHA-256 over the previous hash followed by the RFC 8785 canonical JSON of
 * exactly the seven hashed keys. The object is rebuilt key by key so a stray extra property on the
 * caller's object (say, a row's `hash`) can never leak into the hash.
 */
export function hashEvent(previousHash: string, event: HashedFields): string {
  const hashed = {
    position: event.position,
    eventId: event.eventId,
    type: event.type,
    streamId: event.streamId,
    revision: event.revision,
    data: event.data,
    metadata: event.metadata,
  };
  // Canonical JSON skips undefined members, so an absent optional field stays absent, never null.
  const canonical = canonicalJson(hashed);
  if (canonical === undefined) throw new Error('event cannot be canonicalized');
  return createHash('sha256').update(previousHash, 'utf8').update(canonical, 'utf8').digest('hex');
}

export interface ChainVerification {
  ok: boolean;
  /** How many events (lines) were walked, good or bad. */
  events: number;
  /** The last well-formed event walked; null when there was none. */
  head: LogHead | null;
  /** 1-based place of the first bad event; null when ok. */
  firstBadPosition: number | null;
  /** Why the first bad event is bad; null when ok. */
  reason: string | null;
}

export interface ChainVerifierOptions {
  /**
   * Hashes to look out for (as for `jalon verify --expect-head`). Only these are remembered, so
   * the verifier runs in constant memory over any number of events.
   */
  watch?: Iterable<string>;
}

export interface ChainVerifier {
  /** Walks the next event; `value` is anything (a parsed line): its shape is checked here. */
  push(value: unknown): void;
  result(): ChainVerification;
  /** True when an event with this (watched) hash was found intact, before any break. */
  sawHash(hash: string): boolean;
}

/** A streaming verifier: holds only the previous hash and the watched hashes, never the events. */
export function createChainVerifier(options: ChainVerifierOptions = {}): ChainVerifier {
  const watched = new Map<string, boolean>();
  for (const hash of options.watch ?? []) watched.set(hash.toLowerCase(), false);
  let events = 0;
  let previousHash = GENESIS_HASH;
  let head: LogHead | null = null;
  let firstBad: { place: number; reason: string } | null = null;

  const push = (value: unknown): void => {
    events += 1;
    const problem = problemAt(events, previousHash, value);
    if (problem === null || problem.wellFormed) {
      const event = value as EventEnvelope;
      previousHash = event.hash;
      head = { position: event.position, hash: event.hash };
    }
    if (problem !== null) firstBad ??= { place: events, reason: problem.reason };
    // Past a break nothing is proven, so a watched hash counts only on the intact prefix.
    if (firstBad === null && watched.has(previousHash)) watched.set(previousHash, true);
  };

  const sawHash = (hash: string): boolean => {
    const seen = watched.get(hash.toLowerCase());
    if (seen === undefined) throw new Error(`hash ${hash} was not given to the verifier to watch`);
    return seen;
  };

  const result = (): ChainVerification => ({
    ok: firstBad === null,
    events,
    head,
    firstBadPosition: firstBad?.place ?? null,
    reason: firstBad?.reason ?? null,
  });

  return { push, result, sawHash };
}

interface Problem {
  reason: string;
  /** A well-formed event still passes its stored hash on to the next one. */
  wellFormed: boolean;
}

function problemAt(place: number, previousHash: string, value: unknown): Problem | null {
  const shape = envelopeShapeProblem(value);
  if (shape !== null) return { reason: shape, wellFormed: false };
  const event = value as EventEnvelope;
  if (event.position !== place) {
    return { reason: `position is ${event.position}, expected ${place}`, wellFormed: true };
  }
  let expected: string;
  try {
    expected = hashEvent(previousHash, event);
  } catch (error) {
    return { reason: `cannot be canonicalized: ${(error as Error).message}`, wellFormed: false };
  }
  if (expected !== event.hash) {
    return { reason: 'hash does not match the event and the previous hash', wellFormed: true };
  }
  return null;
}

/** Verifies a whole sequence at once (an array, or any iterable walked once). */
export function verifyChain(events: Iterable<unknown>, options?: ChainVerifierOptions): ChainVerification {
  const verifier = createChainVerifier(options);
  for (const event of events) verifier.push(event);
  return verifier.result();
}
