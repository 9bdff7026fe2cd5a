import type { CommandType } from '../commands.js';

/** One command the demo will record, before it is given a recording time and an event id. */
export interface Step {
  streamId: string;
  command: CommandType;
  body: Record<string, unknown>;
  pathId?: string;
  /** For a void: the step whose event it voids (whose id exists only once it is recorded). */
  voids?: Step;
  /** The business date, or for a target or a void the day it was decided. */
  on: string;
  /** When a correction is made later than `on` (its void and its re-record). */
  recordOn?: string;
  /** Days from `recordOn ?? on` to the recording; a few when not given. */
  lagDays?: number;
}

/** The steps of every stream; each stream is recorded in the order of its steps' days. */
export class Plan {
  private readonly streams = new Map<string, Step[]>();

  add(...steps: Step[]): void {
    for (const step of steps) {
      const list = this.streams.get(step.streamId) ?? [];
      list.push(step);
      this.streams.set(step.streamId, list);
    }
  }

  /** Each stream ordered by the day its steps are recorded; ties keep the order they were added. */
  byStream(): Map<string, Step[]> {
    const ordered = new Map<string, Step[]>();
    for (const [streamId, steps] of this.streams)
      ordered.set(streamId, [...steps].sort((a, b) => compare(a.recordOn ?? a.on, b.recordOn ?? b.on)));
    return ordered;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A void of `target` decided on `day`, plus, when given, the corrected record made then too. */
export function correction(target: Step, day: string, reason: string, corrected?: Step): Step[] {
  const voidStep: Step = {
    streamId: target.streamId,
    command: 'VoidEvent',
    body: { reason },
    voids: target,
    on: day,
    lagDays: 0,
  };
  if (!corrected) return [voidStep];
  return [voidStep, { ...corrected, recordOn: day, lagDays: 0 }];
}
