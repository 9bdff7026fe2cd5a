import type { TrainingRow } from '@jalon/contracts';
import { describe, expect, it } from 'vitest';
import { rowDate, tableStateOf, totalsOf, visibleRows } from './training-table.js';

const row = (id: string, heldOn: string, audience: TrainingRow['audience'], region: string, female: number, male: number): TrainingRow => ({
  trainingId: id,
  heldOn,
  quarter: 'x',
  audience,
  region,
  trainings: 1,
  female,
  male,
  tested: female,
  improved: 0,
});
const rows = [
  row('a', '2015-01-10', 'government', 'oriental', 3, 4),
  row('b', '2015-06-10', 'cso', 'oriental', 10, 0),
  row('c', '2016-02-10', 'government', 'souss-massa', 1, 1),
];

describe('the trainings table', () => {
  it('given no parameters, when shown, then every row, newest first', () => {
    expect(visibleRows(rows, tableStateOf({})).map((r) => r.trainingId)).toEqual(['c', 'b', 'a']);
  });

  it('given an audience and a date range, when shown, then only those rows, and totals add them up', () => {
    const shown = visibleRows(rows, tableStateOf({ audience: 'government', from: '2015-01-01', to: '2015-12-31' }));
    expect(shown.map((r) => r.trainingId)).toEqual(['a']);
    expect(totalsOf(shown)).toEqual({ trainings: 1, female: 3, male: 4, tested: 3, improved: 0 });
  });

  it('given a sort by participants ascending, when shown, then smallest first; an unknown sort falls back to date', () => {
    expect(visibleRows(rows, tableStateOf({ sort: 'participants', dir: 'asc' })).map((r) => r.trainingId)).toEqual(['c', 'a', 'b']);
    expect(tableStateOf({ sort: 'nonsense' }).sort).toBe('date');
  });

  it("given a donor's grouped row, when dated, then its quarter's first day", () => {
    expect(rowDate({ ...rows[0], heldOn: undefined, quarter: '2015-Q3' })).toBe('2015-07-01');
  });
});
