import { EVENT_TYPES, type EventType } from '@jalon/domain';
import { z } from 'zod';
import { dateParam, enumParam, wholeNumberParam } from '../http/validate.js';

const RECORDED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A real instant written exactly as `recordedAt` is (YYYY-MM-DDTHH:MM:SS.sssZ). */
const timeParam = z
  .string({ error: 'must be given once, as a time YYYY-MM-DDTHH:MM:SS.sssZ' })
  .refine((t) => RECORDED_AT.test(t) && !Number.isNaN(Date.parse(t)) && new Date(t).toISOString() === t, {
    error: 'must be a real UTC time written YYYY-MM-DDTHH:MM:SS.sssZ',
  });

/** One or several event types, comma separated: the query stays an object of strings. */
const typesParam = z
  .string({ error: 'must be given once: several types are separated by commas' })
  .transform((value) => [...new Set(value.split(','))])
  .refine((types) => types.every((type) => (EVENT_TYPES as readonly string[]).includes(type)), {
    error: `must be event types separated by commas, each one of: ${EVENT_TYPES.join(', ')}`,
  })
  .transform((types) => types as EventType[]);

export const EventsQuery = z
  .strictObject({
    after: wholeNumberParam.optional().describe('events after this position (default 0)'),
    before: wholeNumberParam.optional().describe('events before this position (default: up to the head)'),
    limit: wholeNumberParam
      .refine((n) => n >= 1 && n <= 1000, { error: 'must be from 1 to 1000' })
      .optional()
      .describe('at most this many events, 1-1000 (default 100)'),
    order: enumParam(['asc', 'desc'] as const)
      .optional()
      .describe('asc (default): oldest first, `next` is the `after` of the following page; desc: newest first, `next` is its `before`'),
    type: typesParam.optional().describe('only events of this type, or of any of several separated by commas (TrainingHeld,CsoMapped)'),
    stream: z
      .string({ error: 'must be given once' })
      .min(1, { error: 'must not be empty' })
      .max(200, { error: 'must be at most 200 characters' })
      .optional()
      .describe('only events of this stream, such as cso-CSO-001'),
    recordedBy: z
      .string({ error: 'must be given once' })
      .min(1, { error: 'must not be empty' })
      .max(200, { error: 'must be at most 200 characters' })
      .optional()
      .describe('only events recorded by this user (metadata.recordedBy, exactly)'),
    recordedFrom: timeParam.optional().describe('only events recorded at or after this time (metadata.recordedAt format)'),
    recordedTo: timeParam.optional().describe('only events recorded at or before this time (metadata.recordedAt format)'),
    from: dateParam
      .optional()
      .describe('only events whose business date (mappedOn, heldOn, identifiedOn…) is on or after this date; target revisions and voids have none and are left out'),
    to: dateParam.optional().describe('only events whose business date is on or before this date; target revisions and voids are left out'),
  })
  .superRefine((q, ctx) => {
    if (q.from !== undefined && q.to !== undefined && q.from > q.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    if (q.recordedFrom !== undefined && q.recordedTo !== undefined && q.recordedFrom > q.recordedTo)
      ctx.addIssue({ code: 'custom', path: ['recordedTo'], message: 'must not be before recordedFrom' });
  });
export type EventsParams = z.output<typeof EventsQuery>;

/** Export and verification take no parameters: anything given is refused, not ignored. */
export const NoQuery = z.strictObject({});
