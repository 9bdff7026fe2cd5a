import { parseEvent } from '../check-log.js';
import { parseCommand } from '../commands.js';
import { decide, streamOfCommand } from '../decide/index.js';
import type { EventEnvelope, NewEvent } from '../envelope.js';
import type { DomainError } from '../errors.js';
import { SCHEMA_VERSION } from '../events.js';
import { emptyStream, evolve, type StreamState } from '../streams.js';
import { DEMO_RECORDED_BY } from './notice.js';
import type { Step } from './plan.js';
import type { Rng } from './random.js';
import type { Scheduled } from './schedule.js';

/**
 * Records the steps in order the way the API would: parseCommand, then decide against the state
 * of the stream so far. The history thus obeys every rule by construction; a refusal is a bug in
 * the generator, so it throws.
 */
export function recordAll(scheduled: readonly Scheduled[], ids: Rng): Array<NewEvent & Pick<EventEnvelope, 'streamId'>> {
  const streams = new Map<string, StreamState>();
  const eventIdOf = new Map<Step, string>();
  return scheduled.map(({ step, recordedAt }) => {
    const state = streams.get(step.streamId) ?? emptyStream;
    const pathId = step.voids ? eventIdOf.get(step.voids) : step.pathId;
    const parsed = parseCommand(step.command, step.body, pathId);
    if (!parsed.ok) throw refused(step, parsed.error);
    const target = streamOfCommand(parsed.value);
    if (target !== undefined && target !== step.streamId) throw new Error(`demo: ${step.command} planned on ${step.streamId}, belongs on ${target}`);
    const decided = decide(parsed.value, state);
    if (!decided.ok) throw refused(step, decided.error);
    if (decided.value.length !== 1) throw new Error(`demo: ${step.command} decided ${decided.value.length} events`);
    // Re-parsing puts the data's keys in the schema's order, as DOMAIN.md lists them.
    const event = parseEvent(decided.value[0].type, decided.value[0].data);
    if (typeof event === 'string') throw new Error(`demo: ${step.command} on ${step.streamId}: ${event}`);
    const eventId = ids.uuid();
    streams.set(step.streamId, evolve(state, { eventId, ...event }));
    eventIdOf.set(step, eventId);
    const metadata = { recordedAt, recordedBy: DEMO_RECORDED_BY, schemaVersion: SCHEMA_VERSION };
    return { eventId, type: event.type, streamId: step.streamId, data: event.data as Record<string, unknown>, metadata };
  });
}

function refused(step: Step, error: DomainError): Error {
  const details = error.errors?.map((e) => ` ${e.path}: ${e.message}`).join(';') ?? '';
  return new Error(`demo: ${step.command} on ${step.streamId} (${step.on}) refused: ${error.message}${details}`);
}
