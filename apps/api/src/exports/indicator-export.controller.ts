import { Controller, Get, Inject, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { IndicatorsView } from '@jalon/contracts';
import { projectText } from '@jalon/domain';
import { EVENT_STORE, type EventStore } from '@jalon/event-store';
import { indicatorTable } from '@jalon/projections';
import type { Response } from 'express';
import { EVERYONE, Roles } from '../auth/roles.js';
import { parseQuery } from '../http/validate.js';
import { GetIndicators } from '../indicators/indicators.handler.js';
import { ApiZodQuery, invalidResponse, notReadyResponse } from '../openapi/responses.js';
import { IndicatorExportQuery } from './export-queries.js';
import { hashAt } from './log-hash.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('exports')
@Controller('api/v1/indicators')
export class IndicatorExportController {
  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('export')
  @Roles(...EVERYONE)
  @ApiOperation({
    summary: 'The indicator table as CSV or XLSX (donor-safe)',
    description:
      'One row per indicator in logframe order. `Jalon-Position` and `Jalon-Hash` name the log position the table stands on and the hash of that event.',
  })
  @ApiZodQuery(IndicatorExportQuery)
  @ApiProduces('text/csv', XLSX)
  @ApiOkResponse({ description: 'an attachment: the table (XLSX: and a sheet with the project, asOf, position and hash)' })
  @(invalidResponse())
  @(notReadyResponse())
  async export(@QueryParams() query: unknown, @Res() res: Response): Promise<void> {
    const { format, lang, ...evaluation } = parseQuery(IndicatorExportQuery, query);
    const view: IndicatorsView = await this.queries.execute(new GetIndicators(evaluation));
    const hash = await hashAt(this.store, view.position);
    const rows = indicatorTable(view, lang);
    const { indicatorCsv, indicatorXlsx } = await import('./table-files.js'); // loaded on first use
    const body =
      format === 'csv'
        ? indicatorCsv(rows)
        : await indicatorXlsx(rows, lang, { project: projectText('title', lang), asOf: view.asOf, position: view.position, hash });
    const name = `jalon-indicators-${view.asOf}-p${view.position}.${format}`;
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX);
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.setHeader('Jalon-Position', String(view.position));
    res.setHeader('Jalon-Hash', hash);
    res.end(body);
  }
}
