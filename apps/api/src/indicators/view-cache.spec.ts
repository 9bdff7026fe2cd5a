import { describe, expect, it } from 'vitest';
import { asJson, matchesEtag, ViewCache } from './view-cache.js';

describe('ViewCache', () => {
  it('given a view made at a position, when the same query comes at that position, then the same object is returned without making it again', () => {
    const cache = new ViewCache<{ n: number }>();
    let made = 0;
    const make = () => ({ n: ++made });
    const first = cache.get(7, 'asOf=2015', make);
    expect(cache.get(7, 'asOf=2015', make)).toBe(first);
    expect(cache.get(7, 'asOf=2016', make)).toEqual({ n: 2 });
    expect(made).toBe(2);
  });

  it('given views at a position, when the position moves, then every query is made again', () => {
    const cache = new ViewCache<{ n: number }>();
    let made = 0;
    const make = () => ({ n: ++made });
    cache.get(7, 'a', make);
    expect(cache.get(8, 'a', make)).toEqual({ n: 2 });
    expect(cache.get(7, 'a', make)).toEqual({ n: 3 });
  });

  it('given a full cache, when one more query comes, then it starts afresh rather than growing', () => {
    const cache = new ViewCache<{ key: string }>(2);
    let made = 0;
    const make = (key: string) => () => (made++, { key });
    cache.get(1, 'a', make('a'));
    cache.get(1, 'b', make('b'));
    cache.get(1, 'c', make('c'));
    cache.get(1, 'a', make('a'));
    expect(made).toBe(4);
  });
});

describe('asJson and matchesEtag', () => {
  it('given a view, then its JSON and ETag are written once, and equal views give equal ETags', () => {
    const view = { position: 3, rows: [1, 2] };
    const json = asJson(view);
    expect(json.body).toBe('{"position":3,"rows":[1,2]}');
    expect(asJson(view)).toBe(json);
    expect(asJson({ position: 3, rows: [1, 2] }).etag).toBe(json.etag);
    expect(asJson({ position: 4, rows: [1, 2] }).etag).not.toBe(json.etag);
  });

  it('given If-None-Match headers, then a listed tag (weak or not) or * matches, anything else does not', () => {
    expect(matchesEtag('"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('"x", W/"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('*', '"abc"')).toBe(true);
    expect(matchesEtag('"abd"', '"abc"')).toBe(false);
    expect(matchesEtag('abc', '"abc"')).toBe(false);
    expect(matchesEtag(undefined, '"abc"')).toBe(false);
  });
});
