import type { DomainEvent } from '@jalon/domain';
import type { EventData } from '@jalon/domain';
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
  type HeldTraining,
  type TrainingEntity,
  type Victim,
} from './contributions.js';
import { ownersOf, packEntities, unpackEntities, type PackedEntities } from './entities-codec.js';

/** An entity: a case, a CSO or a training, by its id. */
export interface EntityKey {
  kind: 'case' | 'cso' | 'training';
  id: string;
}

/**
 * The records in effect of every CSO, training and case, kept so that any event, a void or a
 * re-record included, can recompute that one entity's contributions before and after it.
 * Closures change no indicator: they are not kept.
 */
/** An entity knows its own key: the key is made once per entity, not once per event. */
type Keyed<E> = E & { readonly key: EntityKey };
type AnyEntity = Keyed<CaseEntity> | Keyed<CsoEntity> | Keyed<TrainingEntity>;

/** A snapshot of the entities (entities-codec.ts). */
export type EntitiesState = PackedEntities;

export class Entities {
  private cases = new Map<string, Keyed<CaseEntity>>();
  private csos = new Map<string, Keyed<CsoEntity>>();
  private trainings = new Map<string, Keyed<TrainingEntity>>();
  /** Which entity holds each event, so that a void finds what it removes. */
  private owners = new Map<string, AnyEntity>();
  /**
   * After a load, the owners of the loaded events are found only when a void first asks: a million
   * map entries cost a second that a restart need not wait for.
   */
  private ownersToRebuild = false;

  save(): EntitiesState {
    return packEntities({ cases: this.cases, csos: this.csos, trainings: this.trainings });
  }

  load(state: EntitiesState): void {
    ({ cases: this.cases, csos: this.csos, trainings: this.trainings } = unpackEntities(state, intern));
    this.owners = new Map();
    this.ownersToRebuild = true;
  }

  /** The entity an event belongs to, if it changes one. */
  keyOf(event: DomainEvent): EntityKey | undefined {
    return this.entityOf(event)?.key;
  }

  /** Records an event, or forgets the event a void names. */
  apply(eventId: string, event: DomainEvent): void {
    if (event.type === 'EventVoided') return this.void(event.data.eventId);
    const entity = this.entityOf(event);
    if (!entity) return;
    this.place(eventId, event);
    this.owners.set(eventId, entity);
  }

  /** Tells `emit` what the entity adds to the series now (nothing for one not seen yet). */
  contributions({ kind, id }: EntityKey, emit: Emit): void {
    if (kind === 'case') {
      const c = this.cases.get(id);
      if (c) emitCaseContributions(c, emit);
    } else if (kind === 'cso') {
      const c = this.csos.get(id);
      if (c) emitCsoContributions(c, emit);
    } else {
      const t = this.trainings.get(id);
      if (t) emitTrainingContributions(t, emit);
    }
  }

  private ownerOf(eventId: string): AnyEntity | undefined {
    const owner = this.owners.get(eventId);
    if (owner !== undefined || !this.ownersToRebuild) return owner;
    this.ownersToRebuild = false;
    ownersOf({ cases: this.cases, csos: this.csos, trainings: this.trainings }, this.owners);
    return this.owners.get(eventId);
  }

  private entityOf(event: DomainEvent): AnyEntity | undefined {
    switch (event.type) {
      case 'VictimIdentified':
      case 'AssistanceProvided':
        return this.caseOf(event.data.caseId);
      case 'CsoMapped':
      case 'CsoCapacityAssessed':
      case 'PartnershipAgreementSigned':
        return this.csoOf(event.data.csoId);
      case 'TrainingHeld':
        return this.trainingOf(event.data.trainingId);
      case 'EventVoided':
        return this.ownerOf(event.data.eventId);
      default:
        return undefined;
    }
  }

  private void(eventId: string): void {
    const owner = this.ownerOf(eventId);
    if (!owner) return;
    if (owner.key.kind === 'case') {
      const c = owner as Keyed<CaseEntity>;
      if (c.identified?.eventId === eventId) c.identified = undefined;
      c.assistance.delete(eventId);
    } else if (owner.key.kind === 'cso') {
      const c = owner as Keyed<CsoEntity>;
      if (c.mapped?.eventId === eventId) c.mapped = undefined;
      c.assessments.delete(eventId);
      c.agreements.delete(eventId);
    } else {
      const t = owner as Keyed<TrainingEntity>;
      if (t.held?.eventId === eventId) t.held = undefined;
    }
  }

  private place(eventId: string, event: DomainEvent): void {
    switch (event.type) {
      case 'VictimIdentified':
        this.caseOf(event.data.caseId).identified = victimOf(eventId, event.data);
        return;
      case 'AssistanceProvided':
        this.caseOf(event.data.caseId).assistance.set(eventId, assistanceCode(event.data.assistanceType, projectDay(event.data.providedOn)));
        return;
      case 'CsoMapped':
        this.csoOf(event.data.csoId).mapped = { eventId, day: projectDay(event.data.mappedOn), region: intern(event.data.region) };
        return;
      case 'CsoCapacityAssessed':
        this.csoOf(event.data.csoId).assessments.set(eventId, projectDay(event.data.assessedOn));
        return;
      case 'PartnershipAgreementSigned':
        this.csoOf(event.data.csoId).agreements.set(eventId, projectDay(event.data.signedOn));
        return;
      case 'TrainingHeld':
        this.trainingOf(event.data.trainingId).held = trainingOf(eventId, event.data);
        return;
    }
  }

  // An entity is made on the first event that names it (the key is asked for before the event is
  // placed); until an event that counts is placed it contributes nothing.
  private caseOf(id: string): Keyed<CaseEntity> {
    let c = this.cases.get(id);
    if (!c) this.cases.set(id, (c = { key: { kind: 'case', id }, assistance: new Map() }));
    return c;
  }

  private csoOf(id: string): Keyed<CsoEntity> {
    let c = this.csos.get(id);
    if (!c) this.csos.set(id, (c = { key: { kind: 'cso', id }, assessments: new Map(), agreements: new Map() }));
    return c;
  }

  private trainingOf(id: string): Keyed<TrainingEntity> {
    let t = this.trainings.get(id);
    if (!t) this.trainings.set(id, (t = { key: { kind: 'training', id } }));
    return t;
  }
}

/**
 * One copy of each breakdown key (a nationality, a region…): a million victims name a few dozen
 * keys, and a parsed string is a new copy each time. Bounded, as free text could be anything.
 */
const interned = new Map<string, string>();
function intern(key: string): string {
  const known = interned.get(key);
  if (known !== undefined) return known;
  if (interned.size < 10_000) interned.set(key, key);
  return key;
}

function victimOf(eventId: string, v: EventData<'VictimIdentified'>): Victim {
  return {
    eventId,
    day: projectDay(v.identifiedOn),
    sex: intern(v.sex) as Victim['sex'],
    ageGroup: intern(v.ageGroup) as Victim['ageGroup'],
    nationality: intern(v.nationality),
    exploitationType: intern(v.exploitationType) as Victim['exploitationType'],
    referredBy: intern(v.referredBy) as Victim['referredBy'],
  };
}

function trainingOf(eventId: string, t: EventData<'TrainingHeld'>): HeldTraining {
  const { female, male } = t.participants;
  const held = { eventId, day: projectDay(t.heldOn), code: AUDIENCE_INDICATOR[t.audience], female, male, region: intern(t.region) };
  return t.knowledgeTest ? { ...held, improved: t.knowledgeTest.improved, tested: t.knowledgeTest.tested } : held;
}
