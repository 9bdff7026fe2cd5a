import { describe, it } from 'vitest';
import {
  agreementSigned,
  assistanceProvided,
  caseClosed,
  csoAssessed,
  csoMapped,
  targetSet,
  trainingHeld,
  victimIdentified,
} from '../testing/fixtures.js';
import { given, newEventId, recorded, voidCommand, voiding } from '../testing/given-when-then.js';

describe('voiding an event', () => {
  it('records a void of an event in effect, with its reason', () => {
    const training = recorded(trainingHeld());
    given(training)
      .when(voidCommand(training, 'Participants mistyped'))
      .thenAppends(voiding(training, 'Participants mistyped'));
  });

  it('refuses to void an event that does not exist (unknown)', () => {
    given(trainingHeld()).when(voidCommand(newEventId())).thenRefuses('unknown');
  });

  it('refuses to void an event on an empty stream (unknown)', () => {
    given().when(voidCommand(newEventId())).thenRefuses('unknown');
  });

  it('refuses to void an event that is already voided', () => {
    const training = recorded(trainingHeld());
    given(training, voiding(training)).when(voidCommand(training)).thenRefuses('conflict');
  });

  it('refuses to void a void', () => {
    const training = recorded(trainingHeld());
    const theVoid = recorded(voiding(training));
    given(training, theVoid).when(voidCommand(theVoid)).thenRefuses('conflict');
  });

  it('voids an assessment, a dependent of the mapping', () => {
    const assessment = recorded(csoAssessed());
    given(csoMapped(), assessment).when(voidCommand(assessment)).thenAppends(voiding(assessment));
  });

  it('voids a target revision', () => {
    const revision = recorded(targetSet());
    given(revision).when(voidCommand(revision)).thenAppends(voiding(revision));
  });
});

describe('voiding a record whose dependents are in effect', () => {
  it('is allowed for a CSO mapping with an assessment and an agreement', () => {
    const mapping = recorded(csoMapped());
    given(mapping, csoAssessed(), agreementSigned()).when(voidCommand(mapping)).thenAppends(voiding(mapping));
  });

  it('is allowed for an identification with an assistance and a closure', () => {
    const identification = recorded(victimIdentified());
    given(identification, assistanceProvided(), caseClosed())
      .when(voidCommand(identification))
      .thenAppends(voiding(identification));
  });

  it('is allowed for an event dated after a closure in effect: voids are always allowed', () => {
    const identification = recorded(victimIdentified());
    const assistance = recorded(assistanceProvided({ providedOn: '2015-06-01' }));
    given(identification, assistance, caseClosed({ closedOn: '2015-06-30' }))
      .when(voidCommand(assistance))
      .thenAppends(voiding(assistance));
  });

  it('is allowed for the closure itself', () => {
    const closure = recorded(caseClosed());
    given(victimIdentified(), closure).when(voidCommand(closure)).thenAppends(voiding(closure));
  });

  it('is allowed for a dependent of a voided record', () => {
    const identification = recorded(victimIdentified());
    const assistance = recorded(assistanceProvided());
    given(identification, assistance, voiding(identification))
      .when(voidCommand(assistance))
      .thenAppends(voiding(assistance));
  });
});
