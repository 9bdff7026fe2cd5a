import type { EventEnvelope } from './envelope.js';
import { businessDate, type DomainEvent, type EventType } from './events.js';

/** Stream names of DOMAIN.md: one stream per CSO, training, case and indicator. */
export const streamIds = {
  cso: (csoId: string) => `cso-${csoId}`,
  training: (trainingId: string) => `training-${trainingId}`,
  case: (caseId: string) => `case-${caseId}`,
  indicator: (code: string) => `indicator-${code}`,
};

/** The stream an event (other than a void, which goes on its target's stream) belongs to. */
export function streamOf(event: DomainEvent): string | undefined {
  switch (event.type) {
    case 'CsoMapped':
    case 'CsoCapacityAssessed':
    case 'PartnershipAgreementSigned':
      return streamIds.cso(event.data.csoId);
    case 'TrainingHeld':
      return streamIds.training(event.data.trainingId);
    case 'VictimIdentified':
    case 'AssistanceProvided':
    case 'CaseClosed':
      return streamIds.case(event.data.caseId);
    case 'IndicatorTargetSet':
      return streamIds.indicator(event.data.code);
    case 'EventVoided':
      return undefined;
  }
}

/** What `decide` knows of a stream: its events (id and parsed event) in order, and which are voided. */
export interface StreamState {
  /** Revision of the last event; -1 for a stream that does not exist yet. */
  revision: number;
  events: ReadonlyArray<Pick<EventEnvelope, 'eventId'> & DomainEvent>;
  voided: ReadonlySet<string>;
}

export const emptyStream: StreamState = { revision: -1, events: [], voided: new Set() };

export function evolve(state: StreamState, event: Pick<EventEnvelope, 'eventId'> & DomainEvent): StreamState {
  const voided =
    event.type === 'EventVoided' ? new Set([...state.voided, event.data.eventId]) : state.voided;
  return { revision: state.revision + 1, events: [...state.events, event], voided };
}

export function foldStream(events: Iterable<Pick<EventEnvelope, 'eventId'> & DomainEvent>): StreamState {
  let state = emptyStream;
  for (const e of events) state = evolve(state, e);
  return state;
}

/** Recorded and not voided; voids themselves are not facts "in effect". */
export function inEffect(state: StreamState): Array<Pick<EventEnvelope, 'eventId'> & DomainEvent> {
  return state.events.filter((e) => e.type !== 'EventVoided' && !state.voided.has(e.eventId));
}

export function inEffectOfType<T extends EventType>(
  state: StreamState,
  type: T,
): Array<Pick<EventEnvelope, 'eventId'> & Extract<DomainEvent, { type: T }>> {
  return inEffect(state).filter(
    (e): e is Pick<EventEnvelope, 'eventId'> & Extract<DomainEvent, { type: T }> => e.type === type,
  );
}

/** The in-effect events of the stream dated before `date` (they forbid a later record). */
export function inEffectDatedBefore(state: StreamState, date: string): Array<Pick<EventEnvelope, 'eventId'> & DomainEvent> {
  return inEffect(state).filter((e) => {
    const d = businessDate(e);
    return d !== undefined && d < date;
  });
}
