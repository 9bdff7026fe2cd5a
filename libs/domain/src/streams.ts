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

export interface RecordedEvent {
  eventId: string;
  event: DomainEvent;
}

/** What `decide` knows of a stream: its events in order, and which are voided. */
export interface StreamState {
  /** Revision of the last event; -1 for a stream that does not exist yet. */
  revision: number;
  events: readonly RecordedEvent[];
  voided: ReadonlySet<string>;
}

export const emptyStream: StreamState = { revision: -1, events: [], voided: new Set() };

export function evolve(state: StreamState, recorded: RecordedEvent): StreamState {
  const { event } = recorded;
  const voided =
    event.type === 'EventVoided' ? new Set([...state.voided, event.data.eventId]) : state.voided;
  return { revision: state.revision + 1, events: [...state.events, recorded], voided };
}

export function foldStream(events: Iterable<RecordedEvent>): StreamState {
  let state = emptyStream;
  for (const e of events) state = evolve(state, e);
  return state;
}

/** Recorded and not voided; voids themselves are not facts "in effect". */
export function inEffect(state: StreamState): RecordedEvent[] {
  return state.events.filter((r) => r.event.type !== 'EventVoided' && !state.voided.has(r.eventId));
}

export function inEffectOfType<T extends EventType>(
  state: StreamState,
  type: T,
): Array<{ eventId: string; event: Extract<DomainEvent, { type: T }> }> {
  return inEffect(state).filter(
    (r): r is { eventId: string; event: Extract<DomainEvent, { type: T }> } => r.event.type === type,
  );
}

/** The in-effect events of the stream dated before `date` (they forbid a later record). */
export function inEffectDatedBefore(state: StreamState, date: string): RecordedEvent[] {
  return inEffect(state).filter((r) => {
    const d = businessDate(r.event);
    return d !== undefined && d < date;
  });
}
