import { AUDIENCES, CLOSURE_REASONS, REGIONS, type Audience, type EventData, type EventEnvelope } from '@jalon/domain';
import {
  summariseCases,
  summariseCsos,
  summariseTrainings,
  type CaseActivity,
  type CaseState,
  type CsoActivity,
  type CsoState,
  type TrainingActivity,
  type TrainingRow,
} from './activities.js';
import { periodOf } from './calendar.js';

/**
 * The activities read model: the facts the CSO, training and case pages read, kept per entity
 * with the position that recorded each and the position that voided it. "As of D, known at P" is
 * then a filter over them — the head and any past position alike — so no request reads the log.
 * Why facts rather than per-position snapshots of each entity: the same few bytes answer every
 * position, and a void is one field set on the fact it names. Names and victims' details are not
 * kept (the log holds no victim identifier; a case keeps only dates, assistance steps, closure reasons).
 */
interface Fact {
  eventId: string;
  position: number;
  /** The business date (mappedOn, assessedOn, heldOn…). */
  on: string;
  /** The position of the first void naming this event. */
  voidedAt?: number;
}
type Scores = EventData<'CsoCapacityAssessed'>['scores'];
type MappedFact = Fact & { region: string };
type AssessedFact = Fact & { scores: Scores };
type TrainingFact = Fact & Omit<TrainingRow, 'heldOn' | 'trainings'> & { trainingId: string; topic: string };
type AssistedFact = Fact & { step: 'assisted' | 'returned' | 'reintegrated' };
type ClosedFact = Fact & { reason: string };

interface CsoFacts {
  mapped: MappedFact[];
  assessed: AssessedFact[];
  agreed: Fact[];
}
interface CaseFacts {
  identified: Fact[];
  assisted: AssistedFact[];
  closed: ClosedFact[];
}

/** The model's state as plain data (JSON- and structured-clone-able), for persisted snapshots. */
export interface ActivitiesState {
  version: 1;
  position: number;
  csos: Array<[string, CsoFacts]>;
  trainings: TrainingFact[];
  cases: Array<[string, CaseFacts]>;
}

type Kind = 'csos' | 'trainings' | 'cases';
type Answer = Omit<CsoActivity | TrainingActivity | CaseActivity, 'position'>;
/** Answers kept per (kind, position, asOf, view): a dashboard asks the same few again and again. Shared: callers must not mutate them. */
const CACHED = 64;

const live = (f: Fact, at: number) => f.position <= at && !(f.voidedAt !== undefined && f.voidedAt <= at);
/** One shared string per vocabulary word, not one per event. */
const interned = <T extends string>(words: readonly T[], word: string) => words.find((w) => w === word) ?? word;

export class ActivitiesModel {
  readonly name = 'activities';
  private reached = 0;
  private csos = new Map<string, CsoFacts>();
  private trainings: TrainingFact[] = [];
  private cases = new Map<string, CaseFacts>();
  private byEventId = new Map<string, Fact>();
  private readonly answers = new Map<string, Answer>();

  /** The position of the last event applied (0 before any). */
  get position(): number {
    return this.reached;
  }

  apply(logged: Pick<EventEnvelope, 'position' | 'eventId' | 'type' | 'data'>): void {
    if (logged.position <= this.reached)
      throw new RangeError(`event at position ${logged.position} applied after position ${this.reached}`);
    this.reached = logged.position;
    const fact = this.factOf(logged);
    if (fact) this.byEventId.set(fact.eventId, fact);
  }

  /** The CSO page as of `asOf`, known at position `at` (at most the position reached). */
  csoActivity(asOf: string, at = this.reached): Omit<CsoActivity, 'position'> {
    return this.cached('csos', at, asOf, false, () => summariseCsos(this.csoStates(asOf, at), asOf)) as Omit<CsoActivity, 'position'>;
  }

  trainingActivity(asOf: string, detailed: boolean, at = this.reached): Omit<TrainingActivity, 'position'> {
    return this.cached('trainings', at, asOf, detailed, () => summariseTrainings(this.trainingRows(asOf, at), asOf, detailed)) as Omit<TrainingActivity, 'position'>;
  }

  caseActivity(asOf: string, withClosures: boolean, at = this.reached): Omit<CaseActivity, 'position'> {
    return this.cached('cases', at, asOf, withClosures, () => summariseCases(this.caseStates(asOf, at), asOf, withClosures)) as Omit<CaseActivity, 'position'>;
  }

  save(): ActivitiesState {
    return structuredClone({ version: 1, position: this.reached, csos: [...this.csos], trainings: this.trainings, cases: [...this.cases] });
  }

  load(state: unknown): void {
    const s = state as ActivitiesState;
    if (s?.version !== 1) throw new TypeError('not a saved activities model (version 1)');
    const copy = structuredClone(s);
    this.reached = copy.position;
    this.csos = new Map(copy.csos);
    this.trainings = copy.trainings;
    this.cases = new Map(copy.cases);
    this.byEventId = new Map();
    this.answers.clear();
    const index = (f: Fact) => this.byEventId.set(f.eventId, f);
    for (const c of this.csos.values()) [...c.mapped, ...c.assessed, ...c.agreed].forEach(index);
    for (const c of this.cases.values()) [...c.identified, ...c.assisted, ...c.closed].forEach(index);
    this.trainings.forEach(index);
  }

  /** Records the event as a fact of its entity; returns the fact, if the pages read it. */
  private factOf({ position, eventId, type, data }: Pick<EventEnvelope, 'position' | 'eventId' | 'type' | 'data'>): Fact | undefined {
    const base = { eventId, position };
    switch (type) {
      case 'EventVoided': {
        const target = this.byEventId.get((data as EventData<'EventVoided'>).eventId);
        if (target && target.voidedAt === undefined) target.voidedAt = position;
        return undefined;
      }
      case 'CsoMapped': {
        const d = data as EventData<'CsoMapped'>;
        return push(this.cso(d.csoId).mapped, { ...base, on: d.mappedOn, region: interned(REGIONS, d.region) });
      }
      case 'CsoCapacityAssessed': {
        const d = data as EventData<'CsoCapacityAssessed'>;
        return push(this.cso(d.csoId).assessed, { ...base, on: d.assessedOn, scores: { ...d.scores } });
      }
      case 'PartnershipAgreementSigned': {
        const d = data as EventData<'PartnershipAgreementSigned'>;
        return push(this.cso(d.csoId).agreed, { ...base, on: d.signedOn });
      }
      case 'TrainingHeld':
        return push(this.trainings, trainingFact(base, data as EventData<'TrainingHeld'>));
      default:
        return this.caseFact(base, type, data);
    }
  }

  private caseFact(base: Pick<Fact, 'eventId' | 'position'>, type: string, data: unknown): Fact | undefined {
    if (type === 'VictimIdentified') {
      const d = data as EventData<'VictimIdentified'>;
      return push(this.case(d.caseId).identified, { ...base, on: d.identifiedOn });
    }
    if (type === 'AssistanceProvided') {
      const d = data as EventData<'AssistanceProvided'>;
      const step = d.assistanceType === 'avrr_return' ? 'returned' : d.assistanceType === 'reintegration' ? 'reintegrated' : 'assisted';
      return push(this.case(d.caseId).assisted, { ...base, on: d.providedOn, step });
    }
    if (type === 'CaseClosed') {
      const d = data as EventData<'CaseClosed'>;
      return push(this.case(d.caseId).closed, { ...base, on: d.closedOn, reason: interned(CLOSURE_REASONS, d.reason) });
    }
    return undefined;
  }

  private cso(csoId: string): CsoFacts {
    let facts = this.csos.get(csoId);
    if (!facts) this.csos.set(csoId, (facts = { mapped: [], assessed: [], agreed: [] }));
    return facts;
  }

  private case(caseId: string): CaseFacts {
    let facts = this.cases.get(caseId);
    if (!facts) this.cases.set(caseId, (facts = { identified: [], assisted: [], closed: [] }));
    return facts;
  }

  /** Each CSO mapped by `asOf`: its last mapping's region, latest assessment (the later recorded on a tie), any agreement. */
  private *csoStates(asOf: string, at: number): Generator<CsoState> {
    for (const c of this.csos.values()) {
      const mapped = lastWhere(c.mapped, (f) => live(f, at) && f.on <= asOf);
      if (!mapped) continue;
      let assessed: AssessedFact | undefined;
      for (const f of c.assessed) if (live(f, at) && f.on <= asOf && (!assessed || assessed.on <= f.on)) assessed = f;
      const agreed = c.agreed.some((f) => live(f, at) && f.on <= asOf);
      yield { region: mapped.region, assessed: assessed && { on: assessed.on, scores: assessed.scores }, agreed };
    }
  }

  private trainingRows(asOf: string, at: number): TrainingRow[] {
    const rows: TrainingRow[] = [];
    for (const f of this.trainings) {
      if (!live(f, at) || f.on > asOf) continue;
      const { trainingId, on: heldOn, topic, quarter, audience, region, female, male, tested, improved } = f;
      rows.push({ trainingId, heldOn, topic, quarter, audience, region, trainings: 1, female, male, tested, improved });
    }
    return rows;
  }

  /** Each case identified by `asOf`: the steps it reached by then, and its last closure recorded (position order). */
  private caseStates(asOf: string, at: number): CaseState[] {
    const states: CaseState[] = [];
    const holds = (f: Fact) => live(f, at) && f.on <= asOf;
    for (const c of this.cases.values()) {
      if (!c.identified.some(holds)) continue;
      const state: CaseState = { assisted: false, returned: false, reintegrated: false };
      for (const f of c.assisted) {
        if (!holds(f)) continue;
        state.assisted = true;
        if (f.step !== 'assisted') state[f.step] = true;
      }
      const closed = lastWhere(c.closed, holds);
      if (closed) state.closed = closed.reason;
      states.push(state);
    }
    return states;
  }

  private cached(kind: Kind, at: number, asOf: string, flag: boolean, compute: () => Answer): Answer {
    if (at > this.reached) throw new RangeError(`position ${at} is past the position reached, ${this.reached}`);
    // An answer known at a position never changes: later events (voids included) sit above it.
    const key = `${kind}|${at}|${asOf}|${flag}`;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = compute();
      if (this.answers.size >= CACHED) this.answers.delete(this.answers.keys().next().value!);
      this.answers.set(key, answer);
    }
    return answer;
  }
}

function push<T extends Fact>(list: T[], fact: T): T {
  list.push(fact);
  return fact;
}

function lastWhere<T>(list: readonly T[], holds: (item: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (holds(list[i])) return list[i];
  return undefined;
}

function trainingFact(base: Pick<Fact, 'eventId' | 'position'>, d: EventData<'TrainingHeld'>): TrainingFact {
  return {
    ...base,
    on: d.heldOn,
    trainingId: d.trainingId,
    topic: d.topic,
    quarter: periodOf(d.heldOn, 'quarter').label,
    audience: interned(AUDIENCES, d.audience) as Audience,
    region: interned(REGIONS, d.region),
    female: d.participants.female,
    male: d.participants.male,
    tested: d.knowledgeTest?.tested ?? 0,
    improved: d.knowledgeTest?.improved ?? 0,
  };
}
