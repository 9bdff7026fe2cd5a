import { describe, expect, it } from 'vitest';
import type { DomainEvent } from './events.js';
import {
  emptyStream,
  evolve,
  foldStream,
  inEffect,
  inEffectDatedBefore,
  inEffectOfType,
  streamIds,
  streamOf,
} from './streams.js';
import {
  agreementSigned,
  assistanceProvided,
  caseClosed,
  csoAssessed,
  csoMapped,
  targetSet,
  trainingHeld,
  victimIdentified,
} from './testing/fixtures.js';
import { recorded, voiding } from './testing/given-when-then.js';

describe('stream names', () => {
  it('follow DOMAIN.md: one stream per CSO, training, case and indicator', () => {
    expect(streamIds.cso('amal')).toBe('cso-amal');
    expect(streamIds.training('t-1')).toBe('training-t-1');
    expect(streamIds.case('c_9')).toBe('case-c_9');
    expect(streamIds.indicator('2.4')).toBe('indicator-2.4');
  });

  it.each<[DomainEvent, string]>([
    [csoMapped({ csoId: 'amal' }), 'cso-amal'],
    [csoAssessed({ csoId: 'amal' }), 'cso-amal'],
    [agreementSigned({ csoId: 'amal' }), 'cso-amal'],
    [trainingHeld({ trainingId: 't-1' }), 'training-t-1'],
    [victimIdentified({ caseId: 'c9' }), 'case-c9'],
    [assistanceProvided({ caseId: 'c9' }), 'case-c9'],
    [caseClosed({ caseId: 'c9' }), 'case-c9'],
    [targetSet({ code: '3.3' }), 'indicator-3.3'],
  ])('put a $type on %s', (event, stream) => {
    expect(streamOf(event)).toBe(stream);
  });

  it("leave a void's stream to its target", () => {
    expect(streamOf(voiding(recorded(trainingHeld())))).toBeUndefined();
  });
});

describe('folding a stream', () => {
  it('starts at revision -1 with nothing in effect', () => {
    expect(foldStream([])).toEqual(emptyStream);
    expect(emptyStream.revision).toBe(-1);
    expect(inEffect(emptyStream)).toEqual([]);
  });

  it('counts revisions from 0, voids included', () => {
    const mapping = recorded(csoMapped());
    expect(foldStream([mapping]).revision).toBe(0);
    expect(foldStream([mapping, recorded(csoAssessed()), recorded(voiding(mapping))]).revision).toBe(2);
  });

  it('keeps every event in order, voided ones too: the log keeps both records', () => {
    const mapping = recorded(csoMapped());
    const theVoid = recorded(voiding(mapping));
    const again = recorded(csoMapped());
    expect(foldStream([mapping, theVoid, again]).events).toEqual([mapping, theVoid, again]);
  });

  it('leaves the earlier state unchanged', () => {
    const mapping = recorded(csoMapped());
    const before = foldStream([mapping]);
    evolve(before, recorded(voiding(mapping)));
    expect(before.revision).toBe(0);
    expect(before.events).toHaveLength(1);
    expect(before.voided.size).toBe(0);
  });
});

describe('the events in effect', () => {
  const mapping = recorded(csoMapped({ mappedOn: '2015-01-10' }));
  const assessment = recorded(csoAssessed({ assessedOn: '2015-02-10' }));
  const agreement = recorded(agreementSigned({ signedOn: '2015-03-10' }));
  const theVoid = recorded(voiding(assessment));
  const state = foldStream([mapping, assessment, agreement, theVoid]);

  it('are those recorded and not voided, voids excluded', () => {
    expect(inEffect(state)).toEqual([mapping, agreement]);
  });

  it('can be taken by type', () => {
    expect(inEffectOfType(state, 'PartnershipAgreementSigned')).toEqual([agreement]);
    expect(inEffectOfType(state, 'CsoCapacityAssessed')).toEqual([]);
  });

  it('dated strictly before a date are the ones that forbid a later record', () => {
    expect(inEffectDatedBefore(state, '2015-03-10')).toEqual([mapping]);
    expect(inEffectDatedBefore(state, '2015-03-11')).toEqual([mapping, agreement]);
    expect(inEffectDatedBefore(state, '2015-01-10')).toEqual([]);
  });

  it('exclude target revisions from dating, since they have no business date', () => {
    const targets = foldStream([recorded(targetSet())]);
    expect(inEffectDatedBefore(targets, '2016-12-31')).toEqual([]);
  });
});
