import { checkLog, type LoggedEvent } from '@jalon/domain';
import {
  createChainVerifier,
  envelopeShapeProblem,
  readNdjson,
  type EventEnvelope,
  type EventStore,
} from '@jalon/event-store';
import { refusal } from '../failure.js';
import { readingInput } from '../files.js';

/**
 * `jalon import FILE`: restores an export into an empty store, after checking its hash chain and
 * every event against the domain's rules. Either check failing names the first bad position and
 * writes nothing.
 */
export async function importFile(store: EventStore, file: string, out: (line: string) => void): Promise<number> {
  // The file is opened first: a missing file is a usage error whatever the store holds.
  const values = await readingInput(file, async (input) => {
    await refuseNonEmpty(store);
    const all: unknown[] = [];
    for await (const value of readNdjson(input)) all.push(value);
    return all;
  });
  const bad = firstBad(values);
  if (bad) throw refusal(`import refused: first bad position ${bad.place}: ${bad.reason}; nothing was written`);
  // importLog re-checks emptiness inside its transaction: a writer racing us is refused there.
  await store.importLog(values as EventEnvelope[]);
  const head = await store.head();
  out(`imported ${values.length} events; head position ${head.position}, hash ${head.hash}`);
  return 0;
}

async function refuseNonEmpty(store: EventStore): Promise<void> {
  const { position } = await store.head();
  if (position !== 0)
    throw refusal(`the store already holds ${position} events: import restores into an empty store only; nothing was written`);
}

/** The earlier of the chain's first bad place and the domain rules' first bad place. */
function firstBad(values: unknown[]): { place: number; reason: string } | null {
  const verifier = createChainVerifier();
  for (const value of values) verifier.push(value);
  const chain = verifier.result();
  const rules = checkLog(wellFormedPrefix(values));
  const candidates = [
    chain.firstBadPosition === null ? null : { place: chain.firstBadPosition, reason: chain.reason ?? 'hash chain broken' },
    rules,
  ].filter((c): c is { place: number; reason: string } => c !== null);
  candidates.sort((a, b) => a.place - b.place);
  return candidates[0] ?? null;
}

/** The rules can only read envelopes: they stop where the first malformed line is (the chain names it). */
function* wellFormedPrefix(values: unknown[]): Generator<LoggedEvent> {
  for (const value of values) {
    if (envelopeShapeProblem(value) !== null) return;
    yield value as EventEnvelope;
  }
}
