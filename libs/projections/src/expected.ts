import { daysBetween, EOP_PERIOD, PROJECT_END, PROJECT_START, TARGET_PERIODS, type IndicatorDefinition } from '@jalon/domain';
import type { Status, TargetsInEffect } from './views.js';

/**
 * The expected value at `date` (DOMAIN.md, "Expected value"): for a count, the straight line
 * through (project start, baseline) and (31 December of each year with a target, that target) in
 * turn, the baseline before the start and the EOP target after the end; for a percent, the EOP
 * target. Null when there is no EOP target.
 */
export function expectedValue(def: IndicatorDefinition, targets: TargetsInEffect, date: string): number | null {
  const eop = targets[EOP_PERIOD];
  if (eop === undefined) return null;
  if (def.unit === 'percent') return eop;
  if (date <= PROJECT_START) return def.baseline;
  if (date >= PROJECT_END) return eop;
  let from = { date: PROJECT_START, value: def.baseline };
  for (const period of TARGET_PERIODS) {
    const value = targets[period];
    if (value === undefined) continue;
    const to = { date: `${period}-12-31`, value };
    if (date <= to.date) {
      // Evaluated left to right as DOMAIN.md writes it, so clients that do the same agree to the bit.
      return from.value + ((to.value - from.value) * daysBetween(from.date, date)) / daysBetween(from.date, to.date);
    }
    from = to;
  }
  return eop;
}

/**
 * `value ≥ share × expected`, as exact arithmetic would decide it: an expected value like 200/3 is
 * not exact in binary, and 60 must still reach 0.9 × 200/3. The tolerance is far below any
 * difference a count or a percent can make.
 */
function reaches(value: number, share: number, expected: number): boolean {
  return value >= share * expected - 1e-9 * Math.max(1, Math.abs(expected));
}

export function statusOf(value: number | null, target: number | null, expected: number | null): Status {
  if (target === null || expected === null) return 'no-target';
  if (value === null) return 'no-data';
  if (reaches(value, 0.9, expected)) return 'green';
  if (reaches(value, 0.7, expected)) return 'amber';
  return 'red';
}
