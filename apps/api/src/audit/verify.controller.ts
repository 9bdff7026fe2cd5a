import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { VerifyReport } from '@jalon/contracts';
import { LOG_READERS, Roles } from '../auth/roles.js';
import { parseQuery } from '../http/validate.js';
import { ApiZodQuery, invalidResponse, schemaResponse } from '../openapi/responses.js';
import { VerifyQuery } from './queries.js';
import { VerifyReportSchema } from '../openapi/schemas.js';
import { VerifyLog } from './verify.handler.js';

@ApiTags('audit')
@Controller('api/v1/audit')
export class VerifyController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('verify')
  @Roles(...LOG_READERS)
  @ApiOperation({
    summary: "Verify the log's hash chain",
    description: 'With `expectHead`, also whether an event with that hash is in the intact chain (as `jalon verify --expect-head`).',
  })
  @ApiZodQuery(VerifyQuery)
  @ApiOkResponse(schemaResponse(VerifyReportSchema, '`firstBadPosition` is null when the chain is intact'))
  @(invalidResponse())
  verify(@QueryParams() query: unknown): Promise<VerifyReport> {
    const { expectHead } = parseQuery(VerifyQuery, query);
    return this.queries.execute(new VerifyLog(expectHead));
  }
}
