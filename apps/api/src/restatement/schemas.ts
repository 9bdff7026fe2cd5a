import type { RestatementView } from '@jalon/contracts';
import { EVENT_TYPES, type EventType } from '@jalon/domain';
import { z } from 'zod';

/** The OpenAPI shape of GET /restatement, checked against the contracts type it answers. */

const figures = z.object({
  value: z.number().nullable(),
  target: z.number().nullable(),
  expected: z.number().nullable(),
  status: z.enum(['green', 'amber', 'red', 'no-data', 'no-target']),
});
const member = z.object({ before: z.number().nullable(), after: z.number().nullable() }).optional();

const change = z.object({
  position: z.int(),
  eventId: z.uuid(),
  type: z.enum(EVENT_TYPES as [EventType, ...EventType[]]),
  streamId: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  reason: z.string().optional().describe('the event\'s own reason: voids and target revisions'),
  value: member,
  target: member,
  expected: member,
});

export const RestatementViewSchema = z.object({
  asOf: z.iso.date(),
  since: z.int().describe('P: the position the figures were reported at'),
  position: z.int().describe('Q: the position compared'),
  indicators: z.array(
    z.object({
      code: z.string(),
      then: figures.describe('as of asOf, known at since'),
      now: figures.describe('as of asOf, known at position'),
      restated: z.boolean().describe('then and now differ in value, target or expected'),
      changes: z
        .array(change)
        .optional()
        .describe('per event in (since, position] and indicator, the members that differ from the event before; absent for a donor'),
    }),
  ),
}) satisfies z.ZodType<RestatementView>;
