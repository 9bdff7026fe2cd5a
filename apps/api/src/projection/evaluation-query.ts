import { z } from 'zod';
import { dateParam, wholeNumberParam } from '../http/validate.js';

/** The query parameters of every indicator query and the logframe (CONTRACT.md, "Queries"). */
export const evaluationParams = {
  asOf: dateParam.optional().describe('business date YYYY-MM-DD (default: the project end)'),
  atPosition: wholeNumberParam.optional().describe('the log up to this position, 0 ≤ N ≤ head (default: the read models\' position)'),
  minPosition: wholeNumberParam.optional().describe('wait up to 5 s until the read models reach this position (N ≤ head)'),
};
export const EvaluationQuery = z.strictObject(evaluationParams);
export type EvaluationParams = z.output<typeof EvaluationQuery>;
