import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { CaseActivity, CsoActivity, TrainingActivity } from '@jalon/contracts';
import { EVENT_STORE, type EventEnvelope, type EventStore } from '@jalon/event-store';
import { PROJECT_END } from '@jalon/domain';
import { caseActivity, csoActivity, inEffect, trainingActivity } from '@jalon/projections';
import { Evaluation } from '../projection/evaluation.js';
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

const PAGE = 1000;

@QueryHandler(GetActivity)
export class ActivityHandler implements IQueryHandler<GetActivity> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(Evaluation) private readonly evaluation: Evaluation,
    @Inject(Projector) private readonly projector: Projector,
  ) {}

  async execute({ kind, params, donor }: GetActivity): Promise<Answer> {
    await this.evaluation.check(params);
    await this.evaluation.ready(params);
    const position = this.evaluation.atPosition(params) ?? this.projector.position;
    const asOf = params.asOf ?? PROJECT_END;
    const events = inEffect(await this.logUpTo(position));
    if (kind === 'csos') return { ...csoActivity(events, asOf), position };
    if (kind === 'trainings') return { ...trainingActivity(events, asOf, !donor), position };
    return { ...caseActivity(events, asOf, !donor), position };
  }

  /** The log up to `position`, read in pages (the activities are a fold of the whole of it). */
  private async logUpTo(position: number): Promise<EventEnvelope[]> {
    const out: EventEnvelope[] = [];
    while (out.length < position) {
      const page = await this.store.readAll({ after: out.length, limit: Math.min(PAGE, position - out.length) });
      out.push(...page);
      if (page.length === 0) break;
    }
    return out;
  }
}
