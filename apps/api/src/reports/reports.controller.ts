import { Controller, Get, Inject, Query as QueryParams, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@jalon/event-store';
import { donorReport, donorReportDocument, findReportPeriod, REPORT_LANGS, reportPeriods, type ReportLang } from '@jalon/projections';
import type { Response } from 'express';
import { z } from 'zod';
import { EVERYONE, Roles } from '../auth/roles.js';
import type { Config } from '../config.js';
import { hashAt } from '../exports/log-hash.js';
import { enumParam, parseQuery } from '../http/validate.js';
import { ApiZodQuery, invalidResponse, notReadyResponse } from '../openapi/responses.js';
import { ReadModelGate } from '../projection/read-model-gate.js';
import { evaluationParams } from '../projection/evaluation-query.js';
import { Projector } from '../projection/projector.js';
import { CONFIG } from '../runtime.js';

const PERIODS = reportPeriods().map((p) => p.period) as [string, ...string[]];
const { asOf: _asOf, ...positions } = evaluationParams;

const DonorReportQuery = z.strictObject({
  ...positions,
  period: enumParam(PERIODS).describe('a project year (2015), a quarter (2015-Q3) or the whole project (project)'),
  lang: enumParam(REPORT_LANGS as [ReportLang, ...ReportLang[]]).default('fr').describe('fr (default), en or de'),
  format: enumParam(['pdf', 'html']).default('pdf').describe('pdf (default) or html'),
});

@ApiTags('exports')
@Controller('api/v1/reports')
export class ReportsController {
  constructor(
    @Inject(Projector) private readonly projector: Projector,
    @Inject(ReadModelGate) private readonly gate: ReadModelGate,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Get('donor')
  @Roles(...EVERYONE)
  @ApiOperation({
    summary: 'The donor report for a year, a quarter or the whole project (PDF or HTML)',
    description:
      "As of the period's last day (clipped to the project): per objective its indicators, a chart and the breakdowns, victim-related ones suppressed as for a donor whoever asks; the log position and hash on every page.",
  })
  @ApiZodQuery(DonorReportQuery)
  @ApiProduces('application/pdf', 'text/html')
  @ApiOkResponse({ description: 'the report' })
  @(invalidResponse())
  @(notReadyResponse())
  async donor(@QueryParams() query: unknown, @Res() res: Response): Promise<void> {
    const { period, lang, format, ...at } = parseQuery(DonorReportQuery, query);
    await this.gate.check(at);
    await this.gate.ready(at);
    const position = this.gate.atPosition(at) ?? this.projector.position;
    const report = donorReport(this.projector.engine, findReportPeriod(period)!, position, this.config.smallCellThreshold);
    const hash = await hashAt(this.store, position);
    const doc = donorReportDocument(report, { lang, hash, demo: this.projector.holdsDemo, threshold: this.config.smallCellThreshold });
    res.setHeader('Jalon-Position', String(position));
    res.setHeader('Jalon-Hash', hash);
    // ECharts and PDFKit load on the first report, not at start-up.
    const { reportHtml } = await import('./report-html.js');
    const { reportPdf } = await import('./report-pdf.js');
    if (format === 'html') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(reportHtml(doc));
      return;
    }
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="jalon-donor-report-${period}-${lang}.pdf"`);
    res.end(await reportPdf(doc));
  }
}
