import { describe, expect, it } from 'vitest';
import { isStoreDown, storeDownProblem } from './store-down.js';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isStoreDown', () => {
  it('given errors of a store that cannot be reached, then each is an outage', () => {
    expect(isStoreDown(coded('ECONNREFUSED'))).toBe(true);
    expect(isStoreDown(coded('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isStoreDown(coded('08006'))).toBe(true);
    expect(isStoreDown(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isStoreDown(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]))).toBe(true);
  });

  it("given errors that are the request's or the data's, then none is an outage", () => {
    expect(isStoreDown(coded('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isStoreDown(coded('SQLITE_FULL'))).toBe(false);
    expect(isStoreDown(new TypeError('x is undefined'))).toBe(false);
    expect(isStoreDown(undefined)).toBe(false);
    expect(isStoreDown('ECONNREFUSED')).toBe(false);
  });

  it('given an outage, then the answer is a 503 problem with Retry-After', () => {
    const answer = storeDownProblem();
    expect(answer.problem).toMatchObject({ status: 503, type: 'urn:jalon:problem:store-unavailable' });
    expect(answer.headers).toEqual({ 'Retry-After': '5' });
  });
});
