import type { CommandOf } from '../commands.js';
import { conflict, fail, ok, unknown, type Result } from '../errors.js';
import type { DomainEvent } from '../events.js';
import type { StreamState } from '../streams.js';

/**
 * A void names an event in effect that is not itself a void; `state` is that event's stream.
 * Voiding a record with dependents in effect is allowed: they stop counting until it is
 * re-recorded.
 */
export function voidEvent(command: CommandOf<'VoidEvent'>, state: StreamState): Result<DomainEvent[]> {
  const { eventId } = command.data;
  const target = state.events.find((r) => r.eventId === eventId);
  if (!target) return fail(unknown(`no event ${eventId}`));
  if (target.type === 'EventVoided') return fail(conflict(`event ${eventId} is a void: it cannot be voided`));
  if (state.voided.has(eventId)) return fail(conflict(`event ${eventId} is already voided`));
  return ok([{ type: 'EventVoided', data: command.data }]);
}
