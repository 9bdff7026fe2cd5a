import { Column, float64Column, lastAtOrBelow } from './change-log.js';
import { PROJECT_DAYS } from './calendar.js';

/** How many changes of one series lie between two of its checkpoints (a query replays at most that). */
export const CHECKPOINT_EVERY = 1024;

/** What a snapshot keeps of a series (structured-clone data: typed arrays, plain objects). */
export interface SeriesState {
  live: Float64Array;
  positions: Int32Array;
  days: Int32Array;
  deltas: Float64Array;
  checkpoints: Checkpoint[];
  checkpointPositions: Int32Array;
  sinceCheckpoint: number;
}

interface Checkpoint {
  /** The state after every change of log position ≤ position. */
  position: number;
  changeIndex: number;
  perDay: Float64Array;
}

/**
 * One additive quantity (an indicator, or one cell of a breakdown) as per-day increments.
 * The value as of day d at the head is a prefix sum of `live`. To answer "known at position P" it
 * keeps every change in position order with periodic checkpoints of the per-day array: a query
 * copies the nearest checkpoint and replays at most `checkpointEvery` changes.
 */
export class Series {
  // Float64: sums of participants are exact integers up to 2^53, beyond what int32 holds.
  private live: Float64Array = new Float64Array(PROJECT_DAYS);
  private readonly positions = new Column();
  private readonly days = new Column();
  private readonly deltas = float64Column();
  private checkpoints: Checkpoint[] = [];
  private readonly checkpointPositions = new Column();
  private sinceCheckpoint = 0;

  constructor(private readonly checkpointEvery = CHECKPOINT_EVERY) {}

  add(position: number, day: number, delta: number): void {
    const last = this.positions.last() ?? 0;
    if (this.sinceCheckpoint >= this.checkpointEvery && position > last) this.checkpoint(last);
    this.positions.push(position);
    this.days.push(day);
    this.deltas.push(delta);
    this.live[day] += delta;
    this.sinceCheckpoint++;
  }

  /** Per-day increments as known at `position`. The live array itself when nothing is later. */
  perDayAt(position: number): Float64Array {
    const last = this.positions.last();
    if (last === undefined || last <= position) return this.live;
    const c = lastAtOrBelow(this.checkpointPositions, position);
    const base = c >= 0 ? this.checkpoints[c] : undefined;
    const perDay = base ? base.perDay.slice() : new Float64Array(PROJECT_DAYS);
    const from = base ? base.changeIndex : 0;
    const to = lastAtOrBelow(this.positions, position, from) + 1;
    for (let i = from; i < to; i++) perDay[this.days.at(i)] += this.deltas.at(i);
    return perDay;
  }

  /** Visits each change with a log position in (after, upTo], in position order. */
  forEachChange(after: number, upTo: number, visit: (position: number, day: number, delta: number) => void): void {
    const from = lastAtOrBelow(this.positions, after) + 1;
    const to = lastAtOrBelow(this.positions, upTo, from) + 1;
    for (let i = from; i < to; i++) visit(this.positions.at(i), this.days.at(i), this.deltas.at(i));
  }

  /** The value as of project day `day` (-1: before the start) known at `position`. */
  valueAt(day: number, position: number): number {
    return sumTo(this.perDayAt(position), day);
  }

  save(): SeriesState {
    return {
      live: this.live,
      positions: this.positions.save(),
      days: this.days.save(),
      deltas: this.deltas.save(),
      checkpoints: this.checkpoints,
      checkpointPositions: this.checkpointPositions.save(),
      sinceCheckpoint: this.sinceCheckpoint,
    };
  }

  load(state: SeriesState): void {
    if (!(state.live instanceof Float64Array) || state.live.length !== PROJECT_DAYS) throw new TypeError('a series snapshot of another calendar');
    this.live = state.live;
    this.positions.load(state.positions);
    this.days.load(state.days);
    this.deltas.load(state.deltas);
    this.checkpoints = state.checkpoints;
    this.checkpointPositions.load(state.checkpointPositions);
    this.sinceCheckpoint = state.sinceCheckpoint;
  }

  private checkpoint(position: number): void {
    this.checkpoints.push({ position, changeIndex: this.positions.length, perDay: this.live.slice() });
    this.checkpointPositions.push(position);
    this.sinceCheckpoint = 0;
  }
}

export function sumTo(perDay: Float64Array, day: number): number {
  let sum = 0;
  for (let d = 0; d <= day; d++) sum += perDay[d];
  return sum;
}
