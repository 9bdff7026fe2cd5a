import { describe, it } from 'vitest';
import {
  agreementSigned,
  assessCso,
  csoAssessed,
  csoMapped,
  mapCso,
  signAgreement,
} from '../testing/fixtures.js';
import { given, recorded, voiding } from '../testing/given-when-then.js';

describe('mapping a CSO', () => {
  it('records the CSO on a new stream', () => {
    given().when(mapCso()).thenAppends(csoMapped());
  });

  it('records a CSO without a city, since the city is optional', () => {
    const { city: _, ...noCity } = csoMapped().data;
    given().when({ type: 'MapCso', data: noCity }).thenAppends({ type: 'CsoMapped', data: noCity });
  });

  it('refuses a second mapping while the first one is in effect', () => {
    given(csoMapped()).when(mapCso({ name: 'Another name' })).thenRefuses('conflict', '/csoId');
  });

  it('refuses a second mapping even when the CSO has later records', () => {
    given(csoMapped(), csoAssessed()).when(mapCso()).thenRefuses('conflict', '/csoId');
  });
});

describe('correcting a CSO mapping (a void plus a new record)', () => {
  it('maps the CSO again once its mapping is voided', () => {
    const mapping = recorded(csoMapped({ name: 'Asociation Amal' }));
    given(mapping, voiding(mapping)).when(mapCso()).thenAppends(csoMapped());
  });

  it('maps the CSO again after two successive corrections', () => {
    const first = recorded(csoMapped());
    const second = recorded(csoMapped({ mappedOn: '2015-01-11' }));
    given(first, voiding(first), second, voiding(second))
      .when(mapCso({ mappedOn: '2015-01-12' }))
      .thenAppends(csoMapped({ mappedOn: '2015-01-12' }));
  });

  it('refuses a new record dated after an assessment of the stream that is in effect', () => {
    const mapping = recorded(csoMapped({ mappedOn: '2015-01-10' }));
    given(mapping, csoAssessed({ assessedOn: '2015-02-10' }), voiding(mapping))
      .when(mapCso({ mappedOn: '2015-02-11' }))
      .thenRefuses('conflict', '/mappedOn');
  });

  it('refuses a new record dated after an agreement of the stream that is in effect', () => {
    const mapping = recorded(csoMapped({ mappedOn: '2015-01-10' }));
    given(mapping, agreementSigned({ signedOn: '2015-03-10' }), voiding(mapping))
      .when(mapCso({ mappedOn: '2015-04-01' }))
      .thenRefuses('conflict', '/mappedOn');
  });

  it('accepts a new record dated on the same day as the latest event in effect', () => {
    const mapping = recorded(csoMapped({ mappedOn: '2015-01-10' }));
    given(mapping, csoAssessed({ assessedOn: '2015-02-10' }), voiding(mapping))
      .when(mapCso({ mappedOn: '2015-02-10' }))
      .thenAppends(csoMapped({ mappedOn: '2015-02-10' }));
  });

  it('accepts a new record dated earlier than the voided one', () => {
    const mapping = recorded(csoMapped({ mappedOn: '2015-01-10' }));
    given(mapping, csoAssessed({ assessedOn: '2015-02-10' }), voiding(mapping))
      .when(mapCso({ mappedOn: '2014-11-03' }))
      .thenAppends(csoMapped({ mappedOn: '2014-11-03' }));
  });

  it('ignores voided events of the stream when dating the new record', () => {
    const mapping = recorded(csoMapped({ mappedOn: '2015-01-10' }));
    const assessment = recorded(csoAssessed({ assessedOn: '2015-02-10' }));
    given(mapping, assessment, voiding(assessment), voiding(mapping))
      .when(mapCso({ mappedOn: '2015-05-01' }))
      .thenAppends(csoMapped({ mappedOn: '2015-05-01' }));
  });

  it('lets the agreement in effect count again under the new record: a second agreement is refused', () => {
    const mapping = recorded(csoMapped());
    given(mapping, agreementSigned(), voiding(mapping), csoMapped())
      .when(signAgreement({ signedOn: '2015-05-01', agreementRef: 'IOM-RBA-2015-099' }))
      .thenRefuses('conflict');
  });

  it("dates later records against the new record's mappedOn, not the voided one's", () => {
    const mapping = recorded(csoMapped({ mappedOn: '2015-01-10' }));
    given(mapping, voiding(mapping), csoMapped({ mappedOn: '2015-03-01' }))
      .when(assessCso({ assessedOn: '2015-02-01' }))
      .thenRefuses('conflict', '/assessedOn');
  });
});

describe('assessing a CSO', () => {
  it('records an assessment of a mapped CSO', () => {
    given(csoMapped()).when(assessCso()).thenAppends(csoAssessed());
  });

  it('records several assessments of one CSO', () => {
    given(csoMapped(), csoAssessed())
      .when(assessCso({ assessedOn: '2016-02-10' }))
      .thenAppends(csoAssessed({ assessedOn: '2016-02-10' }));
  });

  it('refuses to assess a CSO that was never mapped (unknown)', () => {
    given().when(assessCso()).thenRefuses('unknown');
  });

  it('refuses to assess a CSO whose mapping is voided (unknown)', () => {
    const mapping = recorded(csoMapped());
    given(mapping, voiding(mapping)).when(assessCso()).thenRefuses('unknown');
  });

  it('refuses an assessment dated before the mapping', () => {
    given(csoMapped({ mappedOn: '2015-01-10' }))
      .when(assessCso({ assessedOn: '2015-01-09' }))
      .thenRefuses('conflict', '/assessedOn');
  });

  it('accepts an assessment dated on the day of the mapping', () => {
    given(csoMapped({ mappedOn: '2015-01-10' }))
      .when(assessCso({ assessedOn: '2015-01-10' }))
      .thenAppends(csoAssessed({ assessedOn: '2015-01-10' }));
  });
});

describe('signing a partnership agreement', () => {
  it('records the agreement of a mapped CSO', () => {
    given(csoMapped()).when(signAgreement()).thenAppends(agreementSigned());
  });

  it('refuses an agreement with a CSO that was never mapped (unknown)', () => {
    given().when(signAgreement()).thenRefuses('unknown');
  });

  it('refuses an agreement with a CSO whose mapping is voided (unknown)', () => {
    const mapping = recorded(csoMapped());
    given(mapping, voiding(mapping)).when(signAgreement()).thenRefuses('unknown');
  });

  it('refuses an agreement dated before the mapping', () => {
    given(csoMapped({ mappedOn: '2015-01-10' }))
      .when(signAgreement({ signedOn: '2014-12-31' }))
      .thenRefuses('conflict', '/signedOn');
  });

  it('accepts an agreement dated on the day of the mapping', () => {
    given(csoMapped({ mappedOn: '2015-01-10' }))
      .when(signAgreement({ signedOn: '2015-01-10' }))
      .thenAppends(agreementSigned({ signedOn: '2015-01-10' }));
  });

  it('refuses a second agreement while the first is in effect', () => {
    given(csoMapped(), agreementSigned())
      .when(signAgreement({ signedOn: '2015-09-01', agreementRef: 'IOM-RBA-2015-012' }))
      .thenRefuses('conflict');
  });

  it('accepts another agreement once the first is voided', () => {
    const agreement = recorded(agreementSigned());
    given(csoMapped(), agreement, voiding(agreement))
      .when(signAgreement({ signedOn: '2015-09-01', agreementRef: 'IOM-RBA-2015-012' }))
      .thenAppends(agreementSigned({ signedOn: '2015-09-01', agreementRef: 'IOM-RBA-2015-012' }));
  });
});
