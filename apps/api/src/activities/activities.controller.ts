import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CaseActivity, CsoActivity, TrainingActivity } from '@jalon/contracts';
import { CurrentUser, type Principal } from '../auth/principal.js';
import { EVERYONE, Roles } from '../auth/roles.js';
import { parseQuery } from '../http/validate.js';
import { ApiZodQuery, invalidResponse, notReadyResponse, schemaResponse } from '../openapi/responses.js';
import { EvaluationQuery } from '../projection/evaluation-query.js';
import { GetActivity, type ActivityKind } from './activities.handler.js';
import { CaseActivitySchema, CsoActivitySchema, TrainingActivitySchema } from './schemas.js';

/** The activities behind the indicators, aggregated (a donor never gets a case or a training row). */
@ApiTags('activities')
@Controller('api/v1/activities')
export class ActivitiesController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('csos')
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'CSOs mapped, assessed and in agreement by region; capacity scores per area' })
  @ApiZodQuery(EvaluationQuery)
  @ApiOkResponse(schemaResponse(CsoActivitySchema, 'aggregates as of asOf, known at position'))
  @(invalidResponse())
  @(notReadyResponse())
  csos(@QueryParams() query: unknown, @CurrentUser() user: Principal): Promise<CsoActivity> {
    return this.ask('csos', query, user) as Promise<CsoActivity>;
  }

  @Get('trainings')
  @Roles(...EVERYONE)
  @ApiOperation({
    summary: 'Trainings held, with totals by sex and knowledge-test results',
    description: 'One row per training; for a donor one row per quarter, audience and region (detailed: false).',
  })
  @ApiZodQuery(EvaluationQuery)
  @ApiOkResponse(schemaResponse(TrainingActivitySchema, 'rows newest first and totals'))
  @(invalidResponse())
  @(notReadyResponse())
  trainings(@QueryParams() query: unknown, @CurrentUser() user: Principal): Promise<TrainingActivity> {
    return this.ask('trainings', query, user) as Promise<TrainingActivity>;
  }

  @Get('cases')
  @Roles(...EVERYONE)
  @ApiOperation({
    summary: 'Cases, aggregated only: identified → assisted → returned → reintegration; closures by reason',
    description: 'Never a case-level row. A donor gets the funnel only (the same counts as indicators 1.1, 1.2, 3.1, 3.2).',
  })
  @ApiZodQuery(EvaluationQuery)
  @ApiOkResponse(schemaResponse(CaseActivitySchema, 'distinct cases at each step'))
  @(invalidResponse())
  @(notReadyResponse())
  cases(@QueryParams() query: unknown, @CurrentUser() user: Principal): Promise<CaseActivity> {
    return this.ask('cases', query, user) as Promise<CaseActivity>;
  }

  private ask(kind: ActivityKind, query: unknown, user: Principal) {
    return this.queries.execute(new GetActivity(kind, parseQuery(EvaluationQuery, query), user.role === 'donor'));
  }
}
