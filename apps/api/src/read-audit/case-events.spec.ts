import { describe, expect, it } from 'vitest';
import { countCaseEvents } from './case-events.js';

const envelope = (eventId: string, streamId: string, data: object = {}) => ({ position: 1, eventId, type: 'X', streamId, data });

describe('countCaseEvents', () => {
  it('given a page of envelopes, when counted, then only events of case- streams count', () => {
    const page = { events: [envelope('a', 'case-C1'), envelope('b', 'cso-K1'), envelope('c', 'case-C2'), envelope('d', 'training-T')], next: null };
    expect(countCaseEvents(page)).toBe(2);
  });

  it('given a restatement whose event changed two indicators, when counted, then the event counts once', () => {
    const change = { position: 7, eventId: 'e7', type: 'EventVoided', streamId: 'case-C1', reason: 'typo' };
    const body = { indicators: [{ code: '1.1', changes: [change] }, { code: '1.3', changes: [change] }, { code: '2.5', changes: [] }] };
    expect(countCaseEvents(body)).toBe(1);
  });

  it('given a void of a case event, when counted, then its data (an eventId without a streamId) is not a second event', () => {
    expect(countCaseEvents([envelope('v', 'case-C1', { eventId: 'a', reason: 'r' })])).toBe(1);
  });

  it('given no events, a stream named like a case elsewhere, or nothing at all, then 0', () => {
    expect(countCaseEvents({ events: [], next: null })).toBe(0);
    expect(countCaseEvents([envelope('a', 'cso-case-1')])).toBe(0);
    expect(countCaseEvents(undefined)).toBe(0);
  });
});
