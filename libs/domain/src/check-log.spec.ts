import { describe, expect, it } from 'vitest';
import { checkLog, parseEvent } from './check-log.js';
import type { EventEnvelope } from './envelope.js';
import {
  agreementSigned,
  assistanceProvided,
  caseClosed,
  csoAssessed,
  csoMapped,
  targetSet,
  trainingHeld,
  victimData,
  victimIdentified,
} from './testing/fixtures.js';
import { asLog, newEventId, recorded, voiding } from './testing/given-when-then.js';

/** A history that obeys every rule, corrections included. */
function validHistory() {
  const mapping = recorded(csoMapped({ mappedOn: '2014-10-01', name: 'Asociation Amal' }));
  const identification = recorded(victimIdentified({ identifiedOn: '2015-04-01', nationality: 'NE' }));
  const closure = recorded(caseClosed({ closedOn: '2015-06-30' }));
  const training = recorded(trainingHeld());
  return [
    mapping,
    csoAssessed({ assessedOn: '2014-11-15' }),
    voiding(mapping, 'Name misspelt'),
    csoMapped({ mappedOn: '2014-10-01' }),
    agreementSigned({ signedOn: '2015-03-10' }),
    training,
    identification,
    assistanceProvided({ providedOn: '2015-04-15', assistanceType: 'avrr_return' }),
    voiding(identification, 'Nationality mistyped'),
    victimIdentified({ identifiedOn: '2015-04-01' }),
    closure,
    voiding(closure, 'Closed too early'),
    assistanceProvided({ providedOn: '2015-08-01', assistanceType: 'reintegration' }),
    caseClosed({ closedOn: '2015-09-01', reason: 'reintegrated' }),
    targetSet({ code: '1.1', period: '2015', value: 40 }),
    targetSet({ code: '2.4', period: '2016', value: 75 }),
  ];
}

/** The valid history with `bad` inserted so that it is the event at `place` (1-based). */
type Logged = Pick<EventEnvelope, 'eventId' | 'type' | 'streamId' | 'data'>;

function withEventAt(place: number, bad: Logged): Logged[] {
  const log = asLog(validHistory());
  return [...log.slice(0, place - 1), bad, ...log.slice(place - 1)];
}

const logged = (e: Partial<Logged> & Pick<Logged, 'type' | 'data'>): Logged => ({
  eventId: newEventId(),
  streamId: 'case-case-0042',
  ...e,
});

describe('checking a log', () => {
  it('passes a history that obeys every rule, corrections included', () => {
    expect(checkLog(asLog(validHistory()))).toBeNull();
  });

  it('passes an empty log', () => {
    expect(checkLog([])).toBeNull();
  });

  it('names the first event whose data is invalid by its 1-based place, and the bad field', () => {
    const bad = logged({ type: 'VictimIdentified', data: { ...victimData({ caseId: 'case-7' }), name: 'Jane Doe' }, streamId: 'case-case-7' });
    expect(checkLog(withEventAt(5, bad))).toEqual({ place: 5, reason: expect.stringContaining('/name') });
  });

  it('names an event of an unknown type', () => {
    const bad = logged({ type: 'CaseReopened', data: { caseId: 'case-0042' } });
    expect(checkLog(withEventAt(3, bad))).toEqual({ place: 3, reason: expect.stringContaining('CaseReopened') });
  });

  it('names an event that is on another stream than its id says', () => {
    const bad = logged({ type: 'TrainingHeld', data: trainingHeld({ trainingId: 'tr-9' }).data, streamId: 'training-tr-8' });
    expect(checkLog(withEventAt(2, bad))).toEqual({ place: 2, reason: expect.stringContaining('training-tr-9') });
  });

  it('names the first event of the log when it breaks a rule', () => {
    expect(checkLog(asLog([assistanceProvided(), victimIdentified()]))?.place).toBe(1);
  });

  it('names a second record of an id while the first is in effect', () => {
    expect(checkLog(asLog([csoMapped(), csoAssessed(), csoMapped()]))?.place).toBe(3);
  });

  it('names a record that a correction dates after an event in effect', () => {
    const mapping = recorded(csoMapped({ mappedOn: '2015-01-10' }));
    const log = asLog([mapping, csoAssessed({ assessedOn: '2015-02-10' }), voiding(mapping), csoMapped({ mappedOn: '2015-03-01' })]);
    expect(checkLog(log)?.place).toBe(4);
  });

  it('names an assessment of a CSO whose mapping is voided', () => {
    const mapping = recorded(csoMapped());
    expect(checkLog(asLog([mapping, voiding(mapping), csoAssessed()]))?.place).toBe(3);
  });

  it('names a second agreement in effect', () => {
    expect(checkLog(asLog([csoMapped(), agreementSigned(), agreementSigned({ signedOn: '2015-05-01' })]))?.place).toBe(3);
  });

  it('names an assistance dated after the closure in effect', () => {
    const log = asLog([
      victimIdentified(),
      caseClosed({ closedOn: '2015-06-30' }),
      assistanceProvided({ providedOn: '2015-07-01' }),
    ]);
    expect(checkLog(log)?.place).toBe(3);
  });

  it('names a closure dated before an assistance in effect', () => {
    const log = asLog([victimIdentified(), assistanceProvided({ providedOn: '2015-07-01' }), caseClosed({ closedOn: '2015-06-30' })]);
    expect(checkLog(log)?.place).toBe(3);
  });

  it('names a void of a void', () => {
    const training = recorded(trainingHeld());
    const theVoid = recorded(voiding(training));
    expect(checkLog(asLog([training, theVoid, voiding(theVoid)]))?.place).toBe(3);
  });

  it('names a second void of the same event', () => {
    const training = recorded(trainingHeld());
    expect(checkLog(asLog([training, voiding(training), voiding(training, 'Again')]))?.place).toBe(3);
  });

  it('names a void of an event that does not exist', () => {
    const log = asLog([victimIdentified(), { type: 'EventVoided', data: { eventId: newEventId(), reason: 'x' } }], 'case-case-0042');
    expect(checkLog(log)?.place).toBe(2);
  });

  it('names a void that is not on the stream of the event it voids', () => {
    const training = recorded(trainingHeld());
    const log = asLog([training, csoMapped()]);
    log.push(logged({ type: 'EventVoided', data: { eventId: training.eventId, reason: 'x' }, streamId: 'cso-amal-rabat' }));
    expect(checkLog(log)?.place).toBe(3);
  });

  it('names a void of an event that only comes later in the log', () => {
    const training = recorded(trainingHeld());
    const early = logged({ type: 'EventVoided', data: { eventId: training.eventId, reason: 'x' }, streamId: 'training-tr-2015-03-oujda' });
    expect(checkLog([early, ...asLog([training])])?.place).toBe(1);
  });

  it('names a target revision of an indicator the logframe does not have', () => {
    const bad = logged({ type: 'IndicatorTargetSet', data: { ...targetSet().data, code: '9.9' }, streamId: 'indicator-9.9' });
    expect(checkLog(withEventAt(4, bad))).toEqual({ place: 4, reason: expect.stringContaining('9.9') });
  });

  it("names a target revision that breaks its unit's rules", () => {
    const bad = logged({ type: 'IndicatorTargetSet', data: targetSet({ code: '1.3', period: '2015' }).data, streamId: 'indicator-1.3' });
    expect(checkLog(withEventAt(7, bad))).toEqual({ place: 7, reason: expect.stringContaining('/period') });
  });

  it('names an event whose id is not a UUID', () => {
    const log = asLog(validHistory());
    log[5] = { ...log[5], eventId: 'training-1' };
    expect(checkLog(log)).toEqual({ place: 6, reason: expect.stringContaining('UUID') });
  });

  it('names the second event that uses an event id already used', () => {
    const log = asLog(validHistory());
    log[5] = { ...log[5], eventId: log[1].eventId };
    expect(checkLog(log)?.place).toBe(6);
  });

  it('names only the first of several bad events', () => {
    const log = asLog([csoMapped(), csoMapped(), assistanceProvided(), trainingHeld(), trainingHeld()]);
    expect(checkLog(log)?.place).toBe(2);
  });

  it('accepts a whole log given as any iterable', () => {
    function* events() {
      yield* asLog(validHistory());
    }
    expect(checkLog(events())).toBeNull();
  });
});

describe('parsing an event of a log', () => {
  it('gives the typed event for valid data', () => {
    expect(parseEvent('VictimIdentified', victimData())).toEqual({ type: 'VictimIdentified', data: victimData() });
  });

  it('names every bad field of invalid data', () => {
    const message = parseEvent('VictimIdentified', { ...victimData({ nationality: 'XK' }), name: 'Jane Doe' });
    expect(message).toEqual(expect.stringContaining('/nationality'));
    expect(message).toEqual(expect.stringContaining('/name'));
  });

  it('refuses an unknown event type', () => {
    expect(parseEvent('toString', {})).toBe('unknown event type "toString"');
  });

  it('applies the unit rules of a target revision', () => {
    expect(parseEvent('IndicatorTargetSet', targetSet({ code: '1.1', value: 2.5 }).data)).toEqual(
      expect.stringContaining('/value'),
    );
  });
});
