import type { Series } from './series.js';

/**
 * An entity's contributions (series, start day, weight) in reusable columns: the fold fills one
 * before an event and one after it, and applies the net difference, allocating nothing per event.
 */
export class ContributionBuffer {
  readonly series: Series[] = [];
  readonly days: number[] = [];
  readonly weights: number[] = [];
  length = 0;

  clear(): void {
    this.length = 0;
  }

  /** Adds `weight` to (series, day), merged with an entry already there (as a sum). */
  merge(series: Series, day: number, weight: number): void {
    for (let i = 0; i < this.length; i++) {
      if (this.series[i] === series && this.days[i] === day) {
        this.weights[i] += weight;
        return;
      }
    }
    this.push(series, day, weight);
  }

  push(series: Series, day: number, weight: number): void {
    const i = this.length++;
    this.series[i] = series;
    this.days[i] = day;
    this.weights[i] = weight;
  }

  sameAs(other: ContributionBuffer): boolean {
    if (other.length !== this.length) return false;
    for (let i = 0; i < this.length; i++)
      if (other.series[i] !== this.series[i] || other.days[i] !== this.days[i] || other.weights[i] !== this.weights[i]) return false;
    return true;
  }
}

/**
 * Records at `position` the net changes that turn `before` into `after`: per (series, day) the
 * sum of the after weights less the before ones, zero sums left out, in first-seen order.
 * `scratch` is working space.
 */
export function applyDifference(position: number, before: ContributionBuffer, after: ContributionBuffer, scratch: ContributionBuffer): void {
  // Fast paths for the common cases: a new entity, and an event that changes no start day.
  if (before.length === 0) {
    for (let i = 0; i < after.length; i++) after.series[i].add(position, after.days[i], after.weights[i]);
    return;
  }
  if (before.sameAs(after)) return;
  scratch.clear();
  for (let i = 0; i < before.length; i++) scratch.merge(before.series[i], before.days[i], -before.weights[i]);
  for (let i = 0; i < after.length; i++) scratch.merge(after.series[i], after.days[i], after.weights[i]);
  for (let i = 0; i < scratch.length; i++) if (scratch.weights[i] !== 0) scratch.series[i].add(position, scratch.days[i], scratch.weights[i]);
}
