import { toDayNumber } from '../dates.js';
import type { Plan, Step } from './plan.js';
import type { Rng } from './random.js';

/** A step with its recording time, `YYYY-MM-DDTHH:MM:SS.sssZ`. */
export interface Scheduled {
  step: Step;
  recordedAt: string;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/**
 * Gives every step a recording time a few days after its day, during office hours, always later
 * than the stream's previous step; then merges the streams into one log ordered by that time, so
 * recordedAt never decreases along the log and each stream keeps its order.
 */
export function schedule(rng: Rng, plan: Plan): Scheduled[] {
  const all: Array<Scheduled & { rank: number }> = [];
  for (const steps of plan.byStream().values()) {
    let previous = -Infinity;
    for (const step of steps) {
      const at = Math.max(officeTime(rng, step), previous + rng.int(2, 45) * MS_PER_MINUTE + rng.int(0, 59_999));
      previous = at;
      all.push({ step, recordedAt: new Date(at).toISOString(), rank: all.length });
    }
  }
  all.sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : a.rank - b.rank));
  return all.map(({ step, recordedAt }) => ({ step, recordedAt }));
}

/** Between 08:30 and 17:30 UTC, `lagDays` (or one to six) days after the step's day. */
function officeTime(rng: Rng, step: Step): number {
  const day = toDayNumber(step.recordOn ?? step.on) + (step.lagDays ?? rng.int(1, 6));
  const minute = rng.int(8 * 60 + 30, 17 * 60 + 30);
  return day * MS_PER_DAY + minute * MS_PER_MINUTE + rng.int(0, 59_999);
}
