/**
 * Facts of one activity page as columns of typed arrays, one row a fact, rows in position order:
 * ~20 bytes a fact where an object would take ~300, and a query is a tight loop over them.
 */
export interface FactColumnsState {
  count: number;
  position: Int32Array;
  voidedAt: Int32Array;
  day: Uint16Array;
  kind: Uint8Array;
  entity: Int32Array;
  extra: Int32Array;
}

type Column = Exclude<keyof FactColumnsState, 'count'>;
const COLUMNS: Column[] = ['position', 'voidedAt', 'day', 'kind', 'entity', 'extra'];

export class FactColumns {
  count = 0;
  /** The position that recorded the fact. */
  position = new Int32Array(256);
  /** The position of the first void naming it; 0 while none does. */
  voidedAt = new Int32Array(256);
  /** Its business date as a project day. */
  day = new Uint16Array(256);
  /** What it says (the model's own codes). */
  kind = new Uint8Array(256);
  /** The CSO, case or training it is about (the model's own numbers). */
  entity = new Int32Array(256);
  /** A detail of the kind (a region, packed scores, a closure reason). */
  extra = new Int32Array(256);

  /** Appends a fact; returns its row. */
  push(position: number, day: number, kind: number, entity: number, extra = 0): number {
    if (this.count === this.position.length) this.grow();
    const row = this.count++;
    this.position[row] = position;
    this.day[row] = day;
    this.kind[row] = kind;
    this.entity[row] = entity;
    this.extra[row] = extra;
    return row;
  }

  /** True when the fact at `row` was recorded and not voided by position `at`. */
  live(row: number, at: number): boolean {
    const voided = this.voidedAt[row];
    return this.position[row] <= at && (voided === 0 || voided > at);
  }

  /** The number of rows recorded at or before `at` (rows are in position order). */
  rowsAt(at: number): number {
    let [low, high] = [0, this.count];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.position[mid] <= at) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  save(): FactColumnsState {
    const state = { count: this.count } as FactColumnsState;
    for (const c of COLUMNS) (state[c] as unknown) = this[c].subarray(0, this.count);
    return state;
  }

  /** Takes a save()'s columns as they are (no copy: push() grows them when it needs room). */
  static load(state: FactColumnsState): FactColumns {
    const columns = new FactColumns();
    const count = state?.count;
    if (!Number.isSafeInteger(count) || count < 0) throw new TypeError('a fact columns snapshot without its count');
    for (const c of COLUMNS) {
      const column = state[c];
      if (!(column instanceof (columns[c].constructor as Int32ArrayConstructor)) || column.length !== count) throw new TypeError(`a fact columns snapshot whose ${c} is not of its shape`);
      (columns[c] as unknown) = column;
    }
    columns.count = count;
    return columns;
  }

  private grow(): void {
    for (const c of COLUMNS) {
      const bigger = new (this[c].constructor as Int32ArrayConstructor)(Math.max(256, this[c].length * 2));
      bigger.set(this[c] as Int32Array);
      (this[c] as unknown) = bigger;
    }
  }
}
