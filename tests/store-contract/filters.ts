/**
 * The log browser's filters (readAll and countAll), part of the store contract: each adapter must
 * give exactly the positions listed here, worked out by hand from the nine events of `seedNine`.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { EventEnvelope, EventStore, LogFilter, ReadAllOptions } from '@jalon/event-store';

const T0 = Date.UTC(2016, 0, 4, 9, 0, 0);
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

/**
 * position: type, stream, recordedBy, recordedAt (seconds after T0), business date.
 * Event 4 was recorded "before" event 1 (clocks of two processes need not agree): filters on
 * recordedAt must follow the values, not the positions.
 */
const NINE: Array<[string, string, string, number, Record<string, unknown>]> = [
  ['CsoMapped', 'cso-k1', 'ana', 1, { csoId: 'k1', mappedOn: '2015-01-10' }],
  ['TrainingHeld', 'training-t1', 'bob', 2, { trainingId: 't1', heldOn: '2015-02-01' }],
  ['VictimIdentified', 'case-c1', 'ana', 3, { caseId: 'c1', identifiedOn: '2015-03-05' }],
  ['AssistanceProvided', 'case-c1', 'bob', 0.5, { caseId: 'c1', providedOn: '2015-03-06' }],
  ['IndicatorTargetSet', 'indicator-1.1', 'ana', 5, { code: '1.1', period: '2015', value: 40, reason: 'r' }],
  ['EventVoided', 'case-c1', 'bob', 6, { eventId: 'x', reason: 'typo' }],
  ['CaseClosed', 'case-c1', 'ana', 7, { caseId: 'c1', closedOn: '2015-06-30' }],
  ['CsoCapacityAssessed', 'cso-k1', 'bob', 8, { csoId: 'k1', assessedOn: '2015-02-15' }],
  ['PartnershipAgreementSigned', 'cso-k1', 'ana', 9, { csoId: 'k1', signedOn: '2015-03-01' }],
];

async function seedNine(store: EventStore): Promise<void> {
  const revisions = new Map<string, number>();
  for (const [type, streamId, recordedBy, seconds, data] of NINE) {
    const expectedRevision = revisions.get(streamId) ?? -1;
    const metadata = { recordedAt: at(seconds), recordedBy, schemaVersion: 1 };
    await store.append(streamId, [{ eventId: randomUUID(), type, data, metadata }], { expectedRevision });
    revisions.set(streamId, expectedRevision + 1);
  }
}

const positions = (events: EventEnvelope[]) => events.map((e) => e.position);

export function defineFilterTests(current: () => EventStore): void {
  const read = async (options: Partial<ReadAllOptions>) =>
    positions(await current().readAll({ after: 0, limit: 100, ...options }));

  it('given nine events, when filtered by one or several types, a stream or a stream prefix, then exactly the matching positions come', async () => {
    await seedNine(current());
    expect(await read({ types: ['VictimIdentified'] })).toEqual([3]);
    expect(await read({ types: ['CaseClosed', 'CsoMapped'] })).toEqual([1, 7]);
    expect(await read({ types: [] })).toEqual([]);
    expect(await read({ streamId: 'case-c1' })).toEqual([3, 4, 6, 7]);
    expect(await read({ streamPrefix: 'case-' })).toEqual([3, 4, 6, 7]);
    expect(await read({ streamPrefix: 'cso-' })).toEqual([1, 8, 9]);
  });

  it('given nine events, when filtered by who recorded them and when (not in position order), then by the values', async () => {
    await seedNine(current());
    expect(await read({ recordedBy: 'bob' })).toEqual([2, 4, 6, 8]);
    expect(await read({ recordedFrom: at(2), recordedTo: at(6) })).toEqual([2, 3, 5, 6]);
    expect(await read({ recordedTo: at(1) })).toEqual([1, 4]);
    expect(await read({ recordedFrom: at(8.5) })).toEqual([9]);
  });

  it('given nine events, when filtered by business date, then target revisions and voids (which have none) never match', async () => {
    await seedNine(current());
    expect(await read({ businessFrom: '2015-02-01', businessTo: '2015-03-05' })).toEqual([2, 3, 8, 9]);
    expect(await read({ businessFrom: '2015-03-06' })).toEqual([4, 7]);
    expect(await read({ businessTo: '2015-01-31' })).toEqual([1]);
    expect(await read({ businessFrom: '2014-01-01', businessTo: '2016-12-31' })).toEqual([1, 2, 3, 4, 7, 8, 9]);
  });

  it('given nine events, when filters are combined and bounded by after and before, then all must hold', async () => {
    await seedNine(current());
    expect(await read({ streamPrefix: 'case-', recordedBy: 'ana' })).toEqual([3, 7]);
    expect(await read({ types: ['AssistanceProvided', 'EventVoided', 'CaseClosed'], recordedBy: 'bob' })).toEqual([4, 6]);
    expect(await read({ after: 2, before: 7 })).toEqual([3, 4, 5, 6]);
    expect(await read({ after: 2, before: 7, businessFrom: '2015-03-06' })).toEqual([4]);
  });

  it('given nine events, when paging oldest first and newest first with a filter, then pages follow each other without overlap', async () => {
    await seedNine(current());
    expect(await read({ recordedBy: 'ana', limit: 2 })).toEqual([1, 3]);
    expect(await read({ recordedBy: 'ana', limit: 2, after: 3 })).toEqual([5, 7]);
    expect(await read({ recordedBy: 'ana', limit: 2, after: 7 })).toEqual([9]);
    expect(await read({ order: 'desc', limit: 3 })).toEqual([9, 8, 7]);
    expect(await read({ order: 'desc', limit: 2, before: 7 })).toEqual([6, 5]);
    expect(await read({ order: 'desc', limit: 3, streamId: 'case-c1' })).toEqual([7, 6, 4]);
    expect(await read({ order: 'desc', limit: 3, streamId: 'case-c1', before: 4 })).toEqual([3]);
    expect(await read({ order: 'desc', limit: 0 })).toEqual([]);
  });

  it('given nine events, when counted with a filter, then the count is that of the matching events', async () => {
    await seedNine(current());
    const count = (filter: LogFilter) => current().countAll(filter);
    expect(await count({})).toBe(9);
    expect(await count({ streamPrefix: 'case-' })).toBe(4);
    expect(await count({ streamPrefix: 'case-', before: 7 })).toBe(3);
    expect(await count({ businessFrom: '2015-03-01' })).toBe(4);
    expect(await count({ types: ['CsoMapped'], recordedBy: 'bob' })).toBe(0);
  });
}
