import type { Audience, EventData, EventEnvelope } from '@jalon/domain';
import { FactColumns, type FactColumnsState } from './activities-columns.js';
import { EventIdIndex, type EventIdIndexState } from './activities-ids.js';
import { IdNumbers, type PackedIds } from './id-numbers.js';
import {
  SCORE_AREAS,
  summariseCases,
  summariseCsos,
  summariseTrainings,
  type CaseActivity,
  type CaseState,
  type CsoActivity,
  type CsoCounted,
  type TrainingActivity,
  type TrainingRow,
} from './activities.js';
import { asOfDay, periodOf, projectDay } from './calendar.js';

/**
 * The activities read model: the facts the CSO, training and case pages read — each with the
 * position that recorded it and the position that voided it — in typed columns. "As of D, known
 * at P" is the reference fold (activities.ts) run over the facts recorded by P and not voided by
 * then, so the head and any past position are answered alike without reading the log. Why facts
 * rather than versions of each entity: ~20 bytes a fact serve every position, and a void is one
 * cell set. A case keeps only dates, assistance steps and closure reasons; no names are kept.
 */
type Logged = Pick<EventEnvelope, 'position' | 'eventId' | 'type' | 'data'>;
type Scores = EventData<'CsoCapacityAssessed'>['scores'];
/** What a training row needs beyond its position, date and void. */
type TrainingDetail = Omit<TrainingRow, 'trainings'> & { trainingId: string; heldOn: string; topic: string };

// Fact kinds, per page.
const MAPPED = 0;
const ASSESSED = 1;
const AGREED = 2;
const IDENTIFIED = 0;
const ASSISTED = 1;
const RETURNED = 2;
const REINTEGRATED = 3;
const CLOSED = 4;
const ASSISTANCE_KIND: Record<string, number> = { avrr_return: RETURNED, reintegration: REINTEGRATED };

/** The model's state as plain data (structured-clone-able: typed arrays inside), for persisted snapshots. */
export interface ActivitiesState {
  version: 2;
  position: number;
  words: string[];
  csoIds: PackedIds;
  caseIds: PackedIds;
  trainings: TrainingDetail[];
  csoFacts: FactColumnsState;
  caseFacts: FactColumnsState;
  trainingFacts: FactColumnsState;
  eventIds: EventIdIndexState;
}

type Answer = Omit<CsoActivity | TrainingActivity | CaseActivity, 'position'>;
/** Answers kept per (page, position, asOf, view): a dashboard asks the same few again and again. Shared: callers must not mutate them. */
const CACHED = 64;

export class ActivitiesModel {
  readonly name = 'activities';
  private reached = 0;
  /** Regions and closure reasons, each kept once and named by its index. */
  private words: string[] = [];
  private csoIds = new IdNumbers();
  private caseIds = new IdNumbers();
  private trainings: TrainingDetail[] = [];
  private pages = [new FactColumns(), new FactColumns(), new FactColumns()] as const;
  /** Event id → row × 4 + page, for voids. */
  private eventIds = new EventIdIndex();
  private readonly answers = new Map<string, Answer>();

  /** The position of the last event applied (0 before any). */
  get position(): number {
    return this.reached;
  }

  apply({ position, eventId, type, data }: Logged): void {
    if (position <= this.reached) throw new RangeError(`event at position ${position} applied after position ${this.reached}`);
    this.reached = position;
    if (type === 'EventVoided') return this.void((data as EventData<'EventVoided'>).eventId, position);
    const recorded = this.record(position, type, data);
    if (recorded) this.eventIds.set(eventId, recorded.row * 4 + recorded.page);
  }

  /** The CSO page as of `asOf`, known at position `at` (at most the position reached). */
  csoActivity(asOf: string, at = this.reached): Omit<CsoActivity, 'position'> {
    return this.cached(`csos|${at}|${asOf}`, at, () => summariseCsos(this.csoStates(asOfDay(asOf), at), asOf)) as Omit<CsoActivity, 'position'>;
  }

  trainingActivity(asOf: string, detailed: boolean, at = this.reached): Omit<TrainingActivity, 'position'> {
    const rows = () => this.trainingRows(asOfDay(asOf), at);
    return this.cached(`trainings|${at}|${asOf}|${detailed}`, at, () => summariseTrainings(rows(), asOf, detailed)) as Omit<TrainingActivity, 'position'>;
  }

  caseActivity(asOf: string, withClosures: boolean, at = this.reached): Omit<CaseActivity, 'position'> {
    const states = () => this.caseStates(asOfDay(asOf), at);
    return this.cached(`cases|${at}|${asOf}|${withClosures}`, at, () => summariseCases(states(), asOf, withClosures)) as Omit<CaseActivity, 'position'>;
  }

  save(): ActivitiesState {
    const [csoFacts, caseFacts, trainingFacts] = this.pages.map((p) => p.save());
    // Shallow copies: a training's detail is never changed once pushed, only the lists grow.
    const plain = { words: this.words.slice(), csoIds: this.csoIds.save(), caseIds: this.caseIds.save(), trainings: this.trainings.slice() };
    return { version: 2, position: this.reached, ...plain, csoFacts, caseFacts, trainingFacts, eventIds: this.eventIds.save() };
  }

  load(state: unknown): void {
    const s = state as ActivitiesState;
    if (s?.version !== 2 || ![s.words, s.trainings].every(Array.isArray)) throw new TypeError('not a saved activities model (version 2)');
    this.reached = s.position;
    this.words = s.words;
    this.csoIds = IdNumbers.load(s.csoIds);
    this.caseIds = IdNumbers.load(s.caseIds);
    // Taken as they are: a state is loaded once, fresh from a file (save() hands out copies).
    this.trainings = s.trainings;
    this.pages = [FactColumns.load(s.csoFacts), FactColumns.load(s.caseFacts), FactColumns.load(s.trainingFacts)];
    this.eventIds = EventIdIndex.load(s.eventIds);
    this.answers.clear();
  }

  private void(target: string, position: number): void {
    const found = this.eventIds.get(target);
    if (found === undefined) return; // an event no page reads
    const page = this.pages[found & 3];
    const row = found >> 2;
    if (page.voidedAt[row] === 0) page.voidedAt[row] = position;
  }

  /** Records the event as a fact of its page; returns where, if a page reads it. */
  private record(position: number, type: string, data: unknown): { page: number; row: number } | undefined {
    const [csos, cases, trainings] = this.pages;
    switch (type) {
      case 'CsoMapped': {
        const d = data as EventData<'CsoMapped'>;
        return { page: 0, row: csos.push(position, projectDay(d.mappedOn), MAPPED, this.csoIds.numberOf(d.csoId), this.word(d.region)) };
      }
      case 'CsoCapacityAssessed': {
        const d = data as EventData<'CsoCapacityAssessed'>;
        return { page: 0, row: csos.push(position, projectDay(d.assessedOn), ASSESSED, this.csoIds.numberOf(d.csoId), pack(d.scores)) };
      }
      case 'PartnershipAgreementSigned': {
        const d = data as EventData<'PartnershipAgreementSigned'>;
        return { page: 0, row: csos.push(position, projectDay(d.signedOn), AGREED, this.csoIds.numberOf(d.csoId)) };
      }
      case 'TrainingHeld': {
        const d = data as EventData<'TrainingHeld'>;
        this.trainings.push(trainingDetail(d));
        return { page: 2, row: trainings.push(position, projectDay(d.heldOn), 0, this.trainings.length - 1) };
      }
      default: {
        const fact = this.caseFact(data as { caseId?: string }, type);
        if (!fact) return undefined;
        return { page: 1, row: cases.push(position, projectDay(fact.on), fact.kind, this.caseIds.numberOf(fact.caseId), fact.extra) };
      }
    }
  }

  private caseFact(data: { caseId?: string }, type: string): { caseId: string; on: string; kind: number; extra?: number } | undefined {
    if (type === 'VictimIdentified') {
      const d = data as EventData<'VictimIdentified'>;
      return { caseId: d.caseId, on: d.identifiedOn, kind: IDENTIFIED };
    }
    if (type === 'AssistanceProvided') {
      const d = data as EventData<'AssistanceProvided'>;
      return { caseId: d.caseId, on: d.providedOn, kind: ASSISTANCE_KIND[d.assistanceType] ?? ASSISTED };
    }
    if (type === 'CaseClosed') {
      const d = data as EventData<'CaseClosed'>;
      return { caseId: d.caseId, on: d.closedOn, kind: CLOSED, extra: this.word(d.reason) };
    }
    return undefined;
  }

  private word(word: string): number {
    const known = this.words.indexOf(word);
    return known >= 0 ? known : this.words.push(word) - 1;
  }

  /** Each CSO mapped by day `asOf`: its last mapping's region, latest assessment (the later recorded on a tie), any agreement. */
  private csoStates(asOf: number, at: number): CsoCounted[] {
    const facts = this.pages[0];
    const n = this.csoIds.size;
    const [region, assessedDay, scores, agreed] = [new Int32Array(n).fill(-1), new Int32Array(n).fill(-1), new Int32Array(n), new Uint8Array(n)];
    for (let row = 0, rows = facts.rowsAt(at); row < rows; row++) {
      const [day, e, kind] = [facts.day[row], facts.entity[row], facts.kind[row]];
      if (day > asOf || !facts.live(row, at)) continue;
      if (kind === MAPPED) region[e] = facts.extra[row];
      else if (kind === AGREED) agreed[e] = 1;
      else if (assessedDay[e] <= day) [assessedDay[e], scores[e]] = [day, facts.extra[row]];
    }
    const states: CsoCounted[] = [];
    for (let e = 0; e < n; e++)
      if (region[e] >= 0) states.push({ region: this.words[region[e]], assessed: assessedDay[e] >= 0 ? { scores: unpack(scores[e]) } : undefined, agreed: agreed[e] === 1 });
    return states;
  }

  private trainingRows(asOf: number, at: number): TrainingRow[] {
    const facts = this.pages[2];
    const rows: TrainingRow[] = [];
    for (let row = 0, count = facts.rowsAt(at); row < count; row++)
      if (facts.day[row] <= asOf && facts.live(row, at)) rows.push({ ...this.trainings[facts.entity[row]], trainings: 1 });
    return rows;
  }

  /** Each case identified by day `asOf`: the steps it reached by then, and its last closure recorded (position order). */
  private caseStates(asOf: number, at: number): CaseState[] {
    const facts = this.pages[1];
    const n = this.caseIds.size;
    const [steps, closed] = [new Uint8Array(n), new Int32Array(n).fill(-1)];
    for (let row = 0, rows = facts.rowsAt(at); row < rows; row++) {
      if (facts.day[row] > asOf || !facts.live(row, at)) continue;
      const [e, kind] = [facts.entity[row], facts.kind[row]];
      if (kind === CLOSED) closed[e] = facts.extra[row];
      else steps[e] |= 1 << kind;
    }
    const states: CaseState[] = [];
    for (let e = 0; e < n; e++) {
      if (!(steps[e] & (1 << IDENTIFIED))) continue;
      const has = (kind: number) => (steps[e] & (1 << kind)) !== 0;
      const state: CaseState = { assisted: has(ASSISTED) || has(RETURNED) || has(REINTEGRATED), returned: has(RETURNED), reintegrated: has(REINTEGRATED) };
      if (closed[e] >= 0) state.closed = this.words[closed[e]];
      states.push(state);
    }
    return states;
  }

  private cached(key: string, at: number, compute: () => Answer): Answer {
    if (at > this.reached) throw new RangeError(`position ${at} is past the position reached, ${this.reached}`);
    // An answer known at a position never changes: later events (voids included) sit above it.
    let answer = this.answers.get(key);
    if (!answer) {
      answer = compute();
      if (this.answers.size >= CACHED) this.answers.delete(this.answers.keys().next().value!);
      this.answers.set(key, answer);
    }
    return answer;
  }
}

/** Five scores of 1–4 in 3 bits each. */
const pack = (scores: Scores) => SCORE_AREAS.reduce((packed, area, i) => packed | (scores[area] << (3 * i)), 0);
/** At most 4⁵ distinct score sets: each unpacked once, then shared (read only). */
const unpacked = new Map<number, Scores>();
function unpack(packed: number): Scores {
  let scores = unpacked.get(packed);
  if (!scores) unpacked.set(packed, (scores = Object.fromEntries(SCORE_AREAS.map((area, i) => [area, (packed >> (3 * i)) & 7])) as Scores));
  return scores;
}

function trainingDetail(d: EventData<'TrainingHeld'>): TrainingDetail {
  const { trainingId, heldOn, topic, region } = d;
  const tested = d.knowledgeTest?.tested ?? 0;
  const improved = d.knowledgeTest?.improved ?? 0;
  const quarter = periodOf(heldOn, 'quarter').label;
  return { trainingId, heldOn, topic, quarter, audience: d.audience as Audience, region, female: d.participants.female, male: d.participants.male, tested, improved };
}
