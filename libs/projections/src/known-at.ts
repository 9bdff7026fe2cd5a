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

/** Where the digits of `YYYY-MM-DDTHH:MM:SS.sssZ` are; every other place holds its separator. */
const SEPARATORS: ReadonlyArray<[number, number]> = [[4, 45], [7, 45], [10, 84], [13, 58], [16, 58], [19, 46], [23, 90]];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The instant (ms since 1970) of a time written exactly `YYYY-MM-DDTHH:MM:SS.sssZ`, if it is a real
 * one (no 30 February, no hour 24). Read digit by digit: it runs once per event of every replay,
 * where a regular expression, Date.parse and a round trip through toISOString cost a third of it.
 */
export function recordedInstant(value: string): number | undefined {
  if (value.length !== 24) return undefined;
  for (const [at, code] of SEPARATORS) if (value.charCodeAt(at) !== code) return undefined;
  const y = digits(value, 0, 4);
  const mo = digits(value, 5, 2);
  const d = digits(value, 8, 2);
  const h = digits(value, 11, 2);
  const mi = digits(value, 14, 2);
  const s = digits(value, 17, 2);
  const ms = digits(value, 20, 3);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 || ms < 0) return undefined;
  if (d > DAYS_IN_MONTH[mo - 1] + (mo === 2 && isLeap(y) ? 1 : 0)) return undefined;
  return daysFromCivil(y, mo, d) * 86_400_000 + ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

/** The number written by `length` ASCII digits from `from`; -1 when any is not a digit. */
function digits(value: string, from: number, length: number): number {
  let n = 0;
  for (let i = from; i < from + length; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's algorithm). */
function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
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

  save(): { positions: Int32Array; times: Float64Array; steps: number; reached: number } {
    return { positions: this.positions.subarray(0, this.steps), times: this.times.subarray(0, this.steps), steps: this.steps, reached: this.reached };
  }

  load(state: ReturnType<RecordedTimes['save']>): void {
    const { positions, times, steps, reached } = state;
    if (!(positions instanceof Int32Array) || !(times instanceof Float64Array) || positions.length !== steps || times.length !== steps)
      throw new TypeError('a recorded-times snapshot of another shape');
    // Kept at least 64 long: grow() doubles the length.
    this.positions = new Int32Array(Math.max(64, steps));
    this.times = new Float64Array(Math.max(64, steps));
    this.positions.set(positions);
    this.times.set(times);
    this.steps = steps;
    this.reached = reached;
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
