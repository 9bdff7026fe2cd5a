import type { Audience, DomainEvent, EventData, EventEnvelope } from '@jalon/domain';
import { periodOf } from './calendar.js';

/**
 * The activities behind the indicators, aggregated for the dashboard's CSO, training and case
 * pages: a pure fold of the log up to a position, then a filter by business date (DOMAIN.md,
 * "How indicators are computed", steps 1–3). Case data leaves only as counts.
 */
type Scores = EventData<'CsoCapacityAssessed'>['scores'];
export type ScoreArea = keyof Scores;
export const SCORE_AREAS: readonly ScoreArea[] = ['governance', 'finance', 'humanResources', 'programme', 'protection'];

/** The events in effect (not voided among `events`), each a domain event, in position order. */
export function inEffect(events: ReadonlyArray<Pick<EventEnvelope, 'eventId' | 'type' | 'data'>>): DomainEvent[] {
  const voided = new Set<string>();
  for (const e of events) if (e.type === 'EventVoided') voided.add((e.data as { eventId: string }).eventId);
  return events
    .filter((e) => e.type !== 'EventVoided' && !voided.has(e.eventId))
    .map((e) => ({ type: e.type, data: e.data }) as DomainEvent);
}

export interface RegionCsos {
  region: string;
  mapped: number;
  assessed: number;
  agreements: number;
}

export interface CsoActivity {
  asOf: string;
  position: number;
  regions: RegionCsos[];
  /** Per capacity area, how many assessed CSOs scored 1, 2, 3 and 4 (four counts; latest assessment of each). */
  scores: Array<{ area: ScoreArea; counts: number[]; average: number | null }>;
}

export function csoActivity(events: readonly DomainEvent[], asOf: string): Omit<CsoActivity, 'position'> {
  const csos = new Map<string, CsoState>();
  for (const e of events)
    if (e.type === 'CsoMapped' && e.data.mappedOn <= asOf) csos.set(e.data.csoId, { region: e.data.region, agreed: false });
  for (const e of events) {
    const cso = 'csoId' in e.data ? csos.get(e.data.csoId) : undefined;
    if (!cso) continue;
    if (e.type === 'CsoCapacityAssessed' && e.data.assessedOn <= asOf && (!cso.assessed || cso.assessed.on <= e.data.assessedOn))
      cso.assessed = { on: e.data.assessedOn, scores: e.data.scores };
    if (e.type === 'PartnershipAgreementSigned' && e.data.signedOn <= asOf) cso.agreed = true;
  }
  return summariseCsos(csos.values(), asOf);
}

/** One CSO as the page counts it, as of a date: its region, latest assessment, and whether it signed. */
export interface CsoState {
  region: string;
  assessed?: { on: string; scores: Scores };
  agreed: boolean;
}

/** What the CSO page counts of one CSO (the date of its assessment no longer matters). */
export type CsoCounted = Pick<CsoState, 'region' | 'agreed'> & { assessed?: { scores: Scores } };

/** The CSO page from the CSOs mapped as of `asOf` (shared by the reference fold and the incremental model). */
export function summariseCsos(states: Iterable<CsoCounted>, asOf: string): Omit<CsoActivity, 'position'> {
  const csos = [...states];
  const regions = new Map<string, RegionCsos>();
  for (const c of csos) {
    const r = regions.get(c.region) ?? { region: c.region, mapped: 0, assessed: 0, agreements: 0 };
    r.mapped++;
    if (c.assessed) r.assessed++;
    if (c.agreed) r.agreements++;
    regions.set(c.region, r);
  }
  const assessed = csos.flatMap((c) => (c.assessed ? [c.assessed.scores] : []));
  const scores = SCORE_AREAS.map((area) => {
    const counts: [number, number, number, number] = [0, 0, 0, 0];
    for (const s of assessed) counts[s[area] - 1]++;
    const total = assessed.reduce((sum, s) => sum + s[area], 0);
    return { area, counts, average: assessed.length ? total / assessed.length : null };
  });
  return { asOf, regions: [...regions.values()].sort((a, b) => b.mapped - a.mapped || cmp(a.region, b.region)), scores };
}

/** One training, or for the donor one group of trainings (same quarter, audience and region). */
export interface TrainingRow {
  trainingId?: string;
  heldOn?: string;
  topic?: string;
  quarter: string;
  audience: Audience;
  region: string;
  trainings: number;
  female: number;
  male: number;
  tested: number;
  improved: number;
}

export interface TrainingActivity {
  asOf: string;
  position: number;
  /** False for the donor: rows are groups of trainings, not trainings. */
  detailed: boolean;
  rows: TrainingRow[];
  totals: Omit<TrainingRow, 'trainingId' | 'heldOn' | 'topic' | 'quarter' | 'audience' | 'region'>;
}

export function trainingActivity(events: readonly DomainEvent[], asOf: string, detailed: boolean): Omit<TrainingActivity, 'position'> {
  const rows: TrainingRow[] = [];
  for (const e of events) {
    if (e.type !== 'TrainingHeld' || e.data.heldOn > asOf) continue;
    const d = e.data;
    rows.push({
      trainingId: d.trainingId,
      heldOn: d.heldOn,
      topic: d.topic,
      quarter: periodOf(d.heldOn, 'quarter').label,
      audience: d.audience,
      region: d.region,
      trainings: 1,
      female: d.participants.female,
      male: d.participants.male,
      tested: d.knowledgeTest?.tested ?? 0,
      improved: d.knowledgeTest?.improved ?? 0,
    });
  }
  return summariseTrainings(rows, asOf, detailed);
}

/** The training page from the rows of the trainings held as of `asOf`, in position order (sorted in place). */
export function summariseTrainings(rows: TrainingRow[], asOf: string, detailed: boolean): Omit<TrainingActivity, 'position'> {
  const totals = { trainings: 0, female: 0, male: 0, tested: 0, improved: 0 };
  for (const r of rows) for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += r[k];
  const shown = detailed ? rows.sort((a, b) => cmp(b.heldOn!, a.heldOn!) || cmp(a.trainingId!, b.trainingId!)) : grouped(rows);
  return { asOf, detailed, rows: shown, totals };
}

function grouped(rows: TrainingRow[]): TrainingRow[] {
  const groups = new Map<string, TrainingRow>();
  for (const r of rows) {
    const key = `${r.quarter}|${r.audience}|${r.region}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { quarter: r.quarter, audience: r.audience, region: r.region, trainings: 1, female: r.female, male: r.male, tested: r.tested, improved: r.improved });
    else for (const k of ['trainings', 'female', 'male', 'tested', 'improved'] as const) g[k] += r[k];
  }
  return [...groups.values()].sort((a, b) => cmp(b.quarter, a.quarter) || cmp(a.audience, b.audience) || cmp(a.region, b.region));
}

export interface CaseActivity {
  asOf: string;
  position: number;
  /** Distinct cases at each step (the same counts as 1.1, 1.2, 3.1 and 3.2). */
  funnel: { identified: number; assisted: number; returned: number; reintegrated: number };
  /** Closures in effect by reason, for everyone but the donor. */
  closures?: Array<{ reason: string; count: number }>;
}

export function caseActivity(events: readonly DomainEvent[], asOf: string, withClosures: boolean): Omit<CaseActivity, 'position'> {
  const cases = new Map<string, CaseState>();
  for (const e of events)
    if (e.type === 'VictimIdentified' && e.data.identifiedOn <= asOf)
      cases.set(e.data.caseId, { assisted: false, returned: false, reintegrated: false });
  for (const e of events) {
    const c = 'caseId' in e.data ? cases.get(e.data.caseId) : undefined;
    if (!c) continue;
    if (e.type === 'AssistanceProvided' && e.data.providedOn <= asOf) {
      c.assisted = true;
      if (e.data.assistanceType === 'avrr_return') c.returned = true;
      if (e.data.assistanceType === 'reintegration') c.reintegrated = true;
    }
    if (e.type === 'CaseClosed' && e.data.closedOn <= asOf) c.closed = e.data.reason;
  }
  return summariseCases([...cases.values()], asOf, withClosures);
}

/** One case as the page counts it, as of a date: the steps reached and the reason it was last closed for. */
export interface CaseState {
  assisted: boolean;
  returned: boolean;
  reintegrated: boolean;
  closed?: string;
}

/** The case page from the cases identified as of `asOf` (shared by the reference fold and the incremental model). */
export function summariseCases(all: readonly CaseState[], asOf: string, withClosures: boolean): Omit<CaseActivity, 'position'> {
  const funnel = {
    identified: all.length,
    assisted: all.filter((c) => c.assisted).length,
    returned: all.filter((c) => c.returned).length,
    reintegrated: all.filter((c) => c.reintegrated).length,
  };
  if (!withClosures) return { asOf, funnel };
  const byReason = new Map<string, number>();
  for (const c of all) if (c.closed) byReason.set(c.closed, (byReason.get(c.closed) ?? 0) + 1);
  const closures = [...byReason].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || cmp(a.reason, b.reason));
  return { asOf, funnel, closures };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
