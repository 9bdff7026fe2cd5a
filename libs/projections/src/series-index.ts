import type { Dimension } from '@jalon/domain';
import type { SeriesKey } from './contributions.js';
import { Series } from './series.js';

/**
 * Every series of the engine, by code, then dimension and key: looked up with no key string
 * built per event. The cells of a breakdown are the keys present under its code and dimension.
 */
export class SeriesIndex {
  private readonly totals = new Map<string, Series>();
  private readonly cells = new Map<string, Map<Dimension, Map<string, Series>>>();

  constructor(private readonly checkpointEvery?: number) {}

  /** The series, created when absent. */
  of(code: string, dimension: Dimension | undefined, key: string | undefined): Series {
    if (dimension === undefined) {
      let s = this.totals.get(code);
      if (!s) this.totals.set(code, (s = new Series(this.checkpointEvery)));
      return s;
    }
    const byKey = this.cellsOf(code, dimension);
    let s = byKey.get(key!);
    if (!s) byKey.set(key!, (s = new Series(this.checkpointEvery)));
    return s;
  }

  /** The series if it has ever changed. */
  find(series: SeriesKey): Series | undefined {
    if (series.dimension === undefined) return this.totals.get(series.code);
    return this.cells.get(series.code)?.get(series.dimension)?.get(series.key);
  }

  /** The cell keys seen for an indicator's breakdown, in the order they first appeared. */
  cellKeys(code: string, dimension: Dimension): string[] {
    return [...(this.cells.get(code)?.get(dimension)?.keys() ?? [])];
  }

  private cellsOf(code: string, dimension: Dimension): Map<string, Series> {
    let byDimension = this.cells.get(code);
    if (!byDimension) this.cells.set(code, (byDimension = new Map()));
    let byKey = byDimension.get(dimension);
    if (!byKey) byDimension.set(dimension, (byKey = new Map()));
    return byKey;
  }
}
