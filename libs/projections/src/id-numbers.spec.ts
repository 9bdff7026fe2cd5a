import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { IdNumbers } from './id-numbers.js';

describe('id numbers', () => {
  it('given ids seen in turn, then each gets the next number once, and seeing it again gives the same', () => {
    const ids = new IdNumbers();
    expect(['C-1', 'C-2', 'C-1', 'C-10'].map((id) => ids.numberOf(id))).toEqual([0, 1, 0, 2]);
    expect(ids.size).toBe(3);
  });

  it('given ids saved and loaded, then the size is known before any lookup, and ids keep their numbers; a new id gets the next', () => {
    const ids = new IdNumbers();
    for (const id of ['a', 'bb', '', 'ccc']) ids.numberOf(id);
    const loaded = IdNumbers.load(deserialize(serialize(ids.save())));
    expect(loaded.size).toBe(4);
    // Saved again before any lookup: the same ids, not rebuilt.
    expect(loaded.save()).toEqual(ids.save());
    expect(['ccc', '', 'bb', 'a', 'dddd'].map((id) => loaded.numberOf(id))).toEqual([3, 2, 1, 0, 4]);
    expect(loaded.size).toBe(5);
  });

  it('given a packed list whose lengths do not add up to its text, or of another shape, when loaded, then it throws', () => {
    expect(() => IdNumbers.load({ text: 'abc', lengths: new Int32Array([1, 1]) })).toThrow(TypeError);
    expect(() => IdNumbers.load({ text: 'abc', lengths: [3] } as never)).toThrow(TypeError);
    expect(() => IdNumbers.load(undefined as never)).toThrow(TypeError);
  });
});
