import { isRecordedTime } from '@jalon/projections';
import { z } from 'zod';
import { dateParam, wholeNumberParam } from '../http/validate.js';

/** A time in the `recordedAt` format, a real instant (CONTRACT.md, "Known at a time"). */
export const timeParam = z
  .string({ error: 'must be given once, as a time YYYY-MM-DDTHH:MM:SS.sssZ' })
  .refine(isRecordedTime, { error: 'must be a real instant written YYYY-MM-DDTHH:MM:SS.sssZ (UTC)' });

/** The query parameters of every indicator query and the logframe (CONTRACT.md, "Queries"). */
export const evaluationParams = {
  asOf: dateParam.optional().describe('business date YYYY-MM-DD (default: the project end)'),
  atPosition: wholeNumberParam.optional().describe('the log up to this position, 0 ≤ N ≤ head (default: the read models\' position)'),
  atTime: timeParam
    .optional()
    .describe('instead of atPosition: the log up to the highest position recorded at or before this time (0 when none)'),
  minPosition: wholeNumberParam.optional().describe('wait up to 5 s until the read models reach this position (N ≤ head)'),
};
export const EvaluationQuery = z.strictObject(evaluationParams);
export type EvaluationParams = z.output<typeof EvaluationQuery>;
export type KnownAtParams = Pick<EvaluationParams, 'atPosition' | 'atTime' | 'minPosition'>;
