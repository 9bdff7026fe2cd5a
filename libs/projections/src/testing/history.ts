import {
  checkLog,
  streamIds,
  type EventData,
  type EventEnvelope,
  type EventType,
  type Region,
  type TargetPeriod,
} from '@jalon/domain';
import { IndicatorEngine } from '../engine.js';
import type { IndicatorValue, IndicatorsView } from '../views.js';

/**
 * A terse builder of event histories for the indicator engine's tests.
 *
 * Each method appends one event (positions 1, 2, 3… in call order) and returns its event id, so a
 * test can void it later. Omitted fields take plain defaults; every history is checked against
 * DOMAIN.md's rules (the domain's own `checkLog`) before it is replayed, so a test cannot rest on a
 * log the product would have refused.
 */

export type CaseAttributes = Partial<
  Pick<EventData<'VictimIdentified'>, 'sex' | 'ageGroup' | 'nationality' | 'exploitationType' | 'referredBy'>
>;
export type AssistanceType = EventData<'AssistanceProvided'>['assistanceType'];
export type Audience = EventData<'TrainingHeld'>['audience'];

export interface TrainingOptions {
  audience?: Audience;
  region?: Region;
  female?: number;
  male?: number;
  /** Knowledge test: how many were tested, how many improved. */
  test?: { tested: number; improved: number };
}

export interface HistoryEvent extends Pick<EventEnvelope, 'position' | 'eventId' | 'streamId' | 'data'> {
  type: EventType;
}

/** A deterministic, valid UUID for the n-th event. */
export function eventIdOf(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export class History {
  readonly events: HistoryEvent[] = [];

  /** The position of the last event appended (0 when empty). */
  get head(): number {
    return this.events.length;
  }

  case(caseId: string, identifiedOn: string, attributes: CaseAttributes = {}): string {
    return this.push('VictimIdentified', streamIds.case(caseId), {
      caseId,
      identifiedOn,
      sex: 'female',
      ageGroup: 'adult',
      nationality: 'NG',
      exploitationType: 'sexual',
      referredBy: 'cso',
      ...attributes,
    });
  }

  assist(caseId: string, providedOn: string, assistanceType: AssistanceType = 'medical'): string {
    return this.push('AssistanceProvided', streamIds.case(caseId), { caseId, providedOn, assistanceType });
  }

  close(caseId: string, closedOn: string, reason: EventData<'CaseClosed'>['reason'] = 'other'): string {
    return this.push('CaseClosed', streamIds.case(caseId), { caseId, closedOn, reason });
  }

  cso(csoId: string, mappedOn: string, region: Region = 'rabat-sale-kenitra'): string {
    return this.push('CsoMapped', streamIds.cso(csoId), {
      csoId,
      name: `CSO ${csoId}`,
      region,
      domains: ['protection'],
      mappedOn,
    });
  }

  assess(csoId: string, assessedOn: string): string {
    return this.push('CsoCapacityAssessed', streamIds.cso(csoId), {
      csoId,
      assessedOn,
      scores: { governance: 2, finance: 3, humanResources: 2, programme: 3, protection: 4 },
    });
  }

  agree(csoId: string, signedOn: string, agreementRef = `AG-${csoId}`): string {
    return this.push('PartnershipAgreementSigned', streamIds.cso(csoId), { csoId, signedOn, agreementRef });
  }

  training(trainingId: string, heldOn: string, options: TrainingOptions = {}): string {
    const { audience = 'government', region = 'rabat-sale-kenitra', female = 1, male = 1, test } = options;
    return this.push('TrainingHeld', streamIds.training(trainingId), {
      trainingId,
      heldOn,
      audience,
      topic: 'Identification of victims',
      region,
      participants: { female, male },
      ...(test ? { knowledgeTest: test } : {}),
    });
  }

  target(code: string, period: TargetPeriod, value: number, reason = 'revised after review'): string {
    return this.push('IndicatorTargetSet', streamIds.indicator(code), { code, period, value, reason });
  }

  void(eventId: string, reason = 'recorded in error'): string {
    const voided = this.events.find((e) => e.eventId === eventId);
    if (!voided) throw new Error(`history: no event ${eventId} to void`);
    return this.push('EventVoided', voided.streamId, { eventId, reason });
  }

  /** The position of an event of this history. */
  positionOf(eventId: string): number {
    const e = this.events.find((x) => x.eventId === eventId);
    if (!e) throw new Error(`history: no event ${eventId}`);
    return e.position;
  }

  /** Throws when the history breaks a rule of DOMAIN.md (it could never have been recorded). */
  check(): this {
    const bad = checkLog(this.events);
    if (bad) throw new Error(`history breaks DOMAIN.md at position ${bad.place}: ${bad.reason}`);
    return this;
  }

  /** A new engine with every event applied, in position order (options as the engine's own). */
  engine(options?: ConstructorParameters<typeof IndicatorEngine>[0]): IndicatorEngine {
    this.check();
    const engine = new IndicatorEngine(options);
    for (const e of this.events) engine.apply(e);
    return engine;
  }

  private push(type: EventType, streamId: string, data: Record<string, unknown>): string {
    const position = this.events.length + 1;
    const eventId = eventIdOf(position);
    this.events.push({ position, eventId, type, streamId, data });
    return eventId;
  }
}

export const history = () => new History();

/** One indicator of an `indicators()` answer. */
export function indicatorOf(view: IndicatorsView, code: string): IndicatorValue {
  const found = view.indicators.find((i) => i.code === code);
  if (!found) throw new Error(`no indicator ${code} in the answer`);
  return found;
}

/** Every indicator's value of an `indicators()` answer, by code. */
export function valuesOf(view: IndicatorsView): Record<string, number | null> {
  return Object.fromEntries(view.indicators.map((i) => [i.code, i.value]));
}

/** The values of an answer where nothing counts: counts 0, percents null (denominator 0). */
export const NOTHING_COUNTS: Readonly<Record<string, number | null>> = {
  '1.1': 0,
  '1.2': 0,
  '1.3': null,
  '2.1': 0,
  '2.2': 0,
  '2.3': 0,
  '2.4': null,
  '2.5': 0,
  '2.6': 0,
  '2.7': 0,
  '3.1': 0,
  '3.2': 0,
  '3.3': null,
};
