import { CASE_DIMENSIONS, type AssistanceType, type Audience, type Dimension, type EventData } from '@jalon/domain';
import { projectDay } from './calendar.js';

/**
 * Every indicator is monotone in the business date: an entity (a case, a CSO, a training), once it
 * counts, keeps counting at later dates. So each entity contributes a weight to a series from one
 * start day on, and an evaluation as of D is a prefix sum over days (DOMAIN.md, "How indicators
 * are computed", steps 2–4).
 */
export interface Contribution {
  series: SeriesKey;
  day: number;
  weight: number;
}

/** One cell of an indicator's breakdown, e.g. 1.1 by nationality, NG. */
export interface CellKey {
  code: string;
  dimension: Dimension;
  key: string;
}

/** A series: an indicator's total (or a percent's part, such as `2.4:tested`), or one breakdown cell. */
export type SeriesKey = { code: string; dimension?: undefined; key?: undefined } | CellKey;

/** The one place a series key becomes a Map key. */
export function seriesId(series: SeriesKey): string {
  return series.dimension === undefined ? series.code : `${series.code}|${series.dimension}|${series.key}`;
}

const sameSeries = (a: SeriesKey, b: SeriesKey) => a.code === b.code && a.dimension === b.dimension && a.key === b.key;

/** Percent indicators as numerator / denominator series (numerators of their own where needed). */
export const PERCENT_PARTS: Record<string, [numerator: string, denominator: string]> = {
  '1.3': ['1.2', '1.1'],
  '2.4': ['2.4:improved', '2.4:tested'],
  '3.3': ['3.3:both', '3.1'],
};

export const AUDIENCE_INDICATOR: Record<Audience, string> = { government: '2.1', cso: '2.2', iom_staff: '2.3' };

export interface CaseEntity {
  identified?: { eventId: string; data: EventData<'VictimIdentified'> };
  /** Assistance in effect, by event id. */
  assistance: Map<string, { type: AssistanceType; day: number }>;
}

export interface CsoEntity {
  mapped?: { eventId: string; data: EventData<'CsoMapped'> };
  assessments: Map<string, number>;
  agreements: Map<string, number>;
}

export interface TrainingEntity {
  held?: { eventId: string; data: EventData<'TrainingHeld'> };
}

function firstDay(days: Iterable<number>): number | undefined {
  let first: number | undefined;
  for (const d of days) if (first === undefined || d < first) first = d;
  return first;
}

export function caseContributions(entity: CaseEntity): Contribution[] {
  const victim = entity.identified?.data;
  if (!victim) return [];
  const from = projectDay(victim.identifiedOn);
  const out: Contribution[] = [];
  const count = (code: string, day: number) => {
    out.push({ series: { code }, day, weight: 1 });
    for (const dimension of CASE_DIMENSIONS) out.push({ series: { code, dimension, key: victim[dimension] }, day, weight: 1 });
  };
  const helped = [...entity.assistance.values()];
  const firstOf = (type?: AssistanceType) =>
    firstDay(helped.filter((a) => !type || a.type === type).map((a) => a.day));
  count('1.1', from);
  const anyHelp = firstOf();
  if (anyHelp !== undefined) count('1.2', Math.max(from, anyHelp));
  const returned = firstOf('avrr_return');
  if (returned !== undefined) count('3.1', Math.max(from, returned));
  const reintegrated = firstOf('reintegration');
  if (reintegrated !== undefined) count('3.2', Math.max(from, reintegrated));
  if (returned !== undefined && reintegrated !== undefined)
    out.push({ series: { code: PERCENT_PARTS['3.3'][0] }, day: Math.max(from, returned, reintegrated), weight: 1 });
  return out;
}

export function csoContributions(entity: CsoEntity): Contribution[] {
  const cso = entity.mapped?.data;
  if (!cso) return [];
  const from = projectDay(cso.mappedOn);
  const out: Contribution[] = [];
  const count = (code: string, day: number) =>
    out.push({ series: { code }, day, weight: 1 }, { series: { code, dimension: 'region', key: cso.region }, day, weight: 1 });
  count('2.5', from);
  const assessed = firstDay(entity.assessments.values());
  if (assessed !== undefined) count('2.6', Math.max(from, assessed));
  const agreed = firstDay(entity.agreements.values());
  if (agreed !== undefined) count('2.7', Math.max(from, agreed));
  return out;
}

export function trainingContributions(entity: TrainingEntity): Contribution[] {
  const t = entity.held?.data;
  if (!t) return [];
  const day = projectDay(t.heldOn);
  const code = AUDIENCE_INDICATOR[t.audience];
  const total = t.participants.female + t.participants.male;
  const out: Contribution[] = [
    { series: { code }, day, weight: total },
    { series: { code, dimension: 'sex', key: 'female' }, day, weight: t.participants.female },
    { series: { code, dimension: 'sex', key: 'male' }, day, weight: t.participants.male },
    { series: { code, dimension: 'region', key: t.region }, day, weight: total },
  ];
  if (t.knowledgeTest) {
    const [improved, tested] = PERCENT_PARTS['2.4'];
    out.push(
      { series: { code: improved }, day, weight: t.knowledgeTest.improved },
      { series: { code: tested }, day, weight: t.knowledgeTest.tested },
    );
  }
  return out;
}

const same = (a: Contribution, b: Contribution) => sameSeries(a.series, b.series) && a.day === b.day && a.weight === b.weight;

/** The net changes that turn one set of contributions into another (zero changes left out). */
export function diffContributions(before: Contribution[], after: Contribution[]): Contribution[] {
  // Fast paths for the common cases: a new entity, and an event that changes no start day.
  if (before.length === 0) return after.filter((c) => c.weight !== 0);
  if (before.length === after.length && before.every((c, i) => same(c, after[i]))) return [];
  const net = new Map<string, Contribution>();
  const put = (c: Contribution, sign: number) => {
    const key = `${seriesId(c.series)}\u0000${c.day}`;
    const entry = net.get(key) ?? { series: c.series, day: c.day, weight: 0 };
    entry.weight += sign * c.weight;
    net.set(key, entry);
  };
  for (const c of before) put(c, -1);
  for (const c of after) put(c, 1);
  return [...net.values()].filter((c) => c.weight !== 0);
}
