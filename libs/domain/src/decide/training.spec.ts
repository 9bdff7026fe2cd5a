import { describe, it } from 'vitest';
import { holdTraining, trainingData, trainingHeld } from '../testing/fixtures.js';
import { given, recorded, voiding } from '../testing/given-when-then.js';

describe('recording a training', () => {
  it('records the training on a new stream', () => {
    given().when(holdTraining()).thenAppends(trainingHeld());
  });

  it('records a training without a knowledge test, since the test is optional', () => {
    const { knowledgeTest: _, ...untested } = trainingData();
    given()
      .when({ type: 'HoldTraining', data: untested })
      .thenAppends({ type: 'TrainingHeld', data: untested });
  });

  it('refuses a second record of a training while the first one is in effect', () => {
    given(trainingHeld()).when(holdTraining({ topic: 'Another topic' })).thenRefuses('conflict', '/trainingId');
  });

  it('records the training again once its record is voided (a correction)', () => {
    const wrong = recorded(trainingHeld({ participants: { female: 70, male: 11 } }));
    given(wrong, voiding(wrong)).when(holdTraining()).thenAppends(trainingHeld());
  });

  it('refuses a third record after a correction, since the corrected one is in effect', () => {
    const wrong = recorded(trainingHeld({ heldOn: '2015-03-17' }));
    given(wrong, voiding(wrong), trainingHeld()).when(holdTraining()).thenRefuses('conflict', '/trainingId');
  });
});
