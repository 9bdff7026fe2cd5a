import { z } from 'zod';
import { identifier } from '@jalon/domain';
import { wholeNumberParam } from '../http/validate.js';

export const ReadsQuery = z.strictObject({
  after: wholeNumberParam.optional().describe('records after this id (default 0)'),
  limit: wholeNumberParam
    .refine((n) => n >= 1 && n <= 1000, { error: 'must be from 1 to 1000' })
    .optional()
    .describe('at most this many records, 1-1000 (default 100)'),
  username: identifier.optional().describe("only this user's reads (names compare without regard to case)"),
});
export type ReadsParams = z.output<typeof ReadsQuery>;
