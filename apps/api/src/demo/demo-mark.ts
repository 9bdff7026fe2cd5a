import type { EventEnvelope } from '@jalon/event-store';

/**
 * The hash of the demo history's first event (demo-mark.spec.ts recomputes it from the generator).
 * A user can be called anything, `demo` too, so the recording user's name cannot tell the demo
 * apart; this hash can: it chains the generator's fixed id, data and recording time from genesis,
 * and no command can write that event (ids are random, times are the clock's). A log restored from
 * a demo export starts with the same event, and rightly carries the notice.
 */
export const DEMO_FIRST_EVENT_HASH = '5482b6dabc1c7a35467ddd316e6e6b66c7965390685600f1a91d0e59713826fb';

/** Whether the log whose first event this is holds the bundled demo history. */
export function isDemoHistory(first: Pick<EventEnvelope, 'position' | 'hash'>): boolean {
  return first.position === 1 && first.hash === DEMO_FIRST_EVENT_HASH;
}
