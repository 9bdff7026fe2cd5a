import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { IndicatorsView, SeriesView } from '@jalon/contracts';
import { ReadModelGate } from '../projection/read-model-gate.js';
import type { EvaluationParams } from '../projection/evaluation-query.js';
import { Projector } from '../projection/projector.js';
import { indicatorOr404, type SeriesParams } from './queries.js';
import { ViewCache } from './view-cache.js';

export class GetIndicators extends Query<IndicatorsView> {
  constructor(readonly params: EvaluationParams) {
    super();
  }
}

export class GetSeries extends Query<SeriesView> {
  constructor(
    readonly code: string,
    readonly params: SeriesParams,
  ) {
    super();
  }
}

@QueryHandler(GetIndicators)
export class IndicatorsHandler implements IQueryHandler<GetIndicators> {
  /** Dashboards poll this view: it is computed once per query and position. */
  private readonly views = new ViewCache<IndicatorsView>();

  constructor(
    @Inject(ReadModelGate) private readonly gate: ReadModelGate,
    @Inject(Projector) private readonly projector: Projector,
  ) {}

  async execute({ params }: GetIndicators): Promise<IndicatorsView> {
    await this.gate.check(params);
    await this.gate.ready(params);
    const evaluation = { asOf: params.asOf, atPosition: this.gate.atPosition(params) };
    const { engine } = this.projector;
    return this.views.get(engine.position, JSON.stringify(evaluation), () => engine.indicators(evaluation));
  }
}

@QueryHandler(GetSeries)
export class SeriesHandler implements IQueryHandler<GetSeries> {
  constructor(
    @Inject(ReadModelGate) private readonly gate: ReadModelGate,
    @Inject(Projector) private readonly projector: Projector,
  ) {}

  async execute({ code, params }: GetSeries): Promise<SeriesView> {
    await this.gate.check(params);
    indicatorOr404(code);
    await this.gate.ready(params);
    return this.projector.engine.series(code, params.period, { asOf: params.asOf, atPosition: this.gate.atPosition(params) });
  }
}
