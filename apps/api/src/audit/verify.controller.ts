import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { VerifyReport } from '@jalon/contracts';
import { LOG_READERS, Roles } from '../auth/roles.js';
import { NoQuery } from '../events/queries.js';
import { parseQuery } from '../http/validate.js';
import { schemaResponse } from '../openapi/responses.js';
import { VerifyReportSchema } from '../openapi/schemas.js';
import { VerifyLog } from './verify.handler.js';

@ApiTags('audit')
@Controller('api/v1/audit')
export class VerifyController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('verify')
  @Roles(...LOG_READERS)
  @ApiOperation({ summary: "Verify the log's hash chain" })
  @ApiOkResponse(schemaResponse(VerifyReportSchema, '`firstBadPosition` is null when the chain is intact'))
  verify(@QueryParams() query: unknown): Promise<VerifyReport> {
    parseQuery(NoQuery, query);
    return this.queries.execute(new VerifyLog());
  }
}
