import { describe, expect, it } from 'vitest';
import { streamIds, foldStream } from '../streams.js';
import { decideRows, streamsOfSheet } from './decide-rows.js';
import { parseSheet, type SheetCell } from './rows.js';

const ids = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
};
const decideAlone = (kind: Parameters<typeof parseSheet>[0], table: SheetCell[][], states = new Map()) =>
  decideRows(parseSheet(kind, table), states, ids());

const CASE_HEADER = ['caseId', 'identifiedOn', 'sex', 'ageGroup', 'nationality', 'exploitationType', 'referredBy'];

describe('sheets: reading rows into commands', () => {
  it('given a CSO sheet with English, French and canonical headers in any case, when parsed, then each row is a MapCso with its domains split on ";"', () => {
    const sheet = parseSheet('csos', [
      ['CSO ID', 'nom', 'Region', 'city', 'Domaines', 'Mapped On'],
      ['c1', 'Association Amal', 'oriental', '', 'protection; shelter', '2015-02-01'],
      ['c2', 'Tanmia', 'souss-massa', 'Agadir', 'health', { date: '2015-03-04' }],
    ]);
    expect(sheet.errors).toEqual([]);
    expect(sheet.rows.map((r) => r.command)).toEqual([
      { type: 'MapCso', data: { csoId: 'c1', name: 'Association Amal', region: 'oriental', domains: ['protection', 'shelter'], mappedOn: '2015-02-01' } },
      { type: 'MapCso', data: { csoId: 'c2', name: 'Tanmia', region: 'souss-massa', city: 'Agadir', domains: ['health'], mappedOn: '2015-03-04' } },
    ]);
  });

  it('given a training sheet with numbers as text or numbers and no knowledge test, when parsed, then nested members are built from dotted columns', () => {
    const sheet = parseSheet('trainings', [
      ['trainingId', 'heldOn', 'audience', 'topic', 'region', 'participants.female', 'Participants (hommes)', 'knowledgeTest.tested', 'knowledgeTest.improved'],
      ['t1', '2015-05-05', 'cso', 'Identification', 'oriental', '4', 6, 10, 7],
      ['t2', '2015-06-05', 'government', 'Law', 'oriental', 3, 0, '', ''],
    ]);
    expect(sheet.rows.map((r) => r.command?.data)).toEqual([
      { trainingId: 't1', heldOn: '2015-05-05', audience: 'cso', topic: 'Identification', region: 'oriental', participants: { female: 4, male: 6 }, knowledgeTest: { tested: 10, improved: 7 } },
      { trainingId: 't2', heldOn: '2015-06-05', audience: 'government', topic: 'Law', region: 'oriental', participants: { female: 3, male: 0 } },
    ]);
  });

  it('given bad cells, when parsed, then every error names its row (header = row 1) and column, blank rows are skipped but keep their numbers', () => {
    const sheet = parseSheet('trainings', [
      ['trainingId', 'heldOn', 'audience', 'topic', 'region', 'participants.female', 'participants.male'],
      ['t1', '2015-05-05', 'cso', 'Identification', 'oriental', 4, 6],
      ['', '', null, '  ', null, null, null],
      ['t 3', '2019-01-01', 'press', { formula: 'A1+1' }, 'oriental', 2.5, 0],
    ]);
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(sheet.rows[1].errors.map((e) => [e.row, e.column])).toEqual([
      [4, 'topic'],
      [4, 'trainingId'],
      [4, 'heldOn'],
      [4, 'audience'],
      [4, 'participants.female'],
    ]);
    expect(sheet.rows[1].errors[0].message).toMatch(/formula/);
  });

  it('given an unknown or a missing column, when parsed, then the header (row 1) is refused and no row is read', () => {
    const sheet = parseSheet('cases', [['caseId', 'identifiedOn', 'name', 'sex'], ['k1', '2015-01-01', 'Jane', 'female']]);
    expect(sheet.rows).toEqual([]);
    expect(sheet.errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'name'],
      [1, 'ageGroup'],
      [1, 'nationality'],
      [1, 'exploitationType'],
      [1, 'referredBy'],
    ]);
  });
});

describe('sheets: deciding rows in order', () => {
  it('given two rows identifying one case, when decided, then the second is refused by row and the first is kept', () => {
    const decided = decideAlone('cases', [
      CASE_HEADER,
      ['k1', '2015-01-01', 'female', 'adult', 'NG', 'sexual', 'cso'],
      ['k1', '2015-01-02', 'male', 'adult', 'NG', 'labour', 'cso'],
    ]);
    expect(decided).toMatchObject({ rows: 2, valid: 1, expectedRevisions: { 'case-k1': -1 } });
    expect(decided.errors).toEqual([{ row: 3, column: 'caseId', path: '/caseId', message: expect.stringMatching(/already/) }]);
    expect(decided.appends.map((a) => [a.row, a.streamId, a.event.type])).toEqual([[2, 'case-k1', 'VictimIdentified']]);
  });

  it('given a case recorded before (the log) and one identified above, when assistance rows are decided, then both are accepted, and one for an unknown case is refused on its id column', () => {
    const known = foldStream([{ eventId: 'e-1', type: 'VictimIdentified', data: { caseId: 'k0', identifiedOn: '2015-01-01', sex: 'female', ageGroup: 'adult', nationality: 'NG', exploitationType: 'sexual', referredBy: 'cso' } }]);
    const sheet = parseSheet('assistance', [
      ['caseId', 'providedOn', 'assistanceType'],
      ['k0', '2015-02-01', 'shelter'],
      ['k9', '2015-02-01', 'medical'],
      ['k0', '2015-03-01', 'avrr_return'],
    ]);
    expect(streamsOfSheet(sheet)).toEqual(['case-k0', 'case-k9']);
    const decided = decideRows(sheet, new Map([[streamIds.case('k0'), known]]), ids());
    expect(decided.valid).toBe(2);
    expect(decided.expectedRevisions).toEqual({ 'case-k0': 0 });
    expect(decided.errors).toEqual([{ row: 3, column: 'caseId', path: '/caseId', message: expect.any(String) }]);
    expect(decided.appends.map((a) => a.row)).toEqual([2, 4]);
  });

  it('given a closure above, when a later assistance row for the case follows, then it is refused as the rules say', () => {
    const decided = decideAlone('cases', [CASE_HEADER, ['k1', '2015-01-01', 'female', 'adult', 'NG', 'sexual', 'cso']]);
    expect(decided.valid).toBe(1);
    const states = new Map([['case-k1', foldStream(decided.appends.map(({ eventId, event }) => ({ eventId, ...event })))]]);
    const closed = decideRows(parseSheet('closures', [['caseId', 'closedOn', 'reason'], ['k1', '2015-02-01', 'returned']]), states, ids());
    expect(closed.valid).toBe(1);
    const after = new Map([['case-k1', foldStream([...decided.appends, ...closed.appends].map(({ eventId, event }) => ({ eventId, ...event })))]]);
    const late = decideRows(parseSheet('assistance', [['caseId', 'providedOn', 'assistanceType'], ['k1', '2015-03-01', 'shelter']]), after, ids());
    expect(late.valid).toBe(0);
    expect(late.errors[0]).toMatchObject({ row: 2 });
  });
});
