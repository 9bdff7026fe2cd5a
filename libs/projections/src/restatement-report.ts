import type { FigureChange, KnownFigures, MemberChange, Restatement } from './restatement.js';

/**
 * The restatement as the API and the command line answer it (CONTRACT.md, "Restatement"): each
 * change carries the event that made it, with the event's own reason (voids and target revisions).
 */

/** The fields of a logged event a change row names. */
export interface ChangingEvent {
  position: number;
  eventId: string;
  type: string;
  streamId: string;
  data: unknown;
  metadata: { recordedAt: string; recordedBy: string };
}

export interface RestatementChange {
  position: number;
  eventId: string;
  type: string;
  streamId: string;
  recordedAt: string;
  recordedBy: string;
  reason?: string;
  value?: MemberChange;
  target?: MemberChange;
  expected?: MemberChange;
}

export interface RestatementIndicator {
  code: string;
  then: KnownFigures;
  now: KnownFigures;
  restated: boolean;
  /** Absent for a donor: it names events. */
  changes?: RestatementChange[];
}

export interface RestatementView {
  asOf: string;
  since: number;
  position: number;
  indicators: RestatementIndicator[];
}

const REASONED = new Set(['EventVoided', 'IndicatorTargetSet']);

/** The positions of the events the changes name, ascending, each once. */
export function changedPositions(restatement: Restatement): number[] {
  const positions = new Set<number>();
  for (const i of restatement.indicators) for (const c of i.changes) positions.add(c.position);
  return [...positions].sort((a, b) => a - b);
}

/** The full answer, each change naming its event (every position of `changedPositions` must be given). */
export function describeChanges(restatement: Restatement, events: ReadonlyMap<number, ChangingEvent>): RestatementView {
  const row = (change: FigureChange): RestatementChange => {
    const event = events.get(change.position);
    if (!event) throw new RangeError(`no event at position ${change.position} to name a change`);
    const { position, value, target, expected } = change;
    const reason = REASONED.has(event.type) ? (event.data as { reason?: string }).reason : undefined;
    return {
      position,
      eventId: event.eventId,
      type: event.type,
      streamId: event.streamId,
      recordedAt: event.metadata.recordedAt,
      recordedBy: event.metadata.recordedBy,
      ...(reason !== undefined ? { reason } : {}),
      ...(value ? { value } : {}),
      ...(target ? { target } : {}),
      ...(expected ? { expected } : {}),
    };
  };
  return {
    ...heading(restatement),
    indicators: restatement.indicators.map(({ code, then, now, restated, changes }) => ({ code, then, now, restated, changes: changes.map(row) })),
  };
}

/** A donor's answer: then and now, no events. */
export function withoutChanges(restatement: Restatement): RestatementView {
  return {
    ...heading(restatement),
    indicators: restatement.indicators.map(({ code, then, now, restated }) => ({ code, then, now, restated })),
  };
}

const heading = ({ asOf, since, position }: Restatement) => ({ asOf, since, position });
