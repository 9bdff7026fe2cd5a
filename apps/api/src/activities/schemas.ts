import type { CaseActivity, CsoActivity, TrainingActivity } from '@jalon/contracts';
import { AUDIENCES, CLOSURE_REASONS, REGIONS } from '@jalon/domain';
import { SCORE_AREAS } from '@jalon/projections';
import { z } from 'zod';

/** The activities' answers for the OpenAPI document, checked against the types the API returns. */
const count = z.int().min(0);

export const CsoActivitySchema = z.object({
  asOf: z.iso.date(),
  position: z.int(),
  regions: z.array(z.object({ region: z.enum(REGIONS), mapped: count, assessed: count, agreements: count })),
  scores: z.array(
    z.object({
      area: z.enum(SCORE_AREAS as [(typeof SCORE_AREAS)[number], ...(typeof SCORE_AREAS)[number][]]),
      counts: z.array(count).length(4).describe('CSOs scoring 1, 2, 3, 4 (latest assessment)'),
      average: z.number().nullable(),
    }),
  ),
}) satisfies z.ZodType<CsoActivity>;

export const TrainingActivitySchema = z.object({
  asOf: z.iso.date(),
  position: z.int(),
  detailed: z.boolean().describe('false for a donor: rows group trainings by quarter, audience and region'),
  rows: z.array(
    z.object({
      trainingId: z.string().optional(),
      heldOn: z.iso.date().optional(),
      topic: z.string().optional(),
      quarter: z.string(),
      audience: z.enum(AUDIENCES),
      region: z.enum(REGIONS),
      trainings: count,
      female: count,
      male: count,
      tested: count,
      improved: count,
    }),
  ),
  totals: z.object({ trainings: count, female: count, male: count, tested: count, improved: count }),
}) satisfies z.ZodType<TrainingActivity>;

export const CaseActivitySchema = z.object({
  asOf: z.iso.date(),
  position: z.int(),
  funnel: z.object({ identified: count, assisted: count, returned: count, reintegrated: count }),
  closures: z.array(z.object({ reason: z.enum(CLOSURE_REASONS), count })).optional().describe('absent for a donor'),
}) satisfies z.ZodType<CaseActivity>;
