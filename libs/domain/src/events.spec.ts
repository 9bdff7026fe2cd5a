import { describe, expect, it } from 'vitest';
import { businessDate, EVENT_SCHEMAS, EVENT_TYPES, isEventType, type DomainEvent, type EventType } from './events.js';
import {
  agreementData,
  assessedData,
  assistanceData,
  closureData,
  csoMappedData,
  targetData,
  trainingData,
  victimData,
  voidData,
  without,
} from './testing/fixtures.js';
import { errorsOf, pathsOf } from './testing/validation.js';

const VALID: Record<EventType, Record<string, unknown>> = {
  CsoMapped: csoMappedData(),
  CsoCapacityAssessed: assessedData(),
  PartnershipAgreementSigned: agreementData(),
  TrainingHeld: trainingData(),
  VictimIdentified: victimData(),
  AssistanceProvided: assistanceData(),
  CaseClosed: closureData(),
  IndicatorTargetSet: targetData(),
  EventVoided: voidData(),
};

const OPTIONAL: Partial<Record<EventType, string[]>> = { CsoMapped: ['city'], TrainingHeld: ['knowledgeTest'] };

/** The 12 regions of 2015, as DOMAIN.md lists them. */
const REGIONS_OF_2015 = [
  'tanger-tetouan-al-hoceima',
  'oriental',
  'fes-meknes',
  'rabat-sale-kenitra',
  'beni-mellal-khenifra',
  'casablanca-settat',
  'marrakech-safi',
  'draa-tafilalet',
  'souss-massa',
  'guelmim-oued-noun',
  'laayoune-sakia-el-hamra',
  'dakhla-oued-ed-dahab',
];

const paths = <T extends EventType>(type: T, data: unknown) => pathsOf(EVENT_SCHEMAS[type], data);
const accepts = <T extends EventType>(type: T, data: unknown) => expect(errorsOf(EVENT_SCHEMAS[type], data)).toEqual([]);

it('has exactly the nine event types of DOMAIN.md', () => {
  expect([...EVENT_TYPES].sort()).toEqual([
    'AssistanceProvided',
    'CaseClosed',
    'CsoCapacityAssessed',
    'CsoMapped',
    'EventVoided',
    'IndicatorTargetSet',
    'PartnershipAgreementSigned',
    'TrainingHeld',
    'VictimIdentified',
  ]);
});

describe.each(EVENT_TYPES)('the data of %s', (type) => {
  const valid = VALID[type];
  const required = Object.keys(valid).filter((k) => !OPTIONAL[type]?.includes(k));

  it('accepts a valid example and keeps it as it is', () => {
    expect(EVENT_SCHEMAS[type].parse(valid)).toEqual(valid);
  });

  it.each(required)('requires %s', (field) => {
    expect(paths(type, without(valid, field))).toEqual([`/${field}`]);
  });

  it.each(Object.keys(valid))('refuses null for %s: an absent field is absent, never null', (field) => {
    expect(paths(type, { ...valid, [field]: null })).toEqual([`/${field}`]);
  });

  it('refuses an unknown field, named by its path', () => {
    expect(errorsOf(EVENT_SCHEMAS[type], { ...valid, fullName: 'Jane Doe' })).toEqual([
      { path: '/fullName', message: 'unknown field: not allowed' },
    ]);
  });

  it('refuses data that is not an object', () => {
    for (const data of [null, [], 'data', 42]) expect(paths(type, data)).toEqual(['']);
  });
});

/** Every field of a shared kind, event by event (DOMAIN.md, "Events"). */
const FIELDS: Array<[EventType, string, keyof typeof GOOD]> = [
  ['CsoMapped', 'csoId', 'identifier'],
  ['CsoMapped', 'name', 'text'],
  ['CsoMapped', 'city', 'text'],
  ['CsoMapped', 'region', 'region'],
  ['CsoMapped', 'mappedOn', 'date'],
  ['CsoCapacityAssessed', 'csoId', 'identifier'],
  ['CsoCapacityAssessed', 'assessedOn', 'date'],
  ['PartnershipAgreementSigned', 'csoId', 'identifier'],
  ['PartnershipAgreementSigned', 'signedOn', 'date'],
  ['PartnershipAgreementSigned', 'agreementRef', 'text'],
  ['TrainingHeld', 'trainingId', 'identifier'],
  ['TrainingHeld', 'heldOn', 'date'],
  ['TrainingHeld', 'topic', 'text'],
  ['TrainingHeld', 'region', 'region'],
  ['VictimIdentified', 'caseId', 'identifier'],
  ['VictimIdentified', 'identifiedOn', 'date'],
  ['AssistanceProvided', 'caseId', 'identifier'],
  ['AssistanceProvided', 'providedOn', 'date'],
  ['CaseClosed', 'caseId', 'identifier'],
  ['CaseClosed', 'closedOn', 'date'],
  ['IndicatorTargetSet', 'reason', 'text'],
  ['EventVoided', 'reason', 'text'],
];

const GOOD = {
  identifier: ['x'.repeat(64), 'A_b-9'],
  date: ['2014-09-01', '2016-02-29', '2016-12-31'],
  text: ['x', 'x'.repeat(200)],
  region: REGIONS_OF_2015,
};

const BAD = {
  identifier: ['', 'x'.repeat(65), 'a b', 'é', 7],
  date: ['2015-02-29', '2014-08-31', '2017-01-01', '2015-1-1', 20150101],
  text: ['', '  ', 'x'.repeat(201), 7],
  region: ['Oriental', 'tanger', ''],
};

describe.each(FIELDS)('%s.%s, a field of kind %s', (type, field, kind) => {
  it('accepts every good value', () => {
    for (const value of GOOD[kind]) accepts(type, { ...VALID[type], [field]: value });
  });

  it('refuses every bad value, at its path', () => {
    for (const value of BAD[kind]) expect(paths(type, { ...VALID[type], [field]: value })).toEqual([`/${field}`]);
  });
});

describe('CsoMapped', () => {
  it('accepts a CSO without a city', () => {
    accepts('CsoMapped', without(csoMappedData(), 'city'));
  });

  it('refuses a blank city', () => {
    expect(paths('CsoMapped', csoMappedData({ city: '  ' }))).toEqual(['/city']);
  });

  it.each(REGIONS_OF_2015)('accepts the region %s', (region) => {
    accepts('CsoMapped', { ...csoMappedData(), region });
  });

  it.each(['Rabat-Sale-Kenitra', 'rabat', 'grand-casablanca', 'sous-massa-draa'])(
    'refuses %j, not one of the 12 regions of 2015',
    (region) => {
      expect(paths('CsoMapped', { ...csoMappedData(), region })).toEqual(['/region']);
    },
  );

  it('accepts every domain of DOMAIN.md together', () => {
    const domains = ['protection', 'social_assistance', 'health', 'legal_aid', 'shelter', 'education', 'advocacy'];
    accepts('CsoMapped', { ...csoMappedData(), domains });
  });

  it('refuses an empty list of domains', () => {
    expect(paths('CsoMapped', csoMappedData({ domains: [] }))).toEqual(['/domains']);
  });

  it('refuses a repeated domain', () => {
    expect(errorsOf(EVENT_SCHEMAS.CsoMapped, csoMappedData({ domains: ['health', 'legal_aid', 'health'] }))).toEqual([
      { path: '/domains', message: 'must not repeat a domain' },
    ]);
  });

  it('names an unknown domain by its place in the list', () => {
    expect(paths('CsoMapped', { ...csoMappedData(), domains: ['health', 'housing'] })).toEqual(['/domains/1']);
  });

  it('reports a repeated domain beside an unknown one', () => {
    expect(paths('CsoMapped', { ...csoMappedData(), domains: ['health', 'health', 'housing'] }).sort()).toEqual([
      '/domains',
      '/domains/2',
    ]);
  });

  it('refuses domains given as a single string', () => {
    expect(paths('CsoMapped', { ...csoMappedData(), domains: 'health' })).toEqual(['/domains']);
  });

  it('refuses a name of 201 characters and accepts one of 200', () => {
    expect(paths('CsoMapped', csoMappedData({ name: 'n'.repeat(201) }))).toEqual(['/name']);
    accepts('CsoMapped', csoMappedData({ name: 'n'.repeat(200) }));
  });

  it('refuses a malformed csoId', () => {
    expect(paths('CsoMapped', csoMappedData({ csoId: 'amal rabat' }))).toEqual(['/csoId']);
  });

  it('reports every bad field together', () => {
    const data = { ...csoMappedData({ name: '', mappedOn: '2017-01-01', domains: ['health', 'health'] }), region: 'x' };
    expect(paths('CsoMapped', data).sort()).toEqual(['/domains', '/mappedOn', '/name', '/region']);
  });
});

describe('CsoCapacityAssessed', () => {
  it.each([1, 4])('accepts every score at %d', (n) => {
    accepts('CsoCapacityAssessed', assessedData({ scores: { governance: n, finance: n, humanResources: n, programme: n, protection: n } }));
  });

  it.each([
    ['governance', 0],
    ['finance', 5],
    ['humanResources', 2.5],
    ['programme', '3'],
    ['protection', -1],
  ])('refuses the score %s = %j, at its path', (key, value) => {
    const scores = { ...assessedData().scores, [key]: value };
    expect(paths('CsoCapacityAssessed', { ...assessedData(), scores })).toEqual([`/scores/${key}`]);
  });

  it('refuses a missing score', () => {
    expect(paths('CsoCapacityAssessed', { ...assessedData(), scores: without(assessedData().scores, 'finance') })).toEqual([
      '/scores/finance',
    ]);
  });

  it('refuses an unknown score, named by its path', () => {
    const scores = { ...assessedData().scores, leadership: 3 };
    expect(paths('CsoCapacityAssessed', { ...assessedData(), scores })).toEqual(['/scores/leadership']);
  });
});

describe('PartnershipAgreementSigned', () => {
  it('refuses a blank agreement reference', () => {
    expect(paths('PartnershipAgreementSigned', agreementData({ agreementRef: '\t' }))).toEqual(['/agreementRef']);
  });

  it('refuses a signature date outside the project period', () => {
    expect(paths('PartnershipAgreementSigned', agreementData({ signedOn: '2014-08-31' }))).toEqual(['/signedOn']);
  });
});

describe('TrainingHeld', () => {
  it.each(['government', 'cso', 'iom_staff'])('accepts the audience %s', (audience) => {
    accepts('TrainingHeld', { ...trainingData(), audience });
  });

  it.each(['ngo', 'iom', 'Government'])('refuses the audience %j', (audience) => {
    expect(paths('TrainingHeld', { ...trainingData(), audience })).toEqual(['/audience']);
  });

  it('accepts a training without a knowledge test', () => {
    accepts('TrainingHeld', without(trainingData(), 'knowledgeTest'));
  });

  it('accepts a single participant of either sex', () => {
    accepts('TrainingHeld', trainingData({ participants: { female: 1, male: 0 }, knowledgeTest: undefined }));
    accepts('TrainingHeld', without(trainingData({ participants: { female: 0, male: 1 } }), 'knowledgeTest'));
  });

  it('refuses a training without any participant', () => {
    const data = without(trainingData({ participants: { female: 0, male: 0 } }), 'knowledgeTest');
    expect(errorsOf(EVENT_SCHEMAS.TrainingHeld, data)).toEqual([
      { path: '/participants', message: 'must count at least one participant' },
    ]);
  });

  it.each([
    [{ female: -1, male: 5 }, '/participants/female'],
    [{ female: 5, male: 2.5 }, '/participants/male'],
    [{ female: '5', male: 5 }, '/participants/female'],
    [{ female: 5 }, '/participants/male'],
    [{ female: 5, male: 5, other: 1 }, '/participants/other'],
  ])('refuses participants %j at %s', (participants, path) => {
    expect(paths('TrainingHeld', { ...without(trainingData(), 'knowledgeTest'), participants })).toEqual([path]);
  });

  it('refuses more improved than tested trainees', () => {
    const data = trainingData({ knowledgeTest: { tested: 10, improved: 11 } });
    expect(paths('TrainingHeld', data)).toEqual(['/knowledgeTest/improved']);
  });

  it('refuses more tested trainees than participants (female + male)', () => {
    const data = trainingData({ participants: { female: 7, male: 11 }, knowledgeTest: { tested: 19, improved: 0 } });
    expect(paths('TrainingHeld', data)).toEqual(['/knowledgeTest/tested']);
  });

  it('accepts every participant tested and every tested one improved', () => {
    accepts('TrainingHeld', trainingData({ participants: { female: 7, male: 11 }, knowledgeTest: { tested: 18, improved: 18 } }));
  });

  it('accepts a test of nobody', () => {
    accepts('TrainingHeld', trainingData({ knowledgeTest: { tested: 0, improved: 0 } }));
  });

  it.each([
    [{ tested: 'many', improved: 0 }, '/knowledgeTest/tested'],
    [{ tested: -1 }, '/knowledgeTest/tested'],
    [{ tested: 5, improved: 1.5 }, '/knowledgeTest/improved'],
    [{ tested: 5 }, '/knowledgeTest/improved'],
    [{ tested: 5, improved: 1, passed: 1 }, '/knowledgeTest/passed'],
  ])('refuses the knowledge test %j at %s', (knowledgeTest, path) => {
    expect(paths('TrainingHeld', { ...trainingData(), knowledgeTest })).toContain(path);
  });

  it('reports a bad topic and too many tested trainees together', () => {
    const data = trainingData({ topic: ' ', participants: { female: 1, male: 1 }, knowledgeTest: { tested: 5, improved: 1 } });
    expect(paths('TrainingHeld', data)).toEqual(['/topic', '/knowledgeTest/tested']);
  });

  it('reports a missing topic, an unknown audience and too many tested trainees together', () => {
    const data = { ...without(trainingData({ knowledgeTest: { tested: 30, improved: 1 } }), 'topic'), audience: 'ngo' };
    expect(paths('TrainingHeld', data).sort()).toEqual(['/audience', '/knowledgeTest/tested', '/topic']);
  });

  it('refuses a training dated 2015-02-29, which did not exist', () => {
    expect(paths('TrainingHeld', trainingData({ heldOn: '2015-02-29' }))).toEqual(['/heldOn']);
  });

  it('accepts a training dated 2016-02-29', () => {
    accepts('TrainingHeld', trainingData({ heldOn: '2016-02-29' }));
  });
});

describe('VictimIdentified', () => {
  it.each(['name', 'firstName', 'passportNumber', 'phone', 'dateOfBirth'])(
    "refuses a %s field: a victim's name or direct identifier must have nowhere to go",
    (field) => {
      expect(paths('VictimIdentified', { ...victimData(), [field]: 'Jane Doe' })).toEqual([`/${field}`]);
    },
  );

  it.each([
    ['sex', ['female', 'male'], ['other', 'F']],
    ['ageGroup', ['minor', 'adult'], ['child', 'unknown']],
    ['exploitationType', ['sexual', 'labour', 'domestic_servitude', 'begging', 'forced_criminality', 'other'], ['labor', 'organ_removal']],
    ['referredBy', ['cso', 'government', 'iom', 'self', 'other'], ['police', 'ngo']],
  ])('accepts exactly the values of DOMAIN.md for %s', (field, good, bad) => {
    for (const value of good) accepts('VictimIdentified', { ...victimData(), [field]: value });
    for (const value of bad) expect(paths('VictimIdentified', { ...victimData(), [field]: value })).toEqual([`/${field}`]);
  });

  it.each(['MA', 'NG', 'CM', 'GN'])('accepts the nationality %s', (nationality) => {
    accepts('VictimIdentified', victimData({ nationality }));
  });

  it.each(['ma', 'XK', 'ZZ', 'NGA', 'Nigeria'])('refuses the nationality %j', (nationality) => {
    expect(paths('VictimIdentified', victimData({ nationality }))).toEqual(['/nationality']);
  });

  it('accepts an identification on 2016-02-29 and refuses one on 2015-02-29', () => {
    accepts('VictimIdentified', victimData({ identifiedOn: '2016-02-29' }));
    expect(paths('VictimIdentified', victimData({ identifiedOn: '2015-02-29' }))).toEqual(['/identifiedOn']);
  });
});

describe('AssistanceProvided', () => {
  it('accepts every assistance type of DOMAIN.md', () => {
    const types = ['shelter', 'medical', 'psychosocial', 'legal', 'material', 'family_tracing', 'avrr_return', 'reintegration'];
    for (const assistanceType of types) accepts('AssistanceProvided', { ...assistanceData(), assistanceType });
  });

  it.each(['food', 'avrr', 'Medical'])('refuses the assistance type %j', (assistanceType) => {
    expect(paths('AssistanceProvided', { ...assistanceData(), assistanceType })).toEqual(['/assistanceType']);
  });
});

describe('CaseClosed', () => {
  it('accepts every closure reason of DOMAIN.md', () => {
    for (const reason of ['reintegrated', 'returned', 'lost_contact', 'declined', 'other'])
      accepts('CaseClosed', { ...closureData(), reason });
  });

  it('refuses a free-text closure reason', () => {
    expect(paths('CaseClosed', { ...closureData(), reason: 'moved to Oujda' })).toEqual(['/reason']);
  });
});

describe('IndicatorTargetSet', () => {
  it.each(['2014', '2015', '2016'])('accepts the period %s', (period) => {
    accepts('IndicatorTargetSet', { ...targetData(), period });
  });

  it.each(['2013', '2017', 'EOP', 2015])('refuses the period %j', (period) => {
    expect(paths('IndicatorTargetSet', { ...targetData(), period })).toEqual(['/period']);
  });

  it.each(['40', Number.POSITIVE_INFINITY, Number.NaN])('refuses the value %j', (value) => {
    expect(paths('IndicatorTargetSet', { ...targetData(), value })).toEqual(['/value']);
  });

  it('refuses a blank reason', () => {
    expect(paths('IndicatorTargetSet', targetData({ reason: '' }))).toEqual(['/reason']);
  });
});

describe('EventVoided', () => {
  it('refuses an event id that is not a UUID', () => {
    expect(paths('EventVoided', voidData({ eventId: 'case-0042' }))).toEqual(['/eventId']);
  });

  it('refuses a reason of 201 characters', () => {
    expect(paths('EventVoided', voidData({ reason: 'r'.repeat(201) }))).toEqual(['/reason']);
  });
});

describe('the business date of an event', () => {
  it.each<[DomainEvent, string]>([
    [{ type: 'CsoMapped', data: csoMappedData({ mappedOn: '2015-01-01' }) }, '2015-01-01'],
    [{ type: 'CsoCapacityAssessed', data: assessedData({ assessedOn: '2015-01-02' }) }, '2015-01-02'],
    [{ type: 'PartnershipAgreementSigned', data: agreementData({ signedOn: '2015-01-03' }) }, '2015-01-03'],
    [{ type: 'TrainingHeld', data: trainingData({ heldOn: '2015-01-04' }) }, '2015-01-04'],
    [{ type: 'VictimIdentified', data: victimData({ identifiedOn: '2015-01-05' }) }, '2015-01-05'],
    [{ type: 'AssistanceProvided', data: assistanceData({ providedOn: '2015-01-06' }) }, '2015-01-06'],
    [{ type: 'CaseClosed', data: closureData({ closedOn: '2015-01-07' }) }, '2015-01-07'],
  ])('is the date a $type happened', (event, date) => {
    expect(businessDate(event)).toBe(date);
  });

  it('does not exist for a target revision nor for a void', () => {
    expect(businessDate({ type: 'IndicatorTargetSet', data: targetData() })).toBeUndefined();
    expect(businessDate({ type: 'EventVoided', data: voidData() })).toBeUndefined();
  });
});

describe('isEventType', () => {
  it.each(EVENT_TYPES)('knows %s', (type) => {
    expect(isEventType(type)).toBe(true);
  });

  it.each(['csoMapped', 'CaseReopened', 'toString', 'constructor', '__proto__', ''])('does not know %j', (type) => {
    expect(isEventType(type)).toBe(false);
  });
});
