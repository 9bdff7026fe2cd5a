import { LANGS, type Lang } from '@jalon/domain';
import { z } from 'zod';
import { enumParam } from '../http/validate.js';
import { evaluationParams } from '../projection/evaluation-query.js';

const langParam = enumParam(LANGS as [Lang, ...Lang[]]).default('fr').describe('language of the texts and headers (default fr)');

export const IndicatorExportQuery = z.strictObject({
  ...evaluationParams,
  format: enumParam(['csv', 'xlsx']).describe('csv (RFC 4180, UTF-8 with a BOM) or xlsx'),
  lang: langParam,
});
export type IndicatorExportParams = z.output<typeof IndicatorExportQuery>;
