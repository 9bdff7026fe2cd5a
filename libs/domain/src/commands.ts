import { z } from 'zod';
import * as E from './events.js';
import type { EventData, EventType } from './events.js';
import { fail, fieldErrors, invalid, ok, unknown, type FieldError, type Result } from './errors.js';
import { identifier, uuid } from './fields.js';
import { findIndicator, type IndicatorDefinition } from './logframe.js';
import { targetErrors } from './targets.js';

/**
 * Commands carry exactly the data of the event they ask for. Over HTTP the id that names the
 * resource comes from the path and never from the body (CONTRACT.md), hence `pathId`.
 */
export const COMMANDS = {
  MapCso: { event: 'CsoMapped', body: E.CsoMapped, pathId: undefined },
  AssessCso: { event: 'CsoCapacityAssessed', body: E.CsoCapacityAssessed.omit({ csoId: true }), pathId: 'csoId' },
  SignAgreement: {
    event: 'PartnershipAgreementSigned',
    body: E.PartnershipAgreementSigned.omit({ csoId: true }),
    pathId: 'csoId',
  },
  HoldTraining: { event: 'TrainingHeld', body: E.TrainingHeld, pathId: undefined },
  IdentifyVictim: { event: 'VictimIdentified', body: E.VictimIdentified, pathId: undefined },
  ProvideAssistance: { event: 'AssistanceProvided', body: E.AssistanceProvided.omit({ caseId: true }), pathId: 'caseId' },
  CloseCase: { event: 'CaseClosed', body: E.CaseClosed.omit({ caseId: true }), pathId: 'caseId' },
  SetTarget: { event: 'IndicatorTargetSet', body: E.IndicatorTargetSet.omit({ code: true }), pathId: 'code' },
  VoidEvent: { event: 'EventVoided', body: E.EventVoided.omit({ eventId: true }), pathId: 'eventId' },
} as const satisfies Record<string, { event: EventType; body: z.ZodType; pathId: string | undefined }>;

export type CommandType = keyof typeof COMMANDS;
type CommandEvent<C extends CommandType> = (typeof COMMANDS)[C]['event'];

export type DomainCommand = { [C in CommandType]: { type: C; data: EventData<CommandEvent<C>> } }[CommandType];
export type CommandOf<C extends CommandType> = Extract<DomainCommand, { type: C }>;

const PATH_ID_SCHEMAS: Record<string, z.ZodType> = {
  csoId: identifier,
  caseId: identifier,
  eventId: uuid,
  code: z.string().min(1).max(16),
};

/**
 * Validates a request into a command: the body against the command's strict schema, the path id
 * against its format; for targets, the unit's rules too. All invalid input is reported together
 * (400); only then is an unknown indicator reported (404), as CONTRACT.md orders them.
 */
export function parseCommand<C extends CommandType>(
  type: C,
  body: unknown,
  pathId?: string,
): Result<CommandOf<C>> {
  const spec = COMMANDS[type];
  const errors: FieldError[] = [];
  if (spec.pathId) {
    const id = PATH_ID_SCHEMAS[spec.pathId].safeParse(pathId);
    if (!id.success) errors.push(...fieldErrors(id.error, `/${spec.pathId}`));
  }
  const parsed = (spec.body as z.ZodType).safeParse(body);
  if (!parsed.success) errors.push(...fieldErrors(parsed.error));
  const indicator = type === 'SetTarget' ? findIndicator(pathId ?? '') : undefined;
  if (indicator) errors.push(...unitErrors(indicator, body, errors));
  if (errors.length > 0 || !parsed.success) return fail(invalid(errors));
  if (type === 'SetTarget' && !indicator) return fail(unknown(`no indicator ${pathId} in the logframe`));
  const data: Record<string, unknown> = { ...(parsed.data as object) };
  if (spec.pathId) data[spec.pathId] = pathId;
  return ok({ type, data } as CommandOf<C>);
}

/** A target's unit rules, for the fields that passed their own schema. */
function unitErrors(indicator: IndicatorDefinition, body: unknown, found: FieldError[]): FieldError[] {
  if (typeof body !== 'object' || body === null) return [];
  const target = body as Pick<EventData<'IndicatorTargetSet'>, 'period' | 'value'>;
  return targetErrors(indicator, target).filter((e) => !found.some((f) => f.path === e.path));
}
