import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { BreakdownView } from '@jalon/contracts';
import type { Config } from '../config.js';
import { invalidInput } from '../http/problem.js';
import { ReadModelGate } from '../projection/read-model-gate.js';
import { Projector } from '../projection/projector.js';
import { CONFIG } from '../runtime.js';
import { indicatorOr404, type BreakdownParams } from './queries.js';

export class GetBreakdown extends Query<BreakdownView> {
  constructor(
    readonly code: string,
    readonly params: BreakdownParams,
    /** Donors see victim-related breakdowns suppressed, as of a quarter end, at the head. */
    readonly donor: boolean,
  ) {
    super();
  }
}

@QueryHandler(GetBreakdown)
export class BreakdownHandler implements IQueryHandler<GetBreakdown> {
  constructor(
    @Inject(ReadModelGate) private readonly gate: ReadModelGate,
    @Inject(Projector) private readonly projector: Projector,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async execute({ code, params, donor }: GetBreakdown): Promise<BreakdownView> {
    await this.gate.check(params);
    const def = indicatorOr404(code);
    if (!def.breakdowns.includes(params.by)) {
      const allowed = def.breakdowns.length > 0 ? `one of: ${def.breakdowns.join(', ')}` : 'none: it has no breakdowns';
      throw invalidInput([{ path: '/by', message: `must be ${allowed}` }], `indicator ${code} has no breakdown by ${params.by}`);
    }
    await this.gate.ready(params);
    const evaluation = { asOf: params.asOf, atPosition: this.gate.atPosition(params) };
    const guard = donor ? { threshold: this.config.smallCellThreshold } : undefined;
    return this.projector.engine.breakdown(code, params.by, evaluation, guard);
  }
}
