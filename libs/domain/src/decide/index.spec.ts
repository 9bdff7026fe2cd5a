import { describe, expect, it } from 'vitest';
import type { DomainCommand } from '../commands.js';
import {
  assessCso,
  closeCase,
  holdTraining,
  identifyVictim,
  mapCso,
  provideAssistance,
  setTarget,
  signAgreement,
  targetSet,
} from '../testing/fixtures.js';
import { given, newEventId, recorded, voidCommand } from '../testing/given-when-then.js';
import { streamOfCommand } from './index.js';

describe('setting a target', () => {
  it('records the revision as asked, for any indicator of the logframe', () => {
    given().when(setTarget()).thenAppends(targetSet());
  });

  it('records another revision of a year already revised (the read models apply the latest)', () => {
    given(targetSet({ value: 40 }))
      .when(setTarget({ value: 45 }))
      .thenAppends(targetSet({ value: 45 }));
  });
});

describe('the stream a command writes to', () => {
  it.each<[string, DomainCommand, string]>([
    ['MapCso', mapCso(), 'cso-amal-rabat'],
    ['AssessCso', assessCso(), 'cso-amal-rabat'],
    ['SignAgreement', signAgreement(), 'cso-amal-rabat'],
    ['HoldTraining', holdTraining(), 'training-tr-2015-03-oujda'],
    ['IdentifyVictim', identifyVictim(), 'case-case-0042'],
    ['ProvideAssistance', provideAssistance(), 'case-case-0042'],
    ['CloseCase', closeCase(), 'case-case-0042'],
    ['SetTarget', setTarget({ code: '2.4' }), 'indicator-2.4'],
  ])('of %s is named after the id it carries', (_, command, stream) => {
    expect(streamOfCommand(command)).toBe(stream);
  });

  it("is unknown for a void until the log says which stream holds its target", () => {
    expect(streamOfCommand(voidCommand(recorded(targetSet())))).toBeUndefined();
    expect(streamOfCommand(voidCommand(newEventId()))).toBeUndefined();
  });
});
