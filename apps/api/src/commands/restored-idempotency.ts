import type { EventEnvelope, RestoredIdempotency } from '@jalon/event-store';
import { commandFingerprint, commandTypeOfEvent } from './fingerprint.js';

/**
 * The idempotency records an imported log implies: one per user (`recordedBy`) and key
 * (`commandId`), so that a client retrying after a restore gets its first answer again instead of
 * appending twice. A key that marks one event gets the fingerprint of the command that appended it
 * (fingerprint.ts); a key marking several events came from no single command this version knows,
 * so its fingerprint is one no request has: a retry is a 409, never a second append.
 */
export function restoredIdempotency(events: Iterable<EventEnvelope>): RestoredIdempotency[] {
  const groups = new Map<string, EventEnvelope[]>();
  for (const event of events) {
    const { commandId, recordedBy } = event.metadata;
    if (commandId === undefined) continue;
    const k = JSON.stringify([recordedBy, commandId]);
    const group = groups.get(k);
    if (group) group.push(event);
    else groups.set(k, [event]);
  }
  return [...groups.values()].map((group) => {
    const last = group[group.length - 1];
    return {
      scope: last.metadata.recordedBy,
      key: last.metadata.commandId!,
      fingerprint: fingerprintOf(group),
      eventIds: group.map((e) => e.eventId),
      position: last.position,
    };
  });
}

function fingerprintOf(group: EventEnvelope[]): string {
  const type = commandTypeOfEvent(group[0].type);
  if (group.length !== 1 || type === undefined) return `unmatchable: ${group.length} events`;
  return commandFingerprint({ type, data: group[0].data } as Parameters<typeof commandFingerprint>[0]);
}
