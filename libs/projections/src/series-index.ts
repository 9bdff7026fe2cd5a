import type { Dimension } from '@jalon/domain';
import type { SeriesKey } from './contributions.js';
import { Series, type SeriesState } from './series.js';

/** A snapshot of the index: totals, then cells in the order they first appeared (the breakdowns' order). */
export interface SeriesIndexState {
  totals: Array<[code: string, series: SeriesState]>;
  cells: Array<[code: string, dimension: Dimension, key: string, series: SeriesState]>;
}

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

  save(): SeriesIndexState {
    const totals = [...this.totals].map(([code, s]): [string, SeriesState] => [code, s.save()]);
    const cells: SeriesIndexState['cells'] = [];
    for (const [code, byDimension] of this.cells)
      for (const [dimension, byKey] of byDimension) for (const [key, s] of byKey) cells.push([code, dimension, key, s.save()]);
    return { totals, cells };
  }

  load(state: SeriesIndexState): void {
    this.totals.clear();
    this.cells.clear();
    for (const [code, s] of state.totals) this.of(code, undefined, undefined).load(s);
    for (const [code, dimension, key, s] of state.cells) this.of(code, dimension, key).load(s);
  }

  private cellsOf(code: string, dimension: Dimension): Map<string, Series> {
    let byDimension = this.cells.get(code);
    if (!byDimension) this.cells.set(code, (byDimension = new Map()));
    let byKey = byDimension.get(dimension);
    if (!byKey) byDimension.set(dimension, (byKey = new Map()));
    return byKey;
  }
}
