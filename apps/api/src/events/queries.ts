import { EVENT_TYPES, type EventType } from '@jalon/domain';
import { z } from 'zod';
import { enumParam, wholeNumberParam } from '../http/validate.js';

export const EventsQuery = z.strictObject({
  after: wholeNumberParam.optional().describe('events after this position (default 0)'),
  limit: wholeNumberParam
    .refine((n) => n >= 1 && n <= 1000, { error: 'must be from 1 to 1000' })
    .optional()
    .describe('at most this many events, 1-1000 (default 100)'),
  type: enumParam(EVENT_TYPES as [EventType, ...EventType[]]).optional().describe('only events of this type'),
  stream: z
    .string({ error: 'must be given once' })
    .min(1, { error: 'must not be empty' })
    .max(200, { error: 'must be at most 200 characters' })
    .optional()
    .describe('only events of this stream, such as cso-CSO-001'),
});
export type EventsParams = z.output<typeof EventsQuery>;

/** Export and verification take no parameters: anything given is refused, not ignored. */
export const NoQuery = z.strictObject({});
