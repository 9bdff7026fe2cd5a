import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RestatementView } from '@jalon/contracts';
import { CurrentUser, type Principal } from '../auth/principal.js';
import { EVERYONE, Roles } from '../auth/roles.js';
import { parseQuery } from '../http/validate.js';
import { ReadAudited } from '../read-audit/read-audited.js';
import { ApiZodQuery, invalidResponse, notReadyResponse, schemaResponse } from '../openapi/responses.js';
import { RestatementQuery } from './queries.js';
import { GetRestatement } from './restatement.handler.js';
import { RestatementViewSchema } from './schemas.js';

/** Whether an answer carries the event list, and so goes into the read audit: a donor's never does. */
export const carriesEvents = (view: RestatementView): boolean => view.indicators.some((i) => i.changes !== undefined);

@ApiTags('restatement')
@Controller('api/v1/restatement')
export class RestatementController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @Roles(...EVERYONE)
  // CONTRACT.md, "Read audit": an answer with `changes` (anyone but a donor) names events, so it
  // is recorded durably before it is sent (503, no data, when it cannot be), even when no event
  // changed anything: who looked at the history is what an auditor asks.
  @ReadAudited({ recordIf: carriesEvents })
  @ApiOperation({
    summary: 'What changed in each indicator since a figure was reported, and which events changed it',
    description:
      '"then" is the evaluation as of asOf known at since (or sinceTime), "now" the same known at position ' +
      '(atPosition, atTime, default the read models\' position); since after position is a 400. ' +
      'A donor gets then and now without `changes`.',
  })
  @ApiZodQuery(RestatementQuery)
  @ApiOkResponse(schemaResponse(RestatementViewSchema, 'all 13 indicators in logframe order'))
  @(invalidResponse())
  @(notReadyResponse())
  get(@QueryParams() query: unknown, @CurrentUser() user: Principal): Promise<RestatementView> {
    return this.queries.execute(new GetRestatement(parseQuery(RestatementQuery, query), user.role === 'donor'));
  }
}

