import { z } from 'zod';
import { wholeNumberParam } from '../http/validate.js';
import { evaluationParams, timeParam } from '../projection/evaluation-query.js';

/** CONTRACT.md, "Restatement": since or sinceTime (one of them), then the evaluation's own parameters. */
export const RestatementQuery = z.strictObject({
  since: wholeNumberParam.optional().describe('P, the position the figures were reported at (or sinceTime)'),
  sinceTime: timeParam
    .optional()
    .describe('instead of since: P is the highest position recorded at or before this time (0 when none)'),
  ...evaluationParams,
});
export type RestatementParams = z.output<typeof RestatementQuery>;
