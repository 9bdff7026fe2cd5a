/**
 * "Known at a time" (CONTRACT.md): the log up to the highest position whose `recordedAt` ≤ T.
 *
 * `recordedAt` is each writer's clock, so it is not monotone in the position when several processes
 * append: a running maximum would answer "the longest prefix recorded by T", which stops at the
 * first late clock. The answer is exact with a staircase instead: the positions whose time is
 * strictly below every later position's time (strict suffix minima). The answer for any T is on it:
 * every position above the highest p with t(p) ≤ T has a time > T ≥ t(p). Along the staircase the
 * times increase strictly, so the last step with time ≤ T is found by binary search, and an append
 * pops the steps it undercuts (amortised O(1)).
 */

const RECORDED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The instant (ms since 1970) of a time written exactly `YYYY-MM-DDTHH:MM:SS.sssZ`, if it is a real one. */
export function recordedInstant(value: string): number | undefined {
  if (!RECORDED_AT.test(value)) return undefined;
  const ms = Date.parse(value);
  // Date.parse rolls 2015-02-30 over to March: a real instant writes back to the same text.
  if (Number.isNaN(ms) || new Date(ms).toISOString() !== value) return undefined;
  return ms;
}

export function isRecordedTime(value: string): boolean {
  return recordedInstant(value) !== undefined;
}

/** The recording times of the log, position by position, answering "the position known at T". */
export class RecordedTimes {
  private positions = new Int32Array(64);
  private times = new Float64Array(64);
  private steps = 0;
  private reached = 0;

  /** The last position recorded (0 before any). */
  get position(): number {
    return this.reached;
  }

  /** Records the time of the next position. A time that is not a real instant is never ≤ any T. */
  record(position: number, recordedAt: string): void {
    if (position <= this.reached) throw new RangeError(`time of position ${position} recorded after position ${this.reached}`);
    this.reached = position;
    const time = recordedInstant(recordedAt) ?? Number.POSITIVE_INFINITY;
    while (this.steps > 0 && this.times[this.steps - 1] >= time) this.steps--;
    if (time === Number.POSITIVE_INFINITY) return;
    this.grow();
    this.positions[this.steps] = position;
    this.times[this.steps] = time;
    this.steps++;
  }

  /** The highest position recorded at or before `time` (an instant, ms), 0 when there is none. */
  positionAt(time: number): number {
    let lo = 0;
    let hi = this.steps - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid] <= time) {
        found = this.positions[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  private grow(): void {
    if (this.steps < this.positions.length) return;
    const positions = new Int32Array(this.positions.length * 2);
    const times = new Float64Array(this.times.length * 2);
    positions.set(this.positions);
    times.set(this.times);
    this.positions = positions;
    this.times = times;
  }
}
