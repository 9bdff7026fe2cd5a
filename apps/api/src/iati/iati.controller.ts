import { Controller, Get, Inject, Query as QueryParams, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PROJECT_END } from '@jalon/domain';
import { EVENT_STORE, GENESIS_HASH, type EventStore } from '@jalon/event-store';
import { iatiResults } from '@jalon/projections';
import type { Response } from 'express';
import { z } from 'zod';
import { EVERYONE, Roles } from '../auth/roles.js';
import type { Config } from '../config.js';
import { dateParam, parseQuery } from '../http/validate.js';
import { ApiZodQuery, invalidResponse, notReadyResponse } from '../openapi/responses.js';
import { Projector } from '../projection/projector.js';
import { CONFIG } from '../runtime.js';
import { eventAt } from '../exports/log-hash.js';

const IatiQuery = z.strictObject({
  asOf: dateParam.optional().describe('business date YYYY-MM-DD (default: the project end)'),
});

@ApiTags('exports')
@Controller('api/v1/iati')
export class IatiController {
  constructor(
    @Inject(Projector) private readonly projector: Projector,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Get()
  @Roles(...EVERYONE)
  @ApiOperation({
    summary: 'The project as an IATI 2.03 activity file (donor-safe)',
    description:
      'A result per objective, an indicator per indicator with its baseline, and a period per project year that starts on or before asOf, with the target in effect and the actual value; breakdown cells only for indicators that count no victims.',
  })
  @ApiZodQuery(IatiQuery)
  @ApiProduces('application/xml')
  @ApiOkResponse({ description: 'an iati-activities document, valid against the IATI 2.03 schema' })
  @(invalidResponse())
  @(notReadyResponse())
  async iati(@QueryParams() query: unknown, @Res() res: Response): Promise<void> {
    const asOf = parseQuery(IatiQuery, query).asOf ?? PROJECT_END;
    const position = this.projector.position;
    const last = await eventAt(this.store, position);
    const { iatiXml } = await import('./iati-xml.js'); // xmlbuilder2 loads on first use
    const now = new Date().toISOString();
    const xml = iatiXml({
      ids: this.config.iati,
      asOf,
      generatedAt: now,
      lastUpdatedAt: last?.metadata.recordedAt ?? now,
      results: iatiResults(this.projector.engine, asOf, position),
    });
    res.setHeader('Content-Type', 'application/xml; charset=utf-8');
    res.setHeader('Jalon-Position', String(position));
    res.setHeader('Jalon-Hash', last?.hash ?? GENESIS_HASH);
    res.end(xml);
  }
}
