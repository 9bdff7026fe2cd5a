import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { CaseActivity, CsoActivity, TrainingActivity } from '@jalon/contracts';
import { PROJECT_END } from '@jalon/domain';
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

/** Answers from the projector's activities model (no read of the log), at the head or a past position. */
@QueryHandler(GetActivity)
export class ActivityHandler implements IQueryHandler<GetActivity> {
  constructor(
    @Inject(ReadModelGate) private readonly gate: ReadModelGate,
    @Inject(Projector) private readonly projector: Projector,
  ) {}

  async execute({ kind, params, donor }: GetActivity): Promise<Answer> {
    await this.gate.check(params);
    await this.gate.ready(params);
    const position = this.gate.atPosition(params) ?? this.projector.position;
    const asOf = params.asOf ?? PROJECT_END;
    const model = this.projector.activities;
    if (kind === 'csos') return { ...model.csoActivity(asOf, position), position };
    if (kind === 'trainings') return { ...model.trainingActivity(asOf, !donor, position), position };
    return { ...model.caseActivity(asOf, !donor, position), position };
  }
}
