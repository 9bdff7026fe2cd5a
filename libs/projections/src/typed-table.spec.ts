import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { TypedTable } from './typed-table.js';

const columns = { id: Int32Array, weight: Float64Array, flag: Uint8Array };

function filled(rows: number): TypedTable<keyof typeof columns> {
  const table = new TypedTable(columns);
  for (let n = 0; n < rows; n++) {
    const row = table.push();
    table.columns.id[row] = n;
    table.columns.weight[row] = n / 2;
    table.columns.flag[row] = n % 2;
  }
  return table;
}

describe('a typed table', () => {
  it('given 200 rows pushed (past its first capacity of 64), then each row holds what was set, and push returned 0…199', () => {
    const table = filled(200);
    expect(table.count).toBe(200);
    expect([table.columns.id[0], table.columns.id[199], table.columns.weight[199], table.columns.flag[199]]).toEqual([0, 199, 99.5, 1]);
  });

  it('given a table saved, then each column is trimmed to the rows, a view of the table (no copy: it is serialised at once)', () => {
    const table = filled(3);
    const state = table.save();
    expect(state.count).toBe(3);
    expect([...state.id]).toEqual([0, 1, 2]);
    expect(state.id.buffer).toBe(table.columns.id.buffer);
    expect(deserialize(serialize(state)).id).toEqual(Int32Array.of(0, 1, 2));
  });

  it('given a state through serialize and back, when loaded and pushed to, then it grows from there and keeps the rows', () => {
    const loaded = new TypedTable(columns);
    loaded.load(deserialize(serialize(filled(64).save())));
    const row = loaded.push();
    loaded.columns.id[row] = 7;
    expect(row).toBe(64);
    expect([loaded.columns.id[63], loaded.columns.id[64], loaded.columns.weight[63]]).toEqual([63, 7, 31.5]);
  });

  it('given an empty state loaded, when pushed to, then the first row is 0', () => {
    const loaded = new TypedTable(columns);
    loaded.load(new TypedTable(columns).save());
    expect(loaded.push()).toBe(0);
    expect(loaded.columns.id.length).toBeGreaterThan(0);
  });

  it('given a state of another shape, when loaded, then it throws and keeps what it held', () => {
    const table = filled(2);
    const state = filled(2).save();
    expect(() => table.load({ ...state, count: 3 })).toThrow(TypeError);
    expect(() => table.load({ ...state, weight: new Int32Array(2) })).toThrow(/weight/);
    expect(() => table.load({ ...state, flag: undefined } as never)).toThrow(TypeError);
    expect(table.count).toBe(2);
  });
});
