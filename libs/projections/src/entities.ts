import type { DomainEvent, EventData } from '@jalon/domain';
import { EventIdIndex, type EventIdIndexState } from './activities-ids.js';
import { projectDay } from './calendar.js';
import {
  assistanceCode,
  AUDIENCE_INDICATOR,
  emitCaseContributions,
  emitCsoContributions,
  emitTrainingContributions,
  type CaseEntity,
  type CsoEntity,
  type Emit,
  type TrainingEntity,
} from './contributions.js';
import { IdNumbers, type PackedIds } from './id-numbers.js';
import { TypedTable, type TableState } from './typed-table.js';

/** An entity as one number: its row × 4 + its family. */
export type EntityKey = number;
const CASE = 0;
const CSO = 1;
const TRAINING = 2;

// What a record says: an entity's one identification, mapping or training held (its "main"
// record, replaced by a re-record), or one item of its list (assistance, assessments, agreements).
const VICTIM = 0;
const ASSISTED = 1;
const MAPPED = 2;
const ASSESSED = 3;
const AGREED = 4;
const HELD = 5;
const FAMILY_OF = [CASE, CASE, CSO, CSO, CSO, TRAINING];
const IN_LIST = [false, true, false, true, true, false];

const RECORDS = { kind: Uint8Array, entity: Int32Array, value: Int32Array, next: Int32Array, live: Uint8Array };
/** main: the record in effect (-1: none); head, tail: the entity's list of records; the rest, the main record's fields (words by number). */
const CASES = { main: Int32Array, head: Int32Array, tail: Int32Array, day: Int32Array, sex: Int32Array, ageGroup: Int32Array, nationality: Int32Array, exploitationType: Int32Array, referredBy: Int32Array };
const CSOS = { main: Int32Array, head: Int32Array, tail: Int32Array, day: Int32Array, region: Int32Array };
/** Participants as doubles (the domain bounds them by no int32); tested NaN: no knowledge test. */
const TRAININGS = { main: Int32Array, head: Int32Array, tail: Int32Array, day: Int32Array, code: Int32Array, region: Int32Array, female: Float64Array, male: Float64Array, improved: Float64Array, tested: Float64Array };
const CASE_WORDS = ['sex', 'ageGroup', 'nationality', 'exploitationType', 'referredBy'] as const;

type Main = 'main' | 'head' | 'tail';
/** Any of the three entity tables, as far as their main record and list go. */
type EntityTable = Pick<TypedTable<Main>, 'columns' | 'push'>;

/** A snapshot of the entities: typed columns, the ids packed (id-numbers.ts). */
export interface EntitiesState {
  version: 2;
  ids: [cases: PackedIds, csos: PackedIds, trainings: PackedIds];
  words: string[];
  records: TableState<keyof typeof RECORDS>;
  cases: TableState<keyof typeof CASES>;
  csos: TableState<keyof typeof CSOS>;
  trainings: TableState<keyof typeof TRAININGS>;
  events: EventIdIndexState;
}

/**
 * The records in effect of every CSO, training and case, kept so that any event, a void or a
 * re-record included, can recompute that one entity's contributions before and after it. Kept as
 * typed columns (a million records: a few typed arrays, not a million objects and maps); an
 * entity's object (contributions.ts) is made only while its contributions are told.
 * Closures change no indicator: they are not kept.
 */
export class Entities {
  private ids = [new IdNumbers(), new IdNumbers(), new IdNumbers()];
  /** Breakdown keys, regions and codes, each kept once and named by its number. */
  private words: string[] = [];
  private wordNumbers = new Map<string, number>();
  private records = new TypedTable(RECORDS);
  private cases = new TypedTable(CASES);
  private csos = new TypedTable(CSOS);
  private trainings = new TypedTable(TRAININGS);
  /** Which record each event is, so that a void finds what it removes. */
  private events = new EventIdIndex();

  save(): EntitiesState {
    const [cases, csos, trainings] = this.ids.map((ids) => ids.save());
    const tables = { records: this.records.save(), cases: this.cases.save(), csos: this.csos.save(), trainings: this.trainings.save() };
    return { version: 2, ids: [cases, csos, trainings], words: this.words.slice(), ...tables, events: this.events.save() };
  }

  /** Takes a save()'s state (its arrays as they are); throws, holding what it held, when it is not one. */
  load(state: EntitiesState): void {
    if (state?.version !== 2 || !Array.isArray(state.ids) || !Array.isArray(state.words)) throw new TypeError('an entities snapshot of another shape');
    const ids = state.ids.map(IdNumbers.load);
    const [records, cases, csos, trainings] = [new TypedTable(RECORDS), new TypedTable(CASES), new TypedTable(CSOS), new TypedTable(TRAININGS)];
    records.load(state.records);
    cases.load(state.cases);
    csos.load(state.csos);
    trainings.load(state.trainings);
    if (ids.length !== 3 || [cases, csos, trainings].some((table, family) => table.count !== ids[family].size))
      throw new TypeError('an entities snapshot whose ids and rows differ');
    const events = EventIdIndex.load(state.events);
    Object.assign(this, { ids, records, cases, csos, trainings, events, words: state.words });
    this.wordNumbers = new Map(state.words.map((word, n) => [word, n]));
  }

  /** The entity an event belongs to, if it changes one (made on the first event that names it). */
  keyOf(event: DomainEvent): EntityKey | undefined {
    switch (event.type) {
      case 'VictimIdentified':
      case 'AssistanceProvided':
        return this.entity(CASE, event.data.caseId);
      case 'CsoMapped':
      case 'CsoCapacityAssessed':
      case 'PartnershipAgreementSigned':
        return this.entity(CSO, event.data.csoId);
      case 'TrainingHeld':
        return this.entity(TRAINING, event.data.trainingId);
      case 'EventVoided': {
        const row = this.events.get(event.data.eventId);
        if (row === undefined) return undefined;
        const r = this.records.columns;
        return r.entity[row] * 4 + FAMILY_OF[r.kind[row]];
      }
      default:
        return undefined;
    }
  }

  /** Records an event, or forgets the event a void names. */
  apply(eventId: string, event: DomainEvent): void {
    if (event.type === 'EventVoided') return this.void(event.data.eventId);
    const key = this.keyOf(event);
    if (key === undefined) return;
    const e = key >> 2;
    switch (event.type) {
      case 'VictimIdentified':
        return this.identify(e, this.record(eventId, VICTIM, e, 0), event.data);
      case 'AssistanceProvided': {
        const code = assistanceCode(event.data.assistanceType, projectDay(event.data.providedOn));
        return this.link(this.cases, e, this.record(eventId, ASSISTED, e, code));
      }
      case 'CsoMapped': {
        const c = this.csos.columns;
        c.main[e] = this.record(eventId, MAPPED, e, 0);
        c.day[e] = projectDay(event.data.mappedOn);
        c.region[e] = this.word(event.data.region);
        return;
      }
      case 'CsoCapacityAssessed':
        return this.link(this.csos, e, this.record(eventId, ASSESSED, e, projectDay(event.data.assessedOn)));
      case 'PartnershipAgreementSigned':
        return this.link(this.csos, e, this.record(eventId, AGREED, e, projectDay(event.data.signedOn)));
      case 'TrainingHeld':
        return this.hold(e, this.record(eventId, HELD, e, 0), event.data);
    }
  }

  /** Tells `emit` what the entity adds to the series now (nothing for one without its main record). */
  contributions(key: EntityKey, emit: Emit): void {
    const [family, e] = [key & 3, key >> 2];
    if (family === CASE) emitCaseContributions(this.caseAt(e), emit);
    else if (family === CSO) emitCsoContributions(this.csoAt(e), emit);
    else emitTrainingContributions(this.trainingAt(e), emit);
  }

  private caseAt(e: number): CaseEntity {
    const c = this.cases.columns;
    if (c.main[e] < 0) return { assistance: [] };
    const w = (column: (typeof CASE_WORDS)[number]) => this.words[c[column][e]];
    const identified = { day: c.day[e], sex: w('sex'), ageGroup: w('ageGroup'), nationality: w('nationality'), exploitationType: w('exploitationType'), referredBy: w('referredBy') };
    return { identified: identified as CaseEntity['identified'], assistance: this.values(c.head[e], ASSISTED) };
  }

  private csoAt(e: number): CsoEntity {
    const c = this.csos.columns;
    if (c.main[e] < 0) return { assessments: [], agreements: [] };
    const mapped = { day: c.day[e], region: this.words[c.region[e]] };
    return { mapped, assessments: this.values(c.head[e], ASSESSED), agreements: this.values(c.head[e], AGREED) };
  }

  private trainingAt(e: number): TrainingEntity {
    const t = this.trainings.columns;
    if (t.main[e] < 0) return {};
    const held = { day: t.day[e], code: this.words[t.code[e]], region: this.words[t.region[e]], female: t.female[e], male: t.male[e] };
    return { held: Number.isNaN(t.tested[e]) ? held : { ...held, improved: t.improved[e], tested: t.tested[e] } };
  }

  /** The values of the live records of one kind in a list. */
  private values(head: number, kind: number): number[] {
    const r = this.records.columns;
    const values: number[] = [];
    for (let row = head; row >= 0; row = r.next[row]) if (r.live[row] === 1 && r.kind[row] === kind) values.push(r.value[row]);
    return values;
  }

  private identify(e: number, row: number, v: EventData<'VictimIdentified'>): void {
    const c = this.cases.columns;
    c.main[e] = row;
    c.day[e] = projectDay(v.identifiedOn);
    for (const column of CASE_WORDS) c[column][e] = this.word(v[column]);
  }

  private hold(e: number, row: number, t: EventData<'TrainingHeld'>): void {
    const c = this.trainings.columns;
    c.main[e] = row;
    c.day[e] = projectDay(t.heldOn);
    c.code[e] = this.word(AUDIENCE_INDICATOR[t.audience]);
    c.region[e] = this.word(t.region);
    c.female[e] = t.participants.female;
    c.male[e] = t.participants.male;
    c.improved[e] = t.knowledgeTest?.improved ?? 0;
    c.tested[e] = t.knowledgeTest?.tested ?? Number.NaN;
  }

  /** A void ends a list record; it ends a main record only if no re-record has replaced it. */
  private void(eventId: string): void {
    const row = this.events.get(eventId);
    if (row === undefined) return;
    const r = this.records.columns;
    if (IN_LIST[r.kind[row]]) return void (r.live[row] = 0);
    const main = this.tableOf(FAMILY_OF[r.kind[row]]).columns.main;
    if (main[r.entity[row]] === row) main[r.entity[row]] = -1;
  }

  private record(eventId: string, kind: number, entity: number, value: number): number {
    const row = this.records.push();
    const r = this.records.columns;
    r.kind[row] = kind;
    r.entity[row] = entity;
    r.value[row] = value;
    r.next[row] = -1;
    r.live[row] = 1;
    this.events.set(eventId, row);
    return row;
  }

  private link(table: EntityTable, e: number, row: number): void {
    const c = table.columns;
    if (c.head[e] < 0) c.head[e] = row;
    else this.records.columns.next[c.tail[e]] = row;
    c.tail[e] = row;
  }

  private entity(family: number, id: string): EntityKey {
    const ids = this.ids[family];
    const known = ids.size;
    const e = ids.numberOf(id);
    if (e === known) {
      // A new id: its row, the next, with no records yet.
      const table = this.tableOf(family);
      table.push();
      table.columns.main[e] = table.columns.head[e] = table.columns.tail[e] = -1;
    }
    return e * 4 + family;
  }

  private tableOf(family: number): EntityTable {
    return family === CASE ? this.cases : family === CSO ? this.csos : this.trainings;
  }

  private word(word: string): number {
    let n = this.wordNumbers.get(word);
    if (n === undefined) this.wordNumbers.set(word, (n = this.words.push(word) - 1));
    return n;
  }
}
