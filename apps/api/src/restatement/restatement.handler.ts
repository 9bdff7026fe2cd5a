import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { RestatementView } from '@jalon/contracts';
import { PROJECT_END, type FieldError } from '@jalon/domain';
import { EVENT_STORE, eventsAt, type EventStore } from '@jalon/event-store';
import { changedPositions, describeChanges, restate, withoutChanges } from '@jalon/projections';
import { invalidInput } from '../http/problem.js';
import { ReadModelGate } from '../projection/read-model-gate.js';
import { Projector } from '../projection/projector.js';
import type { RestatementParams } from './queries.js';

export class GetRestatement extends Query<RestatementView> {
  constructor(
    readonly params: RestatementParams,
    /** A donor gets then and now without the changes (they name events). */
    readonly donor: boolean,
  ) {
    super();
  }
}

/** Validation, positions and events for the restatement maths of libs/projections. */
@QueryHandler(GetRestatement)
export class RestatementHandler implements IQueryHandler<GetRestatement> {
  constructor(
    @Inject(ReadModelGate) private readonly gate: ReadModelGate,
    @Inject(Projector) private readonly projector: Projector,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ params, donor }: GetRestatement): Promise<RestatementView> {
    await this.gate.check(params, { since: params.since }, sinceErrors(params));
    await this.gate.ready(params, params.since);
    const since = params.since ?? this.gate.positionAt(params.sinceTime!);
    const position = this.gate.atPosition(params) ?? this.projector.position;
    if (since > position) {
      const error =
        params.since !== undefined
          ? { path: '/since', message: `must be at most the position compared, ${position}` }
          : { path: '/sinceTime', message: `resolves to position ${since}, after the position compared, ${position}` };
      throw invalidInput([error], `since (${since}) is after the position compared (${position})`);
    }
    const restatement = restate(this.projector.engine, { asOf: params.asOf ?? PROJECT_END, since, position });
    if (donor) return withoutChanges(restatement);
    return describeChanges(restatement, await eventsAt(this.store, changedPositions(restatement)));
  }
}

/** Exactly one of since and sinceTime. */
function sinceErrors({ since, sinceTime }: RestatementParams): FieldError[] {
  if (since === undefined && sinceTime === undefined) return [{ path: '/since', message: 'give since (a position) or sinceTime (a time)' }];
  if (since !== undefined && sinceTime !== undefined) return [{ path: '/sinceTime', message: 'give since or sinceTime, not both' }];
  return [];
}
