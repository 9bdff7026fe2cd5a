/**
 * Rows of numbers kept as one growable typed array per column: a million rows cost a few typed
 * arrays rather than a million objects, both in memory and through a snapshot (v8.serialize of a
 * typed array is one copy; of an object, a walk of its fields).
 */
export type TypedColumn = Int32Array | Float64Array | Uint8Array;
type ColumnKind = Int32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor;

/** A table as plain data: the row count and each column trimmed to it. */
export type TableState<K extends string> = { count: number } & { [C in K]: TypedColumn };

export class TypedTable<K extends string> {
  count = 0;
  readonly columns = {} as Record<K, TypedColumn>;
  private readonly names: K[];

  constructor(private readonly kinds: Record<K, ColumnKind>) {
    this.names = Object.keys(kinds) as K[];
    for (const name of this.names) this.columns[name] = new kinds[name](64);
  }

  /** Appends a row of zeros; returns its index. */
  push(): number {
    if (this.count === this.capacity()) this.resize(Math.max(64, this.count * 2));
    return this.count++;
  }

  /** The columns trimmed to the rows: views, serialised before the next row is added (SnapshotPart). */
  save(): TableState<K> {
    const state = { count: this.count } as TableState<K>;
    for (const name of this.names) (state as Record<K, TypedColumn>)[name] = this.columns[name].subarray(0, this.count);
    return state;
  }

  /** Takes the columns of a save() as they are (no copy); throws when they are not of this table's shape. */
  load(state: TableState<K>): void {
    const count = state?.count;
    if (!Number.isSafeInteger(count) || count < 0) throw new TypeError('a table snapshot without its row count');
    for (const name of this.names) {
      const column = (state as Record<K, unknown>)[name];
      if (!(column instanceof this.kinds[name]) || (column as TypedColumn).length !== count) throw new TypeError(`a table snapshot whose column ${name} is not of its shape`);
    }
    for (const name of this.names) this.columns[name] = (state as Record<K, TypedColumn>)[name];
    this.count = count;
  }

  private capacity(): number {
    return this.columns[this.names[0]].length;
  }

  private resize(size: number): void {
    for (const name of this.names) {
      const bigger = new this.kinds[name](size);
      bigger.set(this.columns[name]);
      this.columns[name] = bigger;
    }
  }
}
