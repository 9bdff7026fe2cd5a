type NumberArray = Int32Array | Float64Array;

/** A growable typed column: millions of changes without millions of objects. */
export class Column<A extends NumberArray = Int32Array> {
  private data: A;
  length = 0;

  constructor(private readonly make: (size: number) => A = (n) => new Int32Array(n) as A) {
    this.data = make(64);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index];
  }

  last(): number | undefined {
    return this.length > 0 ? this.data[this.length - 1] : undefined;
  }

  /** The values held, trimmed to the length (a snapshot carries no growth slack). */
  save(): A {
    return this.data.subarray(0, this.length) as A;
  }

  load(values: A): void {
    this.data = values.length > 0 ? values : this.make(64);
    this.length = values.length;
  }
}

export const float64Column = () => new Column<Float64Array>((n) => new Float64Array(n));

/** Index of the last element ≤ `value` in a sorted column (searching [from, length)), from-1 when none. */
export function lastAtOrBelow(column: Column<NumberArray>, value: number, from = 0): number {
  let lo = from;
  let hi = column.length - 1;
  let found = from - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (column.at(mid) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
