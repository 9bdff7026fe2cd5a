import type { EventEnvelope } from '@jalon/event-store';

/**
 * The hash of the demo history's first event (demo-mark.spec.ts recomputes it from the generator).
 * A user can be called anything, `demo` too, so the recording user's name cannot tell the demo
 * apart; this hash can: it chains the generator's fixed id, data and recording time from genesis,
 * and no command can write that event (ids are random, times are the clock's). A log restored from
 * a demo export starts with the same event, and rightly carries the notice.
 */
export const DEMO_FIRST_EVENT_HASH = '8b049ef06f589c68f584f3d3c0505df4c337cd743349b818630b5feb3a49c4cf';

/** Whether the log whose first event this is holds the bundled demo history. */
export function isDemoHistory(first: Pick<EventEnvelope, 'position' | 'hash'>): boolean {
  return first.position === 1 && first.hash === DEMO_FIRST_EVENT_HASH;
}
