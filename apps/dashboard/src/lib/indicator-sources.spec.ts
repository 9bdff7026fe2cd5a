import { describe, expect, it } from 'vitest';
import type { LogEvent } from './api.js';
import { contributingEvents, SOURCES, targetRevisions } from './indicator-sources.js';

let n = 0;
const ev = (type: string, data: Record<string, unknown>): LogEvent => ({
  position: ++n,
  eventId: `e${n}`,
  type,
  streamId: 's',
  revision: 0,
  data,
  metadata: { recordedAt: `2016-01-0${n}T00:00:00.000Z`, recordedBy: 'manager', schemaVersion: 1 },
  hash: 'h',
});

describe('what counts for an indicator', () => {
  it('names means of verification for each of the 13 indicators', () => {
    expect(Object.keys(SOURCES)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '3.1', '3.2', '3.3']);
  });

  it('given trainings for two audiences, one voided and one later than asOf, when listing 2.1, then only the government one in effect and in time, newest first', () => {
    const gov1 = ev('TrainingHeld', { audience: 'government', heldOn: '2015-01-01' });
    const cso = ev('TrainingHeld', { audience: 'cso', heldOn: '2015-01-02' });
    const gov2 = ev('TrainingHeld', { audience: 'government', heldOn: '2015-02-01' });
    const late = ev('TrainingHeld', { audience: 'government', heldOn: '2016-02-01' });
    const gov3 = ev('TrainingHeld', { audience: 'government', heldOn: '2015-03-01' });
    const v = ev('EventVoided', { eventId: gov2.eventId, reason: 'typo' });
    expect(contributingEvents('2.1', [gov1, cso, gov2, late, gov3], [v], '2015-12-31').map((e) => e.eventId)).toEqual([gov3.eventId, gov1.eventId]);
  });

  it('given assistance of several types, when listing 3.1, then only AVRR returns', () => {
    const a = ev('AssistanceProvided', { assistanceType: 'shelter', providedOn: '2015-01-01' });
    const b = ev('AssistanceProvided', { assistanceType: 'avrr_return', providedOn: '2015-01-02' });
    expect(contributingEvents('3.1', [a, b], [], '2016-12-31')).toEqual([b]);
  });

  it('given two revisions of 2.1 and one of 2.2, one voided, when read, then 2.1 has both, the voided one marked', () => {
    const r1 = ev('IndicatorTargetSet', { code: '2.1', period: '2016', value: 180, reason: 'mid-term review' });
    const r2 = ev('IndicatorTargetSet', { code: '2.2', period: '2016', value: 90, reason: 'x' });
    const r3 = ev('IndicatorTargetSet', { code: '2.1', period: '2015', value: 100, reason: 'typo' });
    const v = ev('EventVoided', { eventId: r3.eventId, reason: 'wrong year' });
    expect(targetRevisions('2.1', [r1, r2, r3], [v])).toEqual([
      { position: r1.position, eventId: r1.eventId, period: '2016', value: 180, reason: 'mid-term review', recordedBy: 'manager', recordedAt: r1.metadata.recordedAt, voided: false },
      { position: r3.position, eventId: r3.eventId, period: '2015', value: 100, reason: 'typo', recordedBy: 'manager', recordedAt: r3.metadata.recordedAt, voided: true },
    ]);
  });
});
