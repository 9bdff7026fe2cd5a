import { expect } from 'vitest';
import type { CommandOf, DomainCommand } from '../commands.js';
import { decide } from '../decide/index.js';
import type { EventEnvelope } from '../envelope.js';
import type { DomainErrorCode, Result } from '../errors.js';
import type { DomainEvent, EventOf } from '../events.js';
import { foldStream, streamOf } from '../streams.js';

/** An event of a stream with the id a void can name. */
type Recorded = Pick<EventEnvelope, 'eventId'> & DomainEvent;

/**
 * Given these events of a stream, when this command, then these events (or this error):
 *
 *   given(csoMapped()).when(mapCso()).thenRefuses('conflict', '/csoId');
 *
 * Plain events get a fresh event id; pass `recorded(event)` to keep one a void can name.
 */

let lastId = 0;

/** A fresh, valid UUID (v4 layout), unique within a test run. */
export function newEventId(): string {
  lastId += 1;
  return `00000000-0000-4000-8000-${String(lastId).padStart(12, '0')}`;
}

export function recorded(event: DomainEvent, eventId = newEventId()): Recorded {
  return { eventId, ...event };
}

export function voiding(target: Recorded, reason = 'Recorded by mistake'): EventOf<'EventVoided'> {
  return { type: 'EventVoided', data: { eventId: target.eventId, reason } };
}

export function voidCommand(target: Recorded | string, reason = 'Recorded by mistake'): CommandOf<'VoidEvent'> {
  const eventId = typeof target === 'string' ? target : target.eventId;
  return { type: 'VoidEvent', data: { eventId, reason } };
}

type Given = DomainEvent | Recorded;

function asRecorded(e: Given): Recorded {
  return 'eventId' in e ? e : recorded(e);
}

export function given(...history: Given[]) {
  const state = foldStream(history.map(asRecorded));
  return { state, when: (command: DomainCommand) => outcome(decide(command, state)) };
}

function outcome(result: Result<DomainEvent[]>) {
  return {
    result,
    /** The command succeeds and appends exactly these events. */
    thenAppends(...expected: DomainEvent[]) {
      expect(result).toEqual({ ok: true, value: expected });
    },
    /** The command is refused with this code and, when given, an error at this JSON Pointer. */
    thenRefuses(code: DomainErrorCode, path?: string) {
      expect(result.ok ? result.value : result.error.code, 'refused with').toEqual(code);
      if (result.ok) return;
      expect(result.error.message).toMatch(/\S/);
      if (path !== undefined) expect(result.error.errors?.map((e) => e.path) ?? []).toContain(path);
    },
  };
}

/**
 * A log as an export holds it: every event on its stream; a void on the stream of the event it
 * names (when that event is not in the history, on `orphanStream`).
 */
export function asLog(history: Given[], orphanStream = 'case-nowhere'): Array<Pick<EventEnvelope, 'eventId' | 'type' | 'streamId' | 'data'>> {
  const streams = new Map<string, string>();
  return history.map(asRecorded).map(({ eventId, ...event }) => {
    const streamId = streamOf(event) ?? (event.type === 'EventVoided' ? streams.get(event.data.eventId) : undefined);
    streams.set(eventId, streamId ?? orphanStream);
    return { eventId, type: event.type, streamId: streamId ?? orphanStream, data: event.data };
  });
}
