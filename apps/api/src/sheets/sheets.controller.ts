import { Controller, Get, HttpCode, Inject, Param, Post, Query as QueryParams, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SHEET_KINDS, type SheetKind } from '@jalon/domain';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { principalOf } from '../auth/principal.js';
import { RECORDERS, Roles } from '../auth/roles.js';
import { isValidIdempotencyKey } from '../commands/fingerprint.js';
import { invalidInput, tooLarge } from '../http/problem.js';
import { enumParam, parseQuery } from '../http/validate.js';
import { ApiZodQuery, invalidResponse, problemResponse } from '../openapi/responses.js';
import { sheetFormatOf, SHEET_LIMITS, XLSX_TYPE } from './sheet-format.js';
import { SheetImport, type SheetAccepted, type SheetReport } from './sheet-import.js';

const KindParam = z.strictObject({ kind: enumParam(SHEET_KINDS as [SheetKind, ...SheetKind[]]) });
const TemplateQuery = z.strictObject({
  format: enumParam(['csv', 'xlsx']).default('xlsx').describe('xlsx (default, with a sheet explaining each column) or csv'),
  lang: enumParam(['fr', 'en']).default('fr').describe('language of the headers (default fr)'),
});
const ImportQuery = z.strictObject({
  dryRun: enumParam(['true', 'false']).default('false').describe('true: report every row and append nothing'),
});

@ApiTags('sheets')
@Controller('api/v1/sheets')
export class SheetsController {
  constructor(@Inject(SheetImport) private readonly sheets: SheetImport) {}

  @Get(':kind/template')
  @Roles(...RECORDERS)
  @ApiOperation({ summary: "An empty sheet of a kind, with its headers (XLSX: and a sheet explaining each column)" })
  @ApiZodQuery(TemplateQuery)
  @ApiProduces('text/csv', XLSX_TYPE)
  @ApiOkResponse({ description: 'an attachment' })
  @(invalidResponse())
  async template(@Param('kind') kind: string, @QueryParams() query: unknown, @Res() res: Response): Promise<void> {
    const sheet = parseQuery(KindParam, { kind }).kind;
    const { format, lang } = parseQuery(TemplateQuery, query);
    const { csvTemplate, xlsxTemplate } = await import('./sheet-templates.js');
    const body = format === 'csv' ? csvTemplate(sheet, lang) : await xlsxTemplate(sheet, lang);
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="jalon-${sheet}-${lang}.${format}"`);
    res.end(body);
  }

  @Post(':kind')
  @HttpCode(201)
  @Roles(...RECORDERS)
  @ApiOperation({
    summary: 'Record a whole sheet (CSV or XLSX): every row or none',
    description:
      'Rows are decided in order, each against the state the rows above it leave. With dryRun=true: 200 and the row report, nothing appended. Without: 201 when every row is valid, all appended atomically; else 400 whose errors name row, column, path and message.',
  })
  @ApiZodQuery(ImportQuery)
  @ApiConsumes('text/csv', XLSX_TYPE)
  @ApiBody({ schema: { type: 'string', format: 'binary' }, description: 'the sheet, up to 10 MiB: the header is row 1' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'as for commands; the body’s SHA-256 stands for its canonical JSON' })
  @ApiOkResponse({ description: 'dry run: {kind, rows, valid, errors: [{row, column, message}]}' })
  @ApiCreatedResponse({ description: '{kind, rows, eventIds, position}' })
  @(invalidResponse('not a CSV or XLSX file, or rows with errors: `errors` name row, column, path and message'))
  @ApiPayloadTooLargeResponse(problemResponse('over 10 MiB, over 100,000 rows, or an XLSX inflating past 50 MiB'))
  async import(@Param('kind') kind: string, @QueryParams() query: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SheetReport | SheetAccepted> {
    const errors = [];
    const sheetKind = KindParam.safeParse({ kind });
    const params = ImportQuery.safeParse(query ?? {});
    const format = sheetFormatOf(req.headers['content-type']);
    const key = req.headers['idempotency-key'];
    if (!sheetKind.success) errors.push({ path: '/kind', message: `must be one of: ${SHEET_KINDS.join(', ')}` });
    if (!params.success) errors.push({ path: '/dryRun', message: 'must be true or false, the only query parameter' });
    if (!format) errors.push({ path: '', message: `must be sent as Content-Type: text/csv or ${XLSX_TYPE}` });
    if (key !== undefined && (Array.isArray(key) || !isValidIdempotencyKey(key))) errors.push({ path: '', message: 'Idempotency-Key must be 1-200 printable ASCII characters' });
    const body = await readBody(req);
    if (errors.length > 0) throw invalidInput(errors, 'invalid sheet request');
    const request = { kind: sheetKind.data!.kind, format: format!, body, username: principalOf(req)!.username, dryRun: params.data!.dryRun === 'true', ...(typeof key === 'string' ? { key } : {}) };
    if (request.dryRun) {
      res.status(200);
      return this.sheets.dryRun(request);
    }
    return this.sheets.commit(request);
  }
}

/** The raw body, up to the sheets' limit; past it the rest is read and dropped so the client hears 413. */
async function readBody(req: Request): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= SHEET_LIMITS.bodyBytes) chunks.push(chunk);
  }
  if (size > SHEET_LIMITS.bodyBytes) throw tooLarge('the sheet is larger than 10 MiB: split it');
  return Buffer.concat(chunks);
}
