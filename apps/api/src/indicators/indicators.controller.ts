import { Controller, Get, Inject, Param, Post, Query as QueryParams, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { BreakdownView, CommandAccepted, IndicatorsView, SeriesView } from '@jalon/contracts';
import type { Request, Response } from 'express';
import { CurrentUser, type Principal } from '../auth/principal.js';
import { EVERYONE, Roles } from '../auth/roles.js';
import { CommandEndpoint } from '../commands/command-endpoint.js';
import { commandRequest } from '../commands/command-request.js';
import { RecordFact } from '../commands/record-fact.handler.js';
import { JsonBody } from '../http/json-body.decorator.js';
import { parseQuery } from '../http/validate.js';
import { ApiZodQuery, invalidResponse, notReadyResponse, schemaResponse, unknownResponse } from '../openapi/responses.js';
import { BreakdownViewSchema, IndicatorsViewSchema, SeriesViewSchema } from '../openapi/schemas.js';
import { GetBreakdown } from './breakdown.handler.js';
import { GetIndicators, GetSeries } from './indicators.handler.js';
import { BreakdownQuery, IndicatorsQuery, SeriesQuery } from './queries.js';
import { asJson, matchesEtag } from './view-cache.js';

@ApiTags('indicators')
@Controller('api/v1/indicators')
export class IndicatorsController {
  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(CommandBus) private readonly commands: CommandBus,
  ) {}

  @Get()
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'Every indicator as of a business date, known at a log position' })
  @ApiZodQuery(IndicatorsQuery)
  @ApiOkResponse(schemaResponse(IndicatorsViewSchema, 'the indicators, with the asOf and position used'))
  @(invalidResponse())
  @(notReadyResponse())
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'the ETag of an earlier answer: 304 without a body while it is still the answer' })
  @ApiResponse({ status: 304, description: 'not modified: the view is still the one of the ETag given' })
  async list(@QueryParams() query: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const view: IndicatorsView = await this.queries.execute(new GetIndicators(parseQuery(IndicatorsQuery, query)));
    // The same view is written to JSON once; a client that holds it gets a 304.
    const { body, etag } = asJson(view);
    res.setHeader('ETag', etag);
    if (matchesEtag(req.headers['if-none-match'], etag)) res.status(304).end();
    else res.type('application/json').send(body);
  }

  @Get(':code/series')
  @Roles(...EVERYONE)
  @ApiOperation({ summary: "An indicator's series by quarter or year" })
  @ApiZodQuery(SeriesQuery)
  @ApiOkResponse(schemaResponse(SeriesViewSchema, 'one point per period'))
  @(invalidResponse())
  @(unknownResponse('no indicator with this code'))
  @(notReadyResponse())
  series(@Param('code') code: string, @QueryParams() query: unknown): Promise<SeriesView> {
    return this.queries.execute(new GetSeries(code, parseQuery(SeriesQuery, query)));
  }

  @Get(':code/breakdown')
  @Roles(...EVERYONE)
  @ApiOperation({
    summary: "An indicator's breakdown by one dimension",
    description: "A donor's breakdowns of victim-related indicators are suppressed (DOMAIN.md): as of the last quarter end, at the head.",
  })
  @ApiZodQuery(BreakdownQuery)
  @ApiOkResponse(schemaResponse(BreakdownViewSchema, 'the non-zero cells, largest first'))
  @(invalidResponse())
  @(unknownResponse('no indicator with this code'))
  @(notReadyResponse())
  breakdown(
    @Param('code') code: string,
    @QueryParams() query: unknown,
    @CurrentUser() user: Principal,
  ): Promise<BreakdownView> {
    return this.queries.execute(new GetBreakdown(code, parseQuery(BreakdownQuery, query), user.role === 'donor'));
  }

  @Post(':code/targets')
  @CommandEndpoint('SetTarget', "Revise one year's target of an indicator")
  setTarget(@Req() req: Request, @JsonBody() body: unknown, @Param('code') code: string): Promise<CommandAccepted> {
    return this.commands.execute(new RecordFact(commandRequest('SetTarget', req, body, code)));
  }
}
