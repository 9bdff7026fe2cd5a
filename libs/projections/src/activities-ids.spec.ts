import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { EventIdIndex } from './activities-ids.js';

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
