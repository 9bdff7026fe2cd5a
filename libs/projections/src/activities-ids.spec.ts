import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventIdIndex, wordsOf } from './activities-ids.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

describe('an event id index through a snapshot', () => {
  it('given 3,000 ids and one that is no UUID, when saved, loaded and 3,000 more set (growing it twice), then every id finds its value', () => {
    const index = new EventIdIndex();
    for (let n = 1; n <= 3000; n++) index.set(uuid(n), n * 10);
    index.set('e-1', -5);
    const loaded = EventIdIndex.load(deserialize(serialize(index.save())));
    for (let n = 3001; n <= 6000; n++) loaded.set(uuid(n), n * 10);
    const wrong = [1, 1024, 3000, 3001, 6000].filter((n) => loaded.get(uuid(n)) !== n * 10);
    expect(wrong).toEqual([]);
    expect([loaded.get('e-1'), loaded.get(uuid(6001)), loaded.get('e-2')]).toEqual([-5, undefined, undefined]);
  });

  it('given an empty index saved and loaded, when an id is set, then it is found', () => {
    const loaded = EventIdIndex.load(new EventIdIndex().save());
    loaded.set(uuid(1), 3);
    expect(loaded.get(uuid(1))).toBe(3);
  });

  it('given a state whose arrays do not fit together, when loaded, then it throws', () => {
    const state = new EventIdIndex().save();
    expect(() => EventIdIndex.load({ ...state, count: 1 })).toThrow(TypeError);
    expect(() => EventIdIndex.load({ ...state, slots: new Int32Array(3) })).toThrow(TypeError);
    expect(() => EventIdIndex.load({ ...state, slots: undefined } as never)).toThrow(TypeError);
  });
});

describe('an event id as four words', () => {
  it('given any lower-case UUID, then its words are its 32 hex digits, eight by eight (as a snapshot keeps them)', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const hex = id.replaceAll('-', '');
        expect([...wordsOf(id)!]).toEqual([0, 1, 2, 3].map((i) => parseInt(hex.slice(i * 8, i * 8 + 8), 16)));
      }),
    );
  });

  it('given an id that is not 8-4-4-4-12 lower-case hex, then it has no words (it goes to the plain map)', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    for (const other of [id.toUpperCase(), id.replace('-', '_'), `${id}0`, id.slice(1), id.replace('a', 'g'), id.replace('0', ' '), ''])
      expect(wordsOf(other), other).toBeUndefined();
    const index = new EventIdIndex();
    index.set(id.toUpperCase(), 1);
    index.set(id, 2);
    expect([index.get(id.toUpperCase()), index.get(id)]).toEqual([1, 2]);
  });
});
