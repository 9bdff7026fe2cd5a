import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from './hash.js';

describe('the hash router', () => {
  it('given a detail URL, when parsed, then the path segments and the parameters come back', () => {
    expect(parseHash('#/indicator/1.1?asOf=2015-06-30&at=120&lang=en')).toEqual({
      segments: ['indicator', '1.1'],
      params: { asOf: '2015-06-30', at: '120', lang: 'en' },
    });
  });

  it('given an empty or bare hash, when parsed, then it is the overview without parameters', () => {
    expect(parseHash('')).toEqual({ segments: [], params: {} });
    expect(parseHash('#/')).toEqual({ segments: [], params: {} });
    expect(parseHash('#/?asOf=')).toEqual({ segments: [], params: {} });
  });

  it('given parameters in any order, when formatted, then one view has one URL (sorted, empty ones dropped)', () => {
    expect(formatHash(['indicator', '2.1'], { lang: 'fr', asOf: '2015-12-31', at: '' })).toBe('#/indicator/2.1?asOf=2015-12-31&lang=fr');
    expect(formatHash([], {})).toBe('#/');
  });

  it('given a formatted hash, when parsed again, then nothing is lost (a time with colons included)', () => {
    const params = { atTime: '2016-01-02T03:04:05.000Z', q: 'a b&c' };
    expect(parseHash(formatHash(['trainings'], params))).toEqual({ segments: ['trainings'], params });
  });
});
