import { CASE_DIMENSIONS, type AssistanceType, type Audience, type CaseDimension, type Dimension, type EventData } from '@jalon/domain';
import { projectDay } from './calendar.js';

/** One cell of an indicator's breakdown, e.g. 1.1 by nationality, NG. */
export interface CellKey {
  code: string;
  dimension: Dimension;
  key: string;
}

/** A series: an indicator's total (or a percent's part, such as `2.4:tested`), or one breakdown cell. */
export type SeriesKey = { code: string; dimension?: undefined; key?: undefined } | CellKey;

/** Percent indicators as numerator / denominator series (numerators of their own where needed). */
export const PERCENT_PARTS: Record<string, [numerator: string, denominator: string]> = {
  '1.3': ['1.2', '1.1'],
  '2.4': ['2.4:improved', '2.4:tested'],
  '3.3': ['3.3:both', '3.1'],
};

export const AUDIENCE_INDICATOR: Record<Audience, string> = { government: '2.1', cso: '2.2', iom_staff: '2.3' };

// Entities keep only what the indicators read (no names, topics, cities): at a million events
// what they hold is most of the read model's memory.

/** A victim as counted: the project day identified and the breakdown keys. */
export type Victim = { day: number } & Pick<EventData<'VictimIdentified'>, CaseDimension>;

/** A CSO as counted: the project day mapped and its region. */
export interface MappedCso {
  day: number;
  region: string;
}

/** A training as counted. */
export interface HeldTraining {
  day: number;
  code: string;
  female: number;
  male: number;
  region: string;
  /** Improved and tested, when a knowledge test was run. */
  improved?: number;
  tested?: number;
}

export interface CaseEntity {
  identified?: Victim;
  /** Assistance in effect, each as `assistanceCode` (a number: no object per event). */
  assistance: number[];
}

/** What the indicators need of an assistance: its project day, and whether a return or a reintegration. */
export function assistanceCode(type: AssistanceType, day: number): number {
  return day * 4 + (type === 'avrr_return' ? 1 : type === 'reintegration' ? 2 : 0);
}

export interface CsoEntity {
  mapped?: MappedCso;
  /** Project days of the assessments and agreements in effect. */
  assessments: number[];
  agreements: number[];
}

export interface TrainingEntity {
  held?: HeldTraining;
}

/**
 * Every indicator is monotone in the business date: an entity (a case, a CSO, a training), once it
 * counts, keeps counting at later dates. So each entity contributes a weight to a series from one
 * start day on, and an evaluation as of D is a prefix sum over days (DOMAIN.md, "How indicators
 * are computed", steps 2–4).
 *
 * The contributions are told one by one, (series, start day, weight): the fold resolves each to its
 * series with no object made per contribution.
 */
export type Emit = (code: string, dimension: Dimension | undefined, key: string | undefined, day: number, weight: number) => void;

export function emitCaseContributions(entity: CaseEntity, emit: Emit): void {
  const victim = entity.identified;
  if (!victim) return;
  const from = victim.day;
  const count = (code: string, day: number) => {
    emit(code, undefined, undefined, day, 1);
    for (const dimension of CASE_DIMENSIONS) emit(code, dimension, victim[dimension], day, 1);
  };
  let anyHelp = Infinity;
  let returned = Infinity;
  let reintegrated = Infinity;
  for (const code of entity.assistance) {
    const day = Math.floor(code / 4);
    const kind = code - day * 4;
    anyHelp = Math.min(anyHelp, day);
    if (kind === 1) returned = Math.min(returned, day);
    else if (kind === 2) reintegrated = Math.min(reintegrated, day);
  }
  count('1.1', from);
  if (anyHelp !== Infinity) count('1.2', Math.max(from, anyHelp));
  if (returned !== Infinity) count('3.1', Math.max(from, returned));
  if (reintegrated !== Infinity) count('3.2', Math.max(from, reintegrated));
  if (returned !== Infinity && reintegrated !== Infinity)
    emit(PERCENT_PARTS['3.3'][0], undefined, undefined, Math.max(from, returned, reintegrated), 1);
}

export function emitCsoContributions(entity: CsoEntity, emit: Emit): void {
  const cso = entity.mapped;
  if (!cso) return;
  const from = cso.day;
  const count = (code: string, day: number) => {
    emit(code, undefined, undefined, day, 1);
    emit(code, 'region', cso.region, day, 1);
  };
  count('2.5', from);
  const assessed = firstDay(entity.assessments);
  if (assessed !== Infinity) count('2.6', Math.max(from, assessed));
  const agreed = firstDay(entity.agreements);
  if (agreed !== Infinity) count('2.7', Math.max(from, agreed));
}

export function emitTrainingContributions(entity: TrainingEntity, emit: Emit): void {
  const t = entity.held;
  if (!t) return;
  const { day, code } = t;
  const total = t.female + t.male;
  emit(code, undefined, undefined, day, total);
  emit(code, 'sex', 'female', day, t.female);
  emit(code, 'sex', 'male', day, t.male);
  emit(code, 'region', t.region, day, total);
  if (t.tested !== undefined) {
    const [improved, tested] = PERCENT_PARTS['2.4'];
    emit(improved, undefined, undefined, day, t.improved!);
    emit(tested, undefined, undefined, day, t.tested);
  }
}

function firstDay(days: number[]): number {
  let first = Infinity;
  for (const d of days) if (d < first) first = d;
  return first;
}
