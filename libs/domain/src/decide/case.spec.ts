import { describe, it } from 'vitest';
import {
  assistanceProvided,
  caseClosed,
  closeCase,
  identifyVictim,
  provideAssistance,
  victimIdentified,
} from '../testing/fixtures.js';
import { given, recorded, voiding } from '../testing/given-when-then.js';

const identified = victimIdentified({ identifiedOn: '2015-04-01' });

describe('identifying a victim', () => {
  it('records the case on a new stream', () => {
    given().when(identifyVictim()).thenAppends(victimIdentified());
  });

  it('refuses a second identification while the first is in effect', () => {
    given(identified).when(identifyVictim({ sex: 'male' })).thenRefuses('conflict', '/caseId');
  });
});

describe('correcting an identification (a void plus a new record)', () => {
  it('identifies the case again once its identification is voided', () => {
    const wrong = recorded(victimIdentified({ nationality: 'NE' }));
    given(wrong, voiding(wrong)).when(identifyVictim()).thenAppends(victimIdentified());
  });

  it('refuses a new identification dated after an assistance of the case that is in effect', () => {
    const wrong = recorded(identified);
    given(wrong, assistanceProvided({ providedOn: '2015-04-15' }), voiding(wrong))
      .when(identifyVictim({ identifiedOn: '2015-04-16' }))
      .thenRefuses('conflict', '/identifiedOn');
  });

  it('accepts a new identification dated on the day of the latest assistance in effect', () => {
    const wrong = recorded(identified);
    given(wrong, assistanceProvided({ providedOn: '2015-04-15' }), voiding(wrong))
      .when(identifyVictim({ identifiedOn: '2015-04-15' }))
      .thenAppends(victimIdentified({ identifiedOn: '2015-04-15' }));
  });

  it('refuses a new identification dated after the closure in effect', () => {
    const wrong = recorded(identified);
    given(wrong, caseClosed({ closedOn: '2015-06-30' }), voiding(wrong))
      .when(identifyVictim({ identifiedOn: '2015-07-01' }))
      .thenRefuses('conflict', '/identifiedOn');
  });

  it('ignores a voided assistance when dating the new identification', () => {
    const wrong = recorded(identified);
    const assistance = recorded(assistanceProvided({ providedOn: '2015-04-15' }));
    given(wrong, assistance, voiding(assistance), voiding(wrong))
      .when(identifyVictim({ identifiedOn: '2015-05-01' }))
      .thenAppends(victimIdentified({ identifiedOn: '2015-05-01' }));
  });

  it('lets the closure in effect count again under the new record: a second closure is refused', () => {
    const wrong = recorded(identified);
    given(wrong, caseClosed(), voiding(wrong), identified)
      .when(closeCase({ closedOn: '2015-07-01' }))
      .thenRefuses('conflict');
  });

  it('lets the closure in effect count again under the new record: a later assistance is refused', () => {
    const wrong = recorded(identified);
    given(wrong, caseClosed({ closedOn: '2015-06-30' }), voiding(wrong), identified)
      .when(provideAssistance({ providedOn: '2015-07-01' }))
      .thenRefuses('conflict', '/providedOn');
  });
});

describe('providing assistance', () => {
  it('records assistance to an identified case', () => {
    given(identified).when(provideAssistance()).thenAppends(assistanceProvided());
  });

  it('records several assistances to one case', () => {
    given(identified, assistanceProvided())
      .when(provideAssistance({ assistanceType: 'medical' }))
      .thenAppends(assistanceProvided({ assistanceType: 'medical' }));
  });

  it('refuses assistance to a case that was never identified (unknown)', () => {
    given().when(provideAssistance()).thenRefuses('unknown');
  });

  it('refuses assistance to a case whose identification is voided (unknown)', () => {
    const identification = recorded(identified);
    given(identification, voiding(identification)).when(provideAssistance()).thenRefuses('unknown');
  });

  it('refuses assistance dated before the identification', () => {
    given(identified).when(provideAssistance({ providedOn: '2015-03-31' })).thenRefuses('conflict', '/providedOn');
  });

  it('accepts assistance dated on the day of the identification', () => {
    given(identified)
      .when(provideAssistance({ providedOn: '2015-04-01' }))
      .thenAppends(assistanceProvided({ providedOn: '2015-04-01' }));
  });
});

describe('a closure in effect', () => {
  const closed = caseClosed({ closedOn: '2015-06-30' });

  it('refuses assistance with a later business date', () => {
    given(identified, closed).when(provideAssistance({ providedOn: '2015-07-01' })).thenRefuses('conflict', '/providedOn');
  });

  it('accepts assistance dated on the day of the closure', () => {
    given(identified, closed)
      .when(provideAssistance({ providedOn: '2015-06-30' }))
      .thenAppends(assistanceProvided({ providedOn: '2015-06-30' }));
  });

  it('accepts assistance dated before the closure, recorded late', () => {
    given(identified, closed)
      .when(provideAssistance({ providedOn: '2015-05-02' }))
      .thenAppends(assistanceProvided({ providedOn: '2015-05-02' }));
  });

  it('no longer blocks anything once the closure is voided', () => {
    const closure = recorded(closed);
    given(identified, closure, voiding(closure))
      .when(provideAssistance({ providedOn: '2016-01-15' }))
      .thenAppends(assistanceProvided({ providedOn: '2016-01-15' }));
  });
});

describe('closing a case', () => {
  it('records the closure of an identified case', () => {
    given(identified, assistanceProvided()).when(closeCase()).thenAppends(caseClosed());
  });

  it('refuses to close a case that was never identified (unknown)', () => {
    given().when(closeCase()).thenRefuses('unknown');
  });

  it('refuses to close a case whose identification is voided (unknown)', () => {
    const identification = recorded(identified);
    given(identification, voiding(identification)).when(closeCase()).thenRefuses('unknown');
  });

  it('refuses a closure dated before the identification', () => {
    given(identified).when(closeCase({ closedOn: '2015-03-31' })).thenRefuses('conflict', '/closedOn');
  });

  it('accepts a closure dated on the day of the identification', () => {
    given(identified)
      .when(closeCase({ closedOn: '2015-04-01', reason: 'declined' }))
      .thenAppends(caseClosed({ closedOn: '2015-04-01', reason: 'declined' }));
  });

  it('refuses a closure dated before an assistance of the case in effect', () => {
    given(identified, assistanceProvided({ providedOn: '2015-05-20' }))
      .when(closeCase({ closedOn: '2015-05-19' }))
      .thenRefuses('conflict', '/closedOn');
  });

  it('accepts a closure dated on the day of the latest assistance', () => {
    given(identified, assistanceProvided({ providedOn: '2015-05-20' }))
      .when(closeCase({ closedOn: '2015-05-20' }))
      .thenAppends(caseClosed({ closedOn: '2015-05-20' }));
  });

  it('ignores a voided assistance dated after the closure', () => {
    const late = recorded(assistanceProvided({ providedOn: '2015-08-01' }));
    given(identified, late, voiding(late))
      .when(closeCase({ closedOn: '2015-06-30' }))
      .thenAppends(caseClosed({ closedOn: '2015-06-30' }));
  });

  it('refuses a second closure while the first is in effect', () => {
    given(identified, caseClosed()).when(closeCase({ closedOn: '2015-07-15', reason: 'other' })).thenRefuses('conflict');
  });

  it('refuses a second closure even on the same date and for the same reason', () => {
    given(identified, caseClosed()).when(closeCase()).thenRefuses('conflict');
  });

  it('accepts a new closure, dated later, once the first is voided', () => {
    const closure = recorded(caseClosed({ closedOn: '2015-06-30' }));
    given(identified, closure, voiding(closure), assistanceProvided({ providedOn: '2015-09-01' }))
      .when(closeCase({ closedOn: '2015-10-01', reason: 'reintegrated' }))
      .thenAppends(caseClosed({ closedOn: '2015-10-01', reason: 'reintegrated' }));
  });
});
