import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { CaseActivity, CsoActivity, TrainingActivity } from '@jalon/contracts';
import { EVENT_STORE, readPages, type EventEnvelope, type EventStore } from '@jalon/event-store';
import { PROJECT_END } from '@jalon/domain';
import { caseActivity, csoActivity, inEffect, trainingActivity } from '@jalon/projections';
import { ReadModelGate } from '../projection/read-model-gate.js';
import type { EvaluationParams } from '../projection/evaluation-query.js';
import { Projector } from '../projection/projector.js';

export type ActivityKind = 'csos' | 'trainings' | 'cases';
type Answer = CsoActivity | TrainingActivity | CaseActivity;

/** Aggregates of one kind of activity; `donor` gets no detail (no trainings listed one by one, no closures). */
export class GetActivity extends Query<Answer> {
  constructor(
    readonly kind: ActivityKind,
    readonly params: EvaluationParams,
    readonly donor: boolean,
  ) {
    super();
  }
}

@QueryHandler(GetActivity)
export class ActivityHandler implements IQueryHandler<GetActivity> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ReadModelGate) private readonly gate: ReadModelGate,
    @Inject(Projector) private readonly projector: Projector,
  ) {}

  async execute({ kind, params, donor }: GetActivity): Promise<Answer> {
    await this.gate.check(params);
    await this.gate.ready(params);
    const position = this.gate.atPosition(params) ?? this.projector.position;
    const asOf = params.asOf ?? PROJECT_END;
    const events = inEffect(await this.logUpTo(position));
    if (kind === 'csos') return { ...csoActivity(events, asOf), position };
    if (kind === 'trainings') return { ...trainingActivity(events, asOf, !donor), position };
    return { ...caseActivity(events, asOf, !donor), position };
  }

  /** The log up to `position`, read in pages (the activities are a fold of the whole of it). */
  private async logUpTo(position: number): Promise<EventEnvelope[]> {
    const out: EventEnvelope[] = [];
    for await (const page of readPages(this.store, { upTo: position })) out.push(...page);
    return out;
  }
}
