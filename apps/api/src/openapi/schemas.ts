import {
  ROLES,
  type BreakdownView,
  type CommandAccepted,
  type Health,
  type IndicatorsView,
  type LoginResponse,
  type LogframeView,
  type Me,
  type Problem,
  type ReadAuditPage,
  type Role,
  type SeriesView,
  type VerifyReport,
} from '@jalon/contracts';
import { DIMENSIONS, EVENT_SCHEMAS, EVENT_TYPES, type Dimension, type EventType } from '@jalon/domain';
import { z } from 'zod';

/**
 * Response shapes for the OpenAPI document. Each is checked by the compiler against the type of
 * libs/contracts that the API actually returns (`satisfies`), so the two cannot drift apart.
 */

const text = z.object({ fr: z.string(), en: z.string() });
const localizedText = text.extend({
  de: z.string().optional().describe('German, where the logframe has it (titles)'),
  ar: z.string().optional().describe('Arabic, where the logframe has it (titles)'),
});
const role = z.enum(ROLES as [Role, ...Role[]]);
const dimension = z.enum(DIMENSIONS as [Dimension, ...Dimension[]]);
const nullableNumber = z.number().nullable();
const targets = z.object({ 2014: z.number().optional(), 2015: z.number().optional(), 2016: z.number().optional() });
const head = z.object({ position: z.int(), hash: z.string() });

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
}) satisfies z.ZodType<Problem>;

export const LoginResponseSchema = z.object({
  token: z.string(),
  role,
  expiresAt: z.string(),
}) satisfies z.ZodType<LoginResponse>;

export const MeSchema = z.object({ username: z.string(), role }) satisfies z.ZodType<Me>;

export const CommandAcceptedSchema = z.object({
  eventIds: z.array(z.uuid()),
  position: z.int(),
}) satisfies z.ZodType<CommandAccepted>;

export const HealthSchema = z.object({ status: z.literal('ok'), position: z.int() }) satisfies z.ZodType<Health>;

const indicatorValue = z.object({
  code: z.string(),
  objective: z.string(),
  unit: z.enum(['count', 'percent']),
  value: nullableNumber,
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  baseline: z.number(),
  target: nullableNumber,
  expected: nullableNumber,
  status: z.enum(['green', 'amber', 'red', 'no-data', 'no-target']),
});

export const IndicatorsViewSchema = z.object({
  asOf: z.iso.date(),
  position: z.int(),
  indicators: z.array(indicatorValue),
}) satisfies z.ZodType<IndicatorsView>;

export const SeriesViewSchema = z.object({
  code: z.string(),
  asOf: z.iso.date(),
  position: z.int(),
  points: z.array(
    z.object({
      period: z.string(),
      start: z.iso.date(),
      end: z.iso.date(),
      value: nullableNumber,
      cumulative: nullableNumber,
      expected: nullableNumber,
    }),
  ),
}) satisfies z.ZodType<SeriesView>;

export const BreakdownViewSchema = z.object({
  code: z.string(),
  by: dimension,
  asOf: z.iso.date(),
  position: z.int(),
  withheld: z.boolean(),
  threshold: z.int().optional().describe('the small-cell threshold T in force, on a suppressed (donor) breakdown only'),
  cells: z.array(z.object({ key: z.string(), value: nullableNumber, suppressed: z.boolean() })),
}) satisfies z.ZodType<BreakdownView>;

export const LogframeViewSchema = z.object({
  asOf: z.iso.date(),
  position: z.int(),
  project: z.object({
    id: z.string(),
    title: localizedText,
    implementer: localizedText,
    donor: localizedText,
    country: z.string(),
    start: z.iso.date(),
    end: z.iso.date(),
    illustrativeTargets: z.boolean(),
    notice: localizedText,
    context: z.array(localizedText),
    demo: localizedText.optional(),
  }),
  objectives: z.array(z.object({ code: z.enum(['OS1', 'OS2', 'OS3']), title: localizedText, indicators: z.array(z.string()) })),
  activities: z.array(z.object({ code: z.enum(['A1', 'A2', 'A3', 'A4']), title: localizedText })),
  indicators: z.array(
    z.object({
      code: z.string(),
      objective: z.enum(['OS1', 'OS2', 'OS3']),
      activities: z.array(z.enum(['A1', 'A2', 'A3', 'A4'])),
      unit: z.enum(['count', 'percent']),
      sensitive: z.boolean(),
      title: localizedText,
      computedAs: localizedText,
      baseline: z.number(),
      targets,
      breakdowns: z.array(dimension),
    }),
  ),
}) satisfies z.ZodType<LogframeView>;

/** An envelope (DOMAIN.md): `data` is one of the domain's event schemas. */
export const EnvelopeSchema = z.object({
  position: z.int(),
  eventId: z.uuid(),
  type: z.enum(EVENT_TYPES as [EventType, ...EventType[]]),
  streamId: z.string(),
  revision: z.int(),
  data: z.union(Object.values(EVENT_SCHEMAS)),
  metadata: z.object({
    recordedAt: z.string(),
    recordedBy: z.string(),
    commandId: z.string().optional(),
    schemaVersion: z.int(),
  }),
  hash: z.string(),
});

export const EventPageSchema = z.object({ events: z.array(EnvelopeSchema), next: z.int().nullable() });

export const VerifyReportSchema = z.object({
  ok: z.boolean(),
  events: z.int(),
  head,
  firstBadPosition: z.int().nullable(),
  expectHead: z
    .object({ hash: z.string(), found: z.boolean(), position: z.int().nullable() })
    .optional()
    .describe('when `expectHead` was asked: whether an event with that hash is in the intact chain, and where'),
}) satisfies z.ZodType<VerifyReport>;

export const ImportResultSchema = z.object({ events: z.int(), head });

export const ReadAuditPageSchema = z.object({
  reads: z.array(
    z.object({
      id: z.int(),
      at: z.string(),
      username: z.string(),
      role,
      method: z.string(),
      path: z.string(),
      query: z.record(z.string(), z.string()),
      status: z.int(),
      caseEvents: z.int(),
    }),
  ),
  next: z.int().nullable(),
}) satisfies z.ZodType<ReadAuditPage>;
