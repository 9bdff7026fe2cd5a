import { z } from 'zod';
import {
  AGE_GROUPS,
  ASSISTANCE_TYPES,
  AUDIENCES,
  CLOSURE_REASONS,
  CSO_DOMAINS,
  EXPLOITATION_TYPES,
  REFERRERS,
  REGIONS,
  SEXES,
} from './vocabulary.js';
import { countryCode, identifier, oneOf, projectDate, score, text, uuid, wholeNumber } from './fields.js';

/**
 * Every event's `data`, as DOMAIN.md lists it. All objects are strict: an unknown field is
 * refused, so a victim's name has nowhere to go.
 */

export const CsoMapped = z.strictObject({
  csoId: identifier,
  name: text,
  region: oneOf(REGIONS),
  city: text.optional(),
  domains: z
    .array(oneOf(CSO_DOMAINS), { error: 'must be a list' })
    .min(1, { error: 'must name at least one domain' })
    .refine((d) => new Set(d).size === d.length, {
      error: 'must not repeat a domain',
      when: ({ value }) => Array.isArray(value), // also beside a bad domain: errors come together
    }),
  mappedOn: projectDate,
});

export const CsoCapacityAssessed = z.strictObject({
  csoId: identifier,
  assessedOn: projectDate,
  scores: z.strictObject({
    governance: score,
    finance: score,
    humanResources: score,
    programme: score,
    protection: score,
  }),
});

export const PartnershipAgreementSigned = z.strictObject({
  csoId: identifier,
  signedOn: projectDate,
  agreementRef: text,
});

const participants = z
  .strictObject({ female: wholeNumber, male: wholeNumber })
  .refine((p) => p.female + p.male >= 1, { error: 'must count at least one participant' });

const knowledgeTest = z
  .strictObject({ tested: wholeNumber, improved: wholeNumber })
  .refine((t) => t.improved <= t.tested, {
    error: 'improved must not exceed tested',
    path: ['improved'],
  });

const isCount = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;

export const TrainingHeld = z
  .strictObject({
    trainingId: identifier,
    heldOn: projectDate,
    audience: oneOf(AUDIENCES),
    topic: text,
    region: oneOf(REGIONS),
    participants,
    knowledgeTest: knowledgeTest.optional(),
  })
  .refine((t) => !t.knowledgeTest || t.knowledgeTest.tested <= t.participants.female + t.participants.male, {
    error: 'tested must not exceed the participants (female + male)',
    path: ['knowledgeTest', 'tested'],
    // Zod skips this check when any other field is bad; run it whenever the three numbers it
    // compares are themselves valid, so that every error is reported together.
    when: ({ value }) => {
      const t = value as { participants?: { female?: unknown; male?: unknown }; knowledgeTest?: { tested?: unknown } };
      return isCount(t?.participants?.female) && isCount(t?.participants?.male) && isCount(t?.knowledgeTest?.tested);
    },
  });

export const VictimIdentified = z.strictObject({
  caseId: identifier,
  identifiedOn: projectDate,
  sex: oneOf(SEXES),
  ageGroup: oneOf(AGE_GROUPS),
  nationality: countryCode,
  exploitationType: oneOf(EXPLOITATION_TYPES),
  referredBy: oneOf(REFERRERS),
});

export const AssistanceProvided = z.strictObject({
  caseId: identifier,
  providedOn: projectDate,
  assistanceType: oneOf(ASSISTANCE_TYPES),
});

export const CaseClosed = z.strictObject({
  caseId: identifier,
  closedOn: projectDate,
  reason: oneOf(CLOSURE_REASONS),
});

/** Unit-specific checks (period, value range) live in targets.ts: they depend on the indicator. */
export const IndicatorTargetSet = z.strictObject({
  code: z.string({ error: 'must be a string' }),
  period: oneOf(['2014', '2015', '2016']),
  value: z.number({ error: 'must be a number' }).refine(Number.isFinite, { error: 'must be finite' }),
  reason: text,
});

export const EventVoided = z.strictObject({
  eventId: uuid,
  reason: text,
});

export const EVENT_SCHEMAS = {
  CsoMapped,
  CsoCapacityAssessed,
  PartnershipAgreementSigned,
  TrainingHeld,
  VictimIdentified,
  AssistanceProvided,
  CaseClosed,
  IndicatorTargetSet,
  EventVoided,
} as const;

export type EventType = keyof typeof EVENT_SCHEMAS;
export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as EventType[];
export type EventData<T extends EventType> = z.infer<(typeof EVENT_SCHEMAS)[T]>;

/** A domain event as `decide` returns it and `evolve` reads it: a plain discriminated union. */
export type DomainEvent = { [T in EventType]: { type: T; data: EventData<T> } }[EventType];
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;

/** The schema version written into every event's metadata. */
export const SCHEMA_VERSION = 1;

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_SCHEMAS, type);
}

/** The business date of an event; target revisions and voids have none. */
export function businessDate(event: DomainEvent): string | undefined {
  switch (event.type) {
    case 'CsoMapped':
      return event.data.mappedOn;
    case 'CsoCapacityAssessed':
      return event.data.assessedOn;
    case 'PartnershipAgreementSigned':
      return event.data.signedOn;
    case 'TrainingHeld':
      return event.data.heldOn;
    case 'VictimIdentified':
      return event.data.identifiedOn;
    case 'AssistanceProvided':
      return event.data.providedOn;
    case 'CaseClosed':
      return event.data.closedOn;
    case 'IndicatorTargetSet':
    case 'EventVoided':
      return undefined;
  }
}
