import { DIMENSIONS, findIndicator, type Dimension, type IndicatorDefinition } from '@jalon/domain';
import { z } from 'zod';
import { notFound } from '../http/problem.js';
import { enumParam } from '../http/validate.js';
import { EvaluationQuery, evaluationParams } from '../projection/evaluation-query.js';

export const IndicatorsQuery = EvaluationQuery;

export const SeriesQuery = z.strictObject({
  ...evaluationParams,
  period: enumParam(['quarter', 'year']).default('quarter').describe('calendar quarters or years (default quarter)'),
});
export type SeriesParams = z.output<typeof SeriesQuery>;

export const BreakdownQuery = z.strictObject({
  ...evaluationParams,
  by: enumParam(DIMENSIONS as [Dimension, ...Dimension[]]).describe("one of the indicator's breakdown dimensions"),
});
export type BreakdownParams = z.output<typeof BreakdownQuery>;

export function indicatorOr404(code: string): IndicatorDefinition {
  const def = findIndicator(code);
  if (!def) throw notFound(`no indicator ${code} in the logframe`);
  return def;
}
