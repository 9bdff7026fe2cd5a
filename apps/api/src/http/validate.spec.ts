import { describe, expect, it } from 'vitest';
import { EventsQuery } from '../events/queries.js';
import { BreakdownQuery, SeriesQuery } from '../indicators/queries.js';
import { EvaluationQuery } from '../projection/evaluation-query.js';
import { ProblemException } from './problem.js';
import { parseQuery } from './validate.js';

function refusal(run: () => unknown): ProblemException {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemException) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseQuery', () => {
  it('reads positions as whole numbers and keeps a real date', () => {
    expect(parseQuery(EvaluationQuery, { asOf: '2016-02-29', atPosition: '12', minPosition: '0' })).toEqual({
      asOf: '2016-02-29',
      atPosition: 12,
      minPosition: 0,
    });
  });

  it('accepts any real date, before or after the project', () => {
    expect(parseQuery(EvaluationQuery, { asOf: '1999-01-01' }).asOf).toBe('1999-01-01');
    expect(parseQuery(EvaluationQuery, { asOf: '2030-12-31' }).asOf).toBe('2030-12-31');
  });

  it('names every bad and every unknown parameter with a JSON Pointer, as a 400', () => {
    const error = refusal(() =>
      parseQuery(EvaluationQuery, { asOf: '2015-02-30', atPosition: '-1', minPosition: '1.5', foo: 'x' }),
    );
    expect(error.status).toBe(400);
    expect(error.problem.errors?.map((e) => e.path).sort()).toEqual(['/asOf', '/atPosition', '/foo', '/minPosition']);
    expect(error.problem.errors?.find((e) => e.path === '/foo')?.message).toBe('unknown query parameter');
  });

  it('refuses numbers written loosely: empty, exponent, hexadecimal, spaces', () => {
    for (const atPosition of ['', '1e3', '0x10', ' 1', '+1']) {
      expect(refusal(() => parseQuery(EvaluationQuery, { atPosition })).status).toBe(400);
    }
  });

  it('refuses a parameter given twice', () => {
    expect(refusal(() => parseQuery(EvaluationQuery, { asOf: ['2015-01-01', '2016-01-01'] })).status).toBe(400);
  });

  it('defaults the series period to quarter and refuses others', () => {
    expect(parseQuery(SeriesQuery, {}).period).toBe('quarter');
    expect(parseQuery(SeriesQuery, { period: 'year' }).period).toBe('year');
    expect(refusal(() => parseQuery(SeriesQuery, { period: 'month' })).problem.errors?.[0].path).toBe('/period');
  });

  it('requires a known dimension for a breakdown', () => {
    expect(parseQuery(BreakdownQuery, { by: 'region' }).by).toBe('region');
    expect(refusal(() => parseQuery(BreakdownQuery, {})).problem.errors?.[0].path).toBe('/by');
    expect(refusal(() => parseQuery(BreakdownQuery, { by: 'colour' })).status).toBe(400);
  });

  it('bounds the page size of the event list from 1 to 1000', () => {
    expect(parseQuery(EventsQuery, { limit: '1000', after: '0' })).toEqual({ limit: 1000, after: 0 });
    expect(refusal(() => parseQuery(EventsQuery, { limit: '0' })).status).toBe(400);
    expect(refusal(() => parseQuery(EventsQuery, { limit: '1001' })).status).toBe(400);
    expect(refusal(() => parseQuery(EventsQuery, { type: 'CaseOpened' })).problem.errors?.[0].path).toBe('/type');
  });
});
