import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LogframeView } from '@jalon/contracts';
import { EVERYONE, Roles } from '../auth/roles.js';
import { parseQuery } from '../http/validate.js';
import { ApiZodQuery, invalidResponse, notReadyResponse, schemaResponse } from '../openapi/responses.js';
import { LogframeViewSchema } from '../openapi/schemas.js';
import { EvaluationQuery } from '../projection/evaluation-query.js';
import { GetLogframe } from './logframe.handler.js';

@ApiTags('logframe')
@Controller('api/v1/logframe')
export class LogframeController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'The project, its objectives, activities and indicators with the targets in effect' })
  @ApiZodQuery(EvaluationQuery)
  @ApiOkResponse(schemaResponse(LogframeViewSchema, 'the logframe'))
  @(invalidResponse())
  @(notReadyResponse())
  get(@QueryParams() query: unknown): Promise<LogframeView> {
    return this.queries.execute(new GetLogframe(parseQuery(EvaluationQuery, query)));
  }
}
