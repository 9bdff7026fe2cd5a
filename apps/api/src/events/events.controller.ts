import { once } from 'node:events';
import { Controller, Get, HttpCode, Inject, Param, Post, Query as QueryParams, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { CommandAccepted, EventPage } from '@jalon/contracts';
import type { EventEnvelope } from '@jalon/event-store';
import type { Request, Response } from 'express';
import { ADMINS, LOG_READERS, Roles } from '../auth/roles.js';
import { CommandEndpoint } from '../commands/command-endpoint.js';
import { commandRequest } from '../commands/command-request.js';
import { RecordFact } from '../commands/record-fact.handler.js';
import { JsonBody } from '../http/json-body.decorator.js';
import { parseQuery } from '../http/validate.js';
import { ApiZodQuery, invalidResponse, problemResponse, schemaResponse } from '../openapi/responses.js';
import { EnvelopeSchema, EventPageSchema, ImportResultSchema } from '../openapi/schemas.js';
import { ExportLog } from './export.handler.js';
import { ImportLog } from './import.handler.js';
import type { ImportResult } from './import-ndjson.js';
import { ListEvents } from './list.handler.js';
import { EventsQuery, NoQuery } from './queries.js';
import { ReadAudit } from '../read-audit/read-audit.service.js';
import { ReadAudited } from '../read-audit/read-audited.js';

/**
 * Respects backpressure, so a slow client does not make the log pile up in memory; false when the
 * client has gone away.
 */
async function write(res: Response, chunk: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (res.write(chunk)) return true;
  await Promise.race([once(res, 'drain'), once(res, 'close')]);
  return !res.destroyed;
}

@ApiTags('events')
@Controller('api/v1/events')
export class EventsController {
  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReadAudit) private readonly readAudit: ReadAudit,
  ) {}

  @Get()
  @Roles(...LOG_READERS)
  @ApiOperation({
    summary: 'A page of the event log, in position order (or newest first), filtered',
    description:
      'Filters combine (all must hold). Keyset paging on position: pass `next` back as `after` (or, newest first, as `before`). ' +
      'Each successful answer is recorded in the read audit before it is sent.',
  })
  @ApiZodQuery(EventsQuery)
  @ApiOkResponse(
    schemaResponse(EventPageSchema, '`next` is the `after` (newest first: the `before`) of the following page, null at the end'),
  )
  @(invalidResponse())
  @ReadAudited()
  list(@QueryParams() query: unknown): Promise<EventPage<EventEnvelope>> {
    return this.queries.execute(new ListEvents(parseQuery(EventsQuery, query)));
  }

  @Get('export')
  @Roles(...LOG_READERS)
  @ApiOperation({ summary: 'The whole log as NDJSON, one envelope a line, in position order' })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse(schemaResponse(EnvelopeSchema, 'one envelope per line', 'application/x-ndjson'))
  @ApiServiceUnavailableResponse(problemResponse('the read audit could not record this read: no data sent (Retry-After)'))
  async export(@Req() req: Request, @QueryParams() query: unknown, @Res() res: Response): Promise<void> {
    parseQuery(NoQuery, query);
    const { caseEvents, lines } = await this.queries.execute(new ExportLog());
    // Streamed through @Res(), so recorded here rather than by @ReadAudited: before the first byte.
    await this.readAudit.record(req, caseEvents);
    res.status(200);
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="jalon-export.ndjson"');
    for await (const chunk of lines) {
      if (!(await write(res, chunk))) return;
    }
    res.end();
  }

  @Post('import')
  @HttpCode(201)
  @Roles(...ADMINS)
  @ApiOperation({
    summary: 'Restore an export into an empty store (admin)',
    description: 'The hash chain and every event are verified first; nothing is written on any failure.',
  })
  @ApiConsumes('application/x-ndjson')
  @ApiBody({ schema: { type: 'string', description: 'an export: NDJSON, one envelope a line' } })
  @ApiCreatedResponse(schemaResponse(ImportResultSchema, 'the number of events restored and the head'))
  @(invalidResponse('a broken chain or a bad event: `detail` and `position` name the first bad position'))
  @ApiConflictResponse(problemResponse('the store already holds events'))
  @ApiPayloadTooLargeResponse(problemResponse('the export is larger than 256 MiB'))
  importLog(@Req() req: Request, @QueryParams() query: unknown): Promise<ImportResult> {
    parseQuery(NoQuery, query);
    return this.commands.execute(new ImportLog(req));
  }

  @Post(':eventId/void')
  @CommandEndpoint('VoidEvent', 'Void a recorded event (a correction is a void plus a new record)')
  void(@Req() req: Request, @JsonBody() body: unknown, @Param('eventId') eventId: string): Promise<CommandAccepted> {
    return this.commands.execute(new RecordFact(commandRequest('VoidEvent', req, body, eventId)));
  }
}
