import { describe, expect, it } from 'vitest';
import { atTimeOfLocal, momentOf, momentQuery, restatementParams } from './time-travel.js';

const project = { start: '2014-09-01', end: '2016-12-31' };

describe('the moment a URL shows', () => {
  it('given no parameters, when read, then it is now: the project end, live, not past', () => {
    const m = momentOf({}, project);
    expect(m).toEqual({ asOf: '2016-12-31', atPosition: undefined, atTime: undefined, live: true, past: false });
    expect(momentQuery(m, 42)).toEqual({ asOf: '2016-12-31', minPosition: '42' });
  });

  it('given an earlier date only, when read, then it is past but still live (what is known now about then)', () => {
    const m = momentOf({ asOf: '2015-06-30' }, project);
    expect(m.live).toBe(true);
    expect(m.past).toBe(true);
    expect(restatementParams(m)).toBeUndefined();
  });

  it('given a position, when read, then it is fixed: never live, read at that position, minPosition ignored', () => {
    const m = momentOf({ asOf: '2015-06-30', at: '120' }, project);
    expect(m).toMatchObject({ asOf: '2015-06-30', atPosition: 120, live: false, past: true });
    expect(momentQuery(m, 400)).toEqual({ asOf: '2015-06-30', atPosition: '120' });
    expect(restatementParams(m)).toEqual({ since: '120', asOf: '2015-06-30' });
  });

  it('given a recording time, when read, then the query carries atTime and the restatement sinceTime', () => {
    const m = momentOf({ atTime: '2016-01-02T03:04:05.000Z' }, project);
    expect(momentQuery(m)).toEqual({ asOf: '2016-12-31', atTime: '2016-01-02T03:04:05.000Z' });
    expect(restatementParams(m)).toEqual({ sinceTime: '2016-01-02T03:04:05.000Z', asOf: '2016-12-31' });
  });

  it('given bad values in a pasted URL, when read, then each falls back to its default', () => {
    expect(momentOf({ asOf: '2013-01-01', at: '-3', atTime: 'yesterday' }, project)).toMatchObject({
      asOf: '2016-12-31',
      atPosition: undefined,
      atTime: undefined,
      live: true,
    });
    expect(momentOf({ asOf: '2015-02-30x' }, project).asOf).toBe('2016-12-31');
  });

  it('given a local date-time, when turned into atTime, then it is an ISO instant with milliseconds', () => {
    const iso = atTimeOfLocal('2016-05-01T10:30');
    expect(iso).toMatch(/^2016-0[45]-\d{2}T\d{2}:30:00\.000Z$/);
    expect(new Date(iso!).getTime()).toBe(new Date('2016-05-01T10:30').getTime());
    expect(atTimeOfLocal('nonsense')).toBeUndefined();
  });
});
