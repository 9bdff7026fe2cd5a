import { businessDate, demoHistory, EVENT_TYPES, type DomainEvent } from '@jalon/domain';
import { BUSINESS_DATE_FIELDS, businessDateOf } from '@jalon/event-store';
import { describe, expect, it } from 'vitest';

// The event store indexes the business date for the log browser but may import only the domain's types:
// this keeps its copy of "which member is the business date" equal to the domain's.
describe('the business date the store indexes', () => {
  it('is the domain’s business date for every event of the demo history (every dated type among them)', () => {
    const history = demoHistory();
    for (const event of history) {
      expect(businessDateOf(event), `${event.type} at ${event.eventId}`).toBe(businessDate(event as unknown as DomainEvent));
    }
    const datedTypes = new Set(history.filter((e) => businessDate(e as unknown as DomainEvent) !== undefined).map((e) => e.type));
    expect([...datedTypes].sort()).toEqual(Object.keys(BUSINESS_DATE_FIELDS).sort());
  });

  it('names only event types of DOMAIN.md, and none for target revisions and voids', () => {
    for (const type of Object.keys(BUSINESS_DATE_FIELDS)) expect(EVENT_TYPES).toContain(type);
    expect(BUSINESS_DATE_FIELDS.IndicatorTargetSet).toBeUndefined();
    expect(BUSINESS_DATE_FIELDS.EventVoided).toBeUndefined();
  });
});
