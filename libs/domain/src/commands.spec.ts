import { describe, expect, it } from 'vitest';
import { COMMANDS, parseCommand, type CommandType } from './commands.js';
import type { DomainError, Result } from './errors.js';
import {
  agreementData,
  assessedData,
  assistanceData,
  CASE_ID,
  closureData,
  CSO_ID,
  csoMappedData,
  targetData,
  trainingData,
  victimData,
  without,
} from './testing/fixtures.js';
import { newEventId } from './testing/given-when-then.js';

function refusal(result: Result<unknown>): DomainError {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

const pathsOf = (result: Result<unknown>) => (refusal(result).errors ?? []).map((e) => e.path);

const EVENT_ID = newEventId();

/** For each command: its HTTP body and path id as CONTRACT.md gives them, and the data it asks to record. */
const REQUESTS: Record<CommandType, { body: object; pathId?: string; data: object }> = {
  MapCso: { body: csoMappedData(), data: csoMappedData() },
  AssessCso: { body: without(assessedData(), 'csoId'), pathId: CSO_ID, data: assessedData() },
  SignAgreement: { body: without(agreementData(), 'csoId'), pathId: CSO_ID, data: agreementData() },
  HoldTraining: { body: trainingData(), data: trainingData() },
  IdentifyVictim: { body: victimData(), data: victimData() },
  ProvideAssistance: { body: without(assistanceData(), 'caseId'), pathId: CASE_ID, data: assistanceData() },
  CloseCase: { body: without(closureData(), 'caseId'), pathId: CASE_ID, data: closureData() },
  SetTarget: { body: without(targetData(), 'code'), pathId: '1.1', data: targetData() },
  VoidEvent: { body: { reason: 'Duplicate' }, pathId: EVENT_ID, data: { eventId: EVENT_ID, reason: 'Duplicate' } },
};

const COMMAND_TYPES = Object.keys(COMMANDS) as CommandType[];
const WITH_PATH_ID = COMMAND_TYPES.filter((c) => COMMANDS[c].pathId !== undefined);

describe('the commands table', () => {
  it('follows CONTRACT.md: the event each command appends and the id its path names', () => {
    const table = Object.fromEntries(COMMAND_TYPES.map((c) => [c, [COMMANDS[c].event, COMMANDS[c].pathId]]));
    expect(table).toEqual({
      MapCso: ['CsoMapped', undefined],
      AssessCso: ['CsoCapacityAssessed', 'csoId'],
      SignAgreement: ['PartnershipAgreementSigned', 'csoId'],
      HoldTraining: ['TrainingHeld', undefined],
      IdentifyVictim: ['VictimIdentified', undefined],
      ProvideAssistance: ['AssistanceProvided', 'caseId'],
      CloseCase: ['CaseClosed', 'caseId'],
      SetTarget: ['IndicatorTargetSet', 'code'],
      VoidEvent: ['EventVoided', 'eventId'],
    });
  });
});

describe.each(COMMAND_TYPES)('parsing %s', (type) => {
  const { body, pathId, data } = REQUESTS[type];

  it('turns a valid body (and path id) into the command, the path id inside its data', () => {
    expect(parseCommand(type, body, pathId)).toEqual({ ok: true, value: { type, data } });
  });

  it('refuses an unknown field in the body, named by its path', () => {
    expect(refusal(parseCommand(type, { ...body, note: 'x' }, pathId))).toEqual({
      code: 'invalid',
      message: expect.any(String),
      errors: [{ path: '/note', message: 'unknown field: not allowed' }],
    });
  });

  it.each([null, [], 'body', 42, undefined])('refuses the body %j, which is not an object', (notAnObject) => {
    const error = refusal(parseCommand(type, notAnObject, pathId));
    expect(error.code).toBe('invalid');
    expect(error.errors?.map((e) => e.path)).toContain('');
  });
});

describe.each(WITH_PATH_ID)('a %s body', (type) => {
  const { body, pathId } = REQUESTS[type];
  const idField = COMMANDS[type].pathId as string;

  it('may not repeat the id that the path names, even with the same value', () => {
    const error = refusal(parseCommand(type, { ...body, [idField]: pathId }, pathId));
    expect(error.code).toBe('invalid');
    expect(error.errors).toEqual([{ path: `/${idField}`, message: 'unknown field: not allowed' }]);
  });

  it('is refused without a path id', () => {
    const error = refusal(parseCommand(type, body, undefined));
    expect(error.code).toBe('invalid');
    expect(error.errors?.map((e) => e.path)).toEqual([`/${idField}`]);
  });
});

describe('a path id', () => {
  it.each([
    ['AssessCso', 'amal rabat', '/csoId'],
    ['AssessCso', '', '/csoId'],
    ['SignAgreement', 'x'.repeat(65), '/csoId'],
    ['ProvideAssistance', 'case/0042', '/caseId'],
    ['CloseCase', 'case.0042', '/caseId'],
    ['VoidEvent', 'not-a-uuid', '/eventId'],
    ['VoidEvent', CASE_ID, '/eventId'],
    ['SetTarget', '', '/code'],
    ['SetTarget', '1.1.1.1.1.1.1.1.1.1', '/code'],
  ] as const)('of %s is invalid when it is %j', (type, pathId, path) => {
    const error = refusal(parseCommand(type, REQUESTS[type].body, pathId));
    expect(error.code).toBe('invalid');
    expect(error.errors?.map((e) => e.path)).toEqual([path]);
  });

  it('accepts 64 characters', () => {
    expect(parseCommand('AssessCso', REQUESTS.AssessCso.body, 'x'.repeat(64)).ok).toBe(true);
  });
});

describe('all errors of a request', () => {
  it('are reported together: the path id and every bad field of the body', () => {
    const body = { assistanceType: 'food', providedOn: '2015-02-29', caseId: CASE_ID };
    expect(pathsOf(parseCommand('ProvideAssistance', body, 'bad id')).sort()).toEqual([
      '/assistanceType',
      '/caseId',
      '/caseId',
      '/providedOn',
    ]);
  });

  it('are reported together for a new CSO', () => {
    const body = { ...csoMappedData({ name: ' ', domains: [], mappedOn: '2014-08-31' }), region: 'rif', website: 'x' };
    expect(pathsOf(parseCommand('MapCso', body)).sort()).toEqual(['/domains', '/mappedOn', '/name', '/region', '/website']);
  });

  it('are reported together for a training, nested ones with their JSON Pointer', () => {
    const body = {
      ...trainingData({ participants: { female: 2, male: -1 }, knowledgeTest: { tested: 3, improved: 4 } }),
      topic: '',
    };
    expect(pathsOf(parseCommand('HoldTraining', body))).toEqual(
      expect.arrayContaining(['/topic', '/participants/male', '/knowledgeTest/improved']),
    );
  });

  it('are reported together for a victim, with no room for a name', () => {
    const body = { ...victimData({ nationality: 'ma', sex: 'x' as 'male' }), name: 'Jane Doe' };
    expect(pathsOf(parseCommand('IdentifyVictim', body)).sort()).toEqual(['/name', '/nationality', '/sex']);
  });
});

describe('setting a target', () => {
  const target = (pathId: string, body: object) => parseCommand('SetTarget', { reason: 'Revised', ...body }, pathId);

  it.each(['2014', '2015', '2016'])('accepts a whole number for the year %s of a count indicator', (period) => {
    expect(target('2.1', { period, value: 120 })).toEqual({
      ok: true,
      value: { type: 'SetTarget', data: { code: '2.1', period, value: 120, reason: 'Revised' } },
    });
  });

  it('accepts 0 for a count indicator', () => {
    expect(target('2.7', { period: '2014', value: 0 }).ok).toBe(true);
  });

  it.each([12.5, -1, -0.5])('refuses %d for a count indicator', (value) => {
    expect(refusal(target('1.1', { period: '2015', value })).errors).toEqual([
      { path: '/value', message: expect.stringContaining('whole number') },
    ]);
  });

  it.each([0, 72.5, 100])('accepts %d for the 2016 target of a percent indicator', (value) => {
    expect(target('2.4', { period: '2016', value }).ok).toBe(true);
  });

  it.each(['2014', '2015'])('refuses the year %s for a percent indicator, which has only the EOP target', (period) => {
    expect(pathsOf(target('1.3', { period, value: 80 }))).toEqual(['/period']);
  });

  it.each([-0.1, 100.01, 250])('refuses %d for a percent indicator', (value) => {
    expect(pathsOf(target('3.3', { period: '2016', value }))).toEqual(['/value']);
  });

  it('refuses a year outside 2014-2016 for any indicator', () => {
    expect(pathsOf(target('1.1', { period: '2017', value: 60 }))).toEqual(['/period']);
  });

  it('reports the unit rules together with the other bad fields', () => {
    const result = parseCommand('SetTarget', { period: '2015', value: 150, reason: '' }, '1.3');
    expect(pathsOf(result).sort()).toEqual(['/period', '/reason', '/value']);
  });

  it('reports a bad value once, not also against the unit', () => {
    expect(refusal(target('1.1', { period: '2015', value: '40' })).errors).toEqual([
      { path: '/value', message: 'must be a number' },
    ]);
  });

  it.each(['9.9', '1.4', 'OS1', '1'])('refuses the indicator %j, which the logframe does not have (unknown)', (code) => {
    expect(refusal(target(code, { period: '2015', value: 10 })).code).toBe('unknown');
  });

  it('reports invalid input before an unknown indicator (400 before 404)', () => {
    expect(refusal(target('9.9', { period: '2015', value: 10, reason: '' })).code).toBe('invalid');
  });
});
