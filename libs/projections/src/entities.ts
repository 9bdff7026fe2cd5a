import type { DomainEvent } from '@jalon/domain';
import { projectDay } from './calendar.js';
import {
  caseContributions,
  csoContributions,
  trainingContributions,
  type CaseEntity,
  type Contribution,
  type CsoEntity,
  type TrainingEntity,
} from './contributions.js';

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
export class Entities {
  private readonly cases = new Map<string, CaseEntity>();
  private readonly csos = new Map<string, CsoEntity>();
  private readonly trainings = new Map<string, TrainingEntity>();
  /** Which entity holds each event, so that a void finds what it removes. */
  private readonly owners = new Map<string, EntityKey>();

  /** The entity an event belongs to, if it changes one. */
  keyOf(event: DomainEvent): EntityKey | undefined {
    switch (event.type) {
      case 'VictimIdentified':
      case 'AssistanceProvided':
        return { kind: 'case', id: event.data.caseId };
      case 'CsoMapped':
      case 'CsoCapacityAssessed':
      case 'PartnershipAgreementSigned':
        return { kind: 'cso', id: event.data.csoId };
      case 'TrainingHeld':
        return { kind: 'training', id: event.data.trainingId };
      case 'EventVoided':
        return this.owners.get(event.data.eventId);
      default:
        return undefined;
    }
  }

  /** Records an event, or forgets the event a void names. */
  apply(eventId: string, event: DomainEvent): void {
    if (event.type === 'EventVoided') return this.void(event.data.eventId);
    const key = this.keyOf(event);
    if (!key) return;
    this.place(eventId, event);
    this.owners.set(eventId, key);
  }

  private void(eventId: string): void {
    const key = this.owners.get(eventId);
    if (!key) return;
    const { kind, id } = key;
    if (kind === 'case') {
      const c = this.cases.get(id)!;
      if (c.identified?.eventId === eventId) c.identified = undefined;
      c.assistance.delete(eventId);
    } else if (kind === 'cso') {
      const c = this.csos.get(id)!;
      if (c.mapped?.eventId === eventId) c.mapped = undefined;
      c.assessments.delete(eventId);
      c.agreements.delete(eventId);
    } else {
      const t = this.trainings.get(id)!;
      if (t.held?.eventId === eventId) t.held = undefined;
    }
  }

  /** What the entity adds to the series now ([] for one not seen yet). */
  contributions({ kind, id }: EntityKey): Contribution[] {
    if (kind === 'case') return caseContributions(this.cases.get(id) ?? { assistance: new Map() });
    if (kind === 'cso') return csoContributions(this.csos.get(id) ?? { assessments: new Map(), agreements: new Map() });
    return trainingContributions(this.trainings.get(id) ?? {});
  }

  private place(eventId: string, event: DomainEvent): void {
    switch (event.type) {
      case 'VictimIdentified':
        this.caseOf(event.data.caseId).identified = { eventId, data: event.data };
        return;
      case 'AssistanceProvided':
        this.caseOf(event.data.caseId).assistance.set(eventId, {
          type: event.data.assistanceType,
          day: projectDay(event.data.providedOn),
        });
        return;
      case 'CsoMapped':
        this.csoOf(event.data.csoId).mapped = { eventId, data: event.data };
        return;
      case 'CsoCapacityAssessed':
        this.csoOf(event.data.csoId).assessments.set(eventId, projectDay(event.data.assessedOn));
        return;
      case 'PartnershipAgreementSigned':
        this.csoOf(event.data.csoId).agreements.set(eventId, projectDay(event.data.signedOn));
        return;
      case 'TrainingHeld':
        this.trainings.set(event.data.trainingId, { held: { eventId, data: event.data } });
        return;
    }
  }

  private caseOf(caseId: string): CaseEntity {
    let c = this.cases.get(caseId);
    if (!c) this.cases.set(caseId, (c = { assistance: new Map() }));
    return c;
  }

  private csoOf(csoId: string): CsoEntity {
    let c = this.csos.get(csoId);
    if (!c) this.csos.set(csoId, (c = { assessments: new Map(), agreements: new Map() }));
    return c;
  }
}
