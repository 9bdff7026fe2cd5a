import { COMMANDS, type CommandType, type DomainCommand } from './commands.js';
import { decide } from './decide/index.js';
import type { EventEnvelope } from './envelope.js';
import { EVENT_SCHEMAS, isEventType, type DomainEvent } from './events.js';
import { fieldErrors } from './errors.js';
import { uuid } from './fields.js';
import { findIndicator } from './logframe.js';
import { emptyStream, evolve, streamOf, type StreamState } from './streams.js';
import { targetErrors } from './targets.js';

/** The fields of an event of the log that matter to the rules. */
type Checked = Pick<EventEnvelope, 'eventId' | 'type' | 'streamId' | 'data'>;

const COMMAND_OF_EVENT = new Map(
  (Object.keys(COMMANDS) as CommandType[]).map((c) => [COMMANDS[c].event as string, c]),
);

/** Parses an event's data strictly (including a target's unit rules); a message when it is bad. */
export function parseEvent(type: string, data: unknown): DomainEvent | string {
  if (!isEventType(type)) return `unknown event type "${type}"`;
  const parsed = EVENT_SCHEMAS[type].safeParse(data);
  if (!parsed.success) return fieldErrors(parsed.error).map((e) => `${e.path}: ${e.message}`).join('; ');
  const event = { type, data: parsed.data } as DomainEvent;
  if (event.type === 'IndicatorTargetSet') {
    const indicator = findIndicator(event.data.code);
    if (!indicator) return `no indicator ${event.data.code} in the logframe`;
    const errors = targetErrors(indicator, event.data);
    if (errors.length > 0) return errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  }
  return event;
}

/**
 * Re-checks a whole log against DOMAIN.md, in order: each event's data, its stream, and that
 * `decide` would have recorded it given what came before. Returns the 1-based place of the first
 * event that breaks a rule, or null.
 */
export function checkLog(events: Iterable<Checked>): { place: number; reason: string } | null {
  const streams = new Map<string, StreamState>();
  const ids = new Set<string>();
  let place = 0;
  for (const logged of events) {
    place++;
    const reason = checkId(logged.eventId, ids) ?? checkOne(logged, streams);
    if (reason) return { place, reason };
    ids.add(logged.eventId);
  }
  return null;
}

/** An event id is a UUID (DOMAIN.md, "Envelope") and names one event only: voids rely on it. */
function checkId(eventId: string, ids: ReadonlySet<string>): string | undefined {
  if (!uuid.safeParse(eventId).success) return `event id "${eventId}" is not a UUID written in lower case`;
  if (ids.has(eventId)) return `event id ${eventId} is used twice`;
  return undefined;
}

function checkOne(logged: Checked, streams: Map<string, StreamState>): string | undefined {
  const event = parseEvent(logged.type, logged.data);
  if (typeof event === 'string') return event;
  const expectedStream = streamOf(event);
  if (expectedStream !== undefined && expectedStream !== logged.streamId)
    return `a ${event.type} belongs on stream ${expectedStream}, not ${logged.streamId}`;
  const state = streams.get(logged.streamId) ?? emptyStream;
  const command = { type: COMMAND_OF_EVENT.get(event.type), data: event.data } as DomainCommand;
  const decision = decide(command, state);
  if (!decision.ok) return decision.error.message;
  streams.set(logged.streamId, evolve(state, { eventId: logged.eventId, ...event }));
  return undefined;
}


