import {
  EOP_PERIOD,
  findIndicator,
  INDICATORS,
  isIsoDate,
  PROJECT_END,
  type Dimension,
  type DomainEvent,
  type EventEnvelope,
  type IndicatorDefinition,
} from '@jalon/domain';
import { asOfDay, lastQuarterEnd, periodsUntil } from './calendar.js';
import { applyDifference, ContributionBuffer } from './contribution-buffer.js';
import { PERCENT_PARTS, type Emit, type SeriesKey } from './contributions.js';
import { Entities, type EntitiesState } from './entities.js';
import { expectedValue, statusOf } from './expected.js';
import { SeriesIndex, type SeriesIndexState } from './series-index.js';
import { sumTo } from './series.js';
import { byValueThenKey, suppress } from './suppression.js';
import { TargetHistory, type TargetHistoryState } from './target-history.js';
import type {
  BreakdownView,
  DonorView,
  Evaluation,
  IndicatorValue,
  IndicatorsView,
  PeriodKind,
  SeriesView,
  TargetsInEffect,
} from './views.js';

/**
 * The engine's state as structured-clone data (typed arrays, Maps, plain objects) for a persisted
 * snapshot: it shares the live structures, so it must be serialised before the next apply().
 */
export interface EngineState {
  reached: number;
  entities: EntitiesState;
  index: SeriesIndexState;
  targetHistory: TargetHistoryState;
}

/** A resolved evaluation: the business date, its project day, and the log position. */
interface At {
  asOf: string;
  day: number;
  position: number;
}

/**
 * The indicator read model: a fold of the log, one event at a time in position order, that answers
 * every indicator "as of business date D, known at position P" (DOMAIN.md). Per-day increments
 * make any D a prefix sum; per-series checkpoints make any P a short replay.
 */
export class IndicatorEngine {
  private reached = 0;
  private readonly entities = new Entities();
  private readonly index: SeriesIndex;
  private readonly targetHistory = new TargetHistory();
  // Working space of apply(), reused from event to event.
  private readonly before = new ContributionBuffer();
  private readonly after = new ContributionBuffer();
  private readonly scratch = new ContributionBuffer();
  private readonly intoBefore: Emit;
  private readonly intoAfter: Emit;

  /** `checkpointEvery`: changes of a series between checkpoints (small in tests, to exercise them). */
  constructor(options: { checkpointEvery?: number } = {}) {
    this.index = new SeriesIndex(options.checkpointEvery);
    // A zero weight changes nothing: it is left out, and so makes no series.
    const into = (buffer: ContributionBuffer): Emit => (code, dimension, key, day, weight) => {
      if (weight !== 0) buffer.push(this.index.of(code, dimension, key), day, weight);
    };
    this.intoBefore = into(this.before);
    this.intoAfter = into(this.after);
  }

  /** The position of the last event applied (0 before any). */
  get position(): number {
    return this.reached;
  }

  /** Applies the next event of the log (only these fields of its envelope are read). */
  apply(logged: Pick<EventEnvelope, 'position' | 'eventId' | 'type' | 'data'>): void {
    if (logged.position <= this.reached)
      throw new RangeError(`event at position ${logged.position} applied after position ${this.reached}`);
    this.reached = logged.position;
    // The envelope is read as the event it carries (type and data): no copy per event.
    const event = logged as unknown as DomainEvent;
    if (event.type === 'IndicatorTargetSet') {
      const { code, period, value } = event.data;
      this.targetHistory.record({ eventId: logged.eventId, position: logged.position, code, period, value });
      return;
    }
    if (event.type === 'EventVoided' && this.targetHistory.has(event.data.eventId)) {
      this.targetHistory.void(event.data.eventId, logged.position);
      return;
    }
    // Contributions are recomputed before and after rather than kept: keeping them per entity
    // cost a kilobyte per event in memory and most of the fold's time in garbage collection.
    const entity = this.entities.keyOf(event);
    if (entity === undefined) return this.entities.apply(logged.eventId, event);
    this.before.clear();
    this.entities.contributions(entity, this.intoBefore);
    this.entities.apply(logged.eventId, event);
    this.after.clear();
    this.entities.contributions(entity, this.intoAfter);
    applyDifference(logged.position, this.before, this.after, this.scratch);
  }

  save(): EngineState {
    return { reached: this.reached, entities: this.entities.save(), index: this.index.save(), targetHistory: this.targetHistory.save() };
  }

  /** Takes the state a save() gave (after a round trip through v8.serialize); replaces all held. */
  load(state: EngineState): void {
    if (!Number.isInteger(state.reached) || state.reached < 0) throw new TypeError('an engine snapshot without its position');
    this.entities.load(state.entities);
    this.index.load(state.index);
    this.targetHistory.load(state.targetHistory);
    this.reached = state.reached;
  }

  indicators(evaluation: Evaluation = {}): IndicatorsView {
    const at = this.resolve(evaluation);
    return {
      asOf: at.asOf,
      position: at.position,
      indicators: INDICATORS.map((def) => this.evaluate(def, at)),
    };
  }

  series(code: string, period: PeriodKind, evaluation: Evaluation = {}): SeriesView {
    const def = this.definition(code);
    const at = this.resolve(evaluation);
    const targets = this.targets(code, at.position);
    const valueOn = this.valueFunction(def, at.position);
    let previous = 0;
    const points = periodsUntil(at.asOf, period).map((p) => {
      const cumulative = valueOn(asOfDay(p.end));
      const value = def.unit === 'count' ? (cumulative as number) - previous : cumulative;
      previous = cumulative ?? 0;
      return { ...p, value, cumulative, expected: expectedValue(def, targets, p.end) };
    });
    return { code, asOf: at.asOf, position: at.position, points };
  }

  /**
   * A breakdown. For the donor, victim-related breakdowns are as of the last quarter end, at the
   * head, and small cells are suppressed, so that differences cannot single a person out.
   */
  breakdown(code: string, by: Dimension, evaluation: Evaluation = {}, donor?: DonorView): BreakdownView {
    const def = this.definition(code);
    if (!def.breakdowns.includes(by)) throw new RangeError(`indicator ${code} has no breakdown by ${by}`);
    const guarded = donor !== undefined && def.sensitive;
    const asked = this.resolve(evaluation);
    const at = guarded ? this.resolve({ asOf: lastQuarterEnd(asked.asOf) }) : asked;
    const cells = this.index
      .cellKeys(code, by)
      .map((key) => ({ key, value: this.valueOf({ code, dimension: by, key }, at) }))
      .filter((c) => c.value !== 0);
    const base = { code, by, asOf: at.asOf, position: at.position };
    if (guarded) return { ...base, threshold: donor.threshold, ...suppress(this.valueOf({ code }, at), cells, donor.threshold) };
    const sorted = cells.sort(byValueThenKey).map((c) => ({ ...c, suppressed: false }));
    return { ...base, withheld: false, cells: sorted };
  }

  /** The targets in effect for an indicator, known at a position (default: the head). */
  targets(code: string, position = this.reached): TargetsInEffect {
    return this.targetHistory.at(code, position);
  }

  /**
   * What restatements walk (restatement.ts): an additive series' value as of a date known at a
   * position, its changes in (after, upTo], and where targets change.
   */
  seriesValue(series: SeriesKey, evaluation: Required<Evaluation>): number {
    return this.valueOf(series, this.resolve(evaluation));
  }

  forEachSeriesChange(series: SeriesKey, after: number, upTo: number, visit: (position: number, day: number, delta: number) => void): void {
    this.index.find(series)?.forEachChange(after, upTo, visit);
  }

  targetChanges(after: number, upTo: number): Array<{ position: number; code: string }> {
    return this.targetHistory.changesBetween(after, upTo);
  }

  private evaluate(def: IndicatorDefinition, at: At): IndicatorValue {
    const targets = this.targets(def.code, at.position);
    const target = targets[EOP_PERIOD] ?? null;
    const expected = expectedValue(def, targets, at.asOf);
    const head = { code: def.code, objective: def.objective, unit: def.unit };
    const tail = { baseline: def.baseline, target, expected };
    if (def.unit === 'count') {
      const value = this.valueOf({ code: def.code }, at);
      return { ...head, value, ...tail, status: statusOf(value, target, expected) };
    }
    const [n, d] = PERCENT_PARTS[def.code];
    const numerator = this.valueOf({ code: n }, at);
    const denominator = this.valueOf({ code: d }, at);
    const value = denominator === 0 ? null : (100 * numerator) / denominator;
    return { ...head, value, numerator, denominator, ...tail, status: statusOf(value, target, expected) };
  }

  /** The indicator's value as a function of the project day, known at `position`. */
  private valueFunction(def: IndicatorDefinition, position: number): (day: number) => number | null {
    const perDay = (code: string) => this.index.find({ code })?.perDayAt(position);
    const valueOn = (days: Float64Array | undefined, day: number) => (days ? sumTo(days, day) : 0);
    if (def.unit === 'count') {
      const days = perDay(def.code);
      return (day) => valueOn(days, day);
    }
    const [n, d] = PERCENT_PARTS[def.code].map(perDay);
    return (day) => {
      const denominator = valueOn(d, day);
      return denominator === 0 ? null : (100 * valueOn(n, day)) / denominator;
    };
  }

  private valueOf(series: SeriesKey, at: At): number {
    return this.index.find(series)?.valueAt(at.day, at.position) ?? 0;
  }

  private definition(code: string): IndicatorDefinition {
    const def = findIndicator(code);
    if (!def) throw new RangeError(`no indicator ${code}`);
    return def;
  }

  private resolve(evaluation: Evaluation): At {
    const asOf = evaluation.asOf ?? PROJECT_END;
    const position = evaluation.atPosition ?? this.reached;
    if (!isIsoDate(asOf)) throw new RangeError(`asOf ${asOf} is not a date YYYY-MM-DD`);
    if (!Number.isInteger(position) || position < 0 || position > this.reached)
      throw new RangeError(`atPosition must be a whole number from 0 to ${this.reached}`);
    return { asOf, day: asOfDay(asOf), position };
  }
}
