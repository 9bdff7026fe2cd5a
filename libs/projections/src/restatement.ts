import { EOP_PERIOD, INDICATORS, type IndicatorDefinition } from '@jalon/domain';
import { asOfDay } from './calendar.js';
import { PERCENT_PARTS, type SeriesKey } from './contributions.js';
import type { IndicatorEngine } from './engine.js';
import { expectedValue, statusOf } from './expected.js';
import type { Status, TargetsInEffect } from './views.js';

/**
 * Restatement (CONTRACT.md): what changed in each indicator as of D between the log known at P
 * and at Q, and which events changed it.
 *
 * Evaluating 13 indicators at every position from P to Q would cost (Q − P) × 13 evaluations. The
 * walk below costs one pass over the changes instead: as of a fixed D, an additive series known at
 * p is its value known at p − 1 plus the deltas logged at p dated on or before D; a target changes
 * only at a revision or at the void of one. So only the indicators an event touches are
 * recomputed, from running sums, at that event's position.
 */

/** The members of `GET /indicators` that a restatement compares. */
export interface KnownFigures {
  value: number | null;
  target: number | null;
  expected: number | null;
  status: Status;
}

export interface MemberChange {
  before: number | null;
  after: number | null;
}

export type ComparedMember = 'value' | 'target' | 'expected';
export const COMPARED_MEMBERS: readonly ComparedMember[] = ['value', 'target', 'expected'];

/** One event's effect on one indicator: only the members that differ. */
export type FigureChange = { position: number } & Partial<Record<ComparedMember, MemberChange>>;

export interface IndicatorRestatement {
  code: string;
  then: KnownFigures;
  now: KnownFigures;
  restated: boolean;
  changes: FigureChange[];
}

export interface Restatement {
  asOf: string;
  since: number;
  position: number;
  indicators: IndicatorRestatement[];
}

export interface RestatementRequest {
  asOf: string;
  /** P: the position the figures were reported at. */
  since: number;
  /** Q: the position they are compared at (P ≤ Q ≤ the engine's position). */
  position: number;
}

/** The additive series an indicator is computed from: itself, or a percent's numerator and denominator. */
function partsOf(def: IndicatorDefinition): SeriesKey[] {
  return (def.unit === 'count' ? [def.code] : PERCENT_PARTS[def.code]).map((code) => ({ code }));
}

/** One indicator's running state during the walk. */
class Tracker {
  private target: number | null = null;
  /** Kept, not recomputed per event: it moves only with the targets. */
  private expected: number | null = null;

  constructor(
    readonly def: IndicatorDefinition,
    readonly parts: number[],
    targets: TargetsInEffect,
    private readonly asOf: string,
  ) {
    this.revise(targets);
  }

  revise(targets: TargetsInEffect): void {
    this.target = targets[EOP_PERIOD] ?? null;
    this.expected = expectedValue(this.def, targets, this.asOf);
  }

  figures(): KnownFigures {
    const [n, d] = this.parts;
    const value = this.def.unit === 'count' ? n : d === 0 ? null : (100 * n) / d;
    const { target, expected } = this;
    return { value, target, expected, status: statusOf(value, target, expected) };
  }
}

/** A step of the walk: a delta to one part of an indicator, or (part -1) a change of its targets. */
interface Step {
  position: number;
  indicator: number;
  part: number;
  delta: number;
}

export function restate(engine: IndicatorEngine, { asOf, since, position }: RestatementRequest): Restatement {
  if (since > position) throw new RangeError(`since (${since}) is after the position compared (${position})`);
  const then = engine.indicators({ asOf, atPosition: since }).indicators;
  const now = engine.indicators({ asOf, atPosition: position }).indicators;
  const changes = walk(engine, { asOf, since, position });
  const indicators = INDICATORS.map((def, i) => {
    const a = pick(then[i]);
    const b = pick(now[i]);
    const restated = COMPARED_MEMBERS.some((m) => a[m] !== b[m]);
    return { code: def.code, then: a, now: b, restated, changes: changes[i] };
  });
  return { asOf, since, position, indicators };
}

const pick = ({ value, target, expected, status }: KnownFigures): KnownFigures => ({ value, target, expected, status });

function walk(engine: IndicatorEngine, { asOf, since, position }: RestatementRequest): FigureChange[][] {
  const day = asOfDay(asOf);
  const trackers = INDICATORS.map(
    (def) =>
      new Tracker(
        def,
        partsOf(def).map((s) => engine.seriesValue(s, { asOf, atPosition: since })),
        engine.targets(def.code, since),
        asOf,
      ),
  );
  const steps: Step[] = [];
  INDICATORS.forEach((def, indicator) =>
    partsOf(def).forEach((series, part) =>
      engine.forEachSeriesChange(series, since, position, (p, d, delta) => {
        if (d <= day) steps.push({ position: p, indicator, part, delta });
      }),
    ),
  );
  for (const t of engine.targetChanges(since, position)) {
    const indicator = INDICATORS.findIndex((d) => d.code === t.code);
    if (indicator >= 0) steps.push({ position: t.position, indicator, part: -1, delta: 0 });
  }
  steps.sort((a, b) => a.position - b.position);
  return replay(engine, trackers, steps);
}

/** Applies the steps event by event, recording each indicator's figures whenever they move. */
function replay(engine: IndicatorEngine, trackers: Tracker[], steps: Step[]): FigureChange[][] {
  const changes: FigureChange[][] = trackers.map(() => []);
  const current = trackers.map((t) => t.figures());
  for (let i = 0; i < steps.length; ) {
    const p = steps[i].position;
    const touched = new Set<number>();
    for (; i < steps.length && steps[i].position === p; i++) {
      const step = steps[i];
      const tracker = trackers[step.indicator];
      if (step.part < 0) tracker.revise(engine.targets(tracker.def.code, p));
      else tracker.parts[step.part] += step.delta;
      touched.add(step.indicator);
    }
    for (const k of touched) {
      const after = trackers[k].figures();
      const change = difference(p, current[k], after);
      if (change) changes[k].push(change);
      current[k] = after;
    }
  }
  return changes;
}

/** The members that differ (numbers when not equal; null equals only null), or undefined. */
function difference(position: number, before: KnownFigures, after: KnownFigures): FigureChange | undefined {
  const change: FigureChange = { position };
  let any = false;
  for (const m of COMPARED_MEMBERS) {
    if (before[m] === after[m]) continue;
    change[m] = { before: before[m], after: after[m] };
    any = true;
  }
  return any ? change : undefined;
}
