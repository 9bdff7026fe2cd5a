import { z } from 'zod';

export const VerifyQuery = z.strictObject({
  expectHead: z
    .string({ error: 'must be given once' })
    .regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 hash: 64 lowercase hexadecimal characters' })
    .optional()
    .describe('a hash from an old report or export: the answer says whether an event with it is in the intact chain'),
});
export type VerifyParams = z.output<typeof VerifyQuery>;
