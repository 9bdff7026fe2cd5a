import type { CommandOf } from '../commands.js';
import { conflict, fail, ok, unknown, type Result } from '../errors.js';
import type { DomainEvent } from '../events.js';
import { inEffectDatedBefore, inEffectOfType, type StreamState } from '../streams.js';

/** The case stream: identification, assistance, closure. Cases are pseudonymous. */

function identified(state: StreamState) {
  return inEffectOfType(state, 'VictimIdentified')[0];
}

function closure(state: StreamState) {
  return inEffectOfType(state, 'CaseClosed')[0];
}

export function identifyVictim(command: CommandOf<'IdentifyVictim'>, state: StreamState): Result<DomainEvent[]> {
  const { caseId, identifiedOn } = command.data;
  if (identified(state)) return fail(conflict(`case ${caseId} is already identified`, '/caseId'));
  if (inEffectDatedBefore(state, identifiedOn).length > 0)
    return fail(conflict(`case ${caseId} has records in effect dated before ${identifiedOn}`, '/identifiedOn'));
  return ok([{ type: 'VictimIdentified', data: command.data }]);
}

export function provideAssistance(
  command: CommandOf<'ProvideAssistance'>,
  state: StreamState,
): Result<DomainEvent[]> {
  const { caseId, providedOn } = command.data;
  const victim = identified(state);
  if (!victim) return fail(unknown(`no case ${caseId} is identified`));
  if (providedOn < victim.data.identifiedOn)
    return fail(conflict(`assistance cannot precede the identification (${victim.data.identifiedOn})`, '/providedOn'));
  const closed = closure(state);
  if (closed && providedOn > closed.data.closedOn)
    return fail(conflict(`case ${caseId} was closed on ${closed.data.closedOn}`, '/providedOn'));
  return ok([{ type: 'AssistanceProvided', data: command.data }]);
}

export function closeCase(command: CommandOf<'CloseCase'>, state: StreamState): Result<DomainEvent[]> {
  const { caseId, closedOn } = command.data;
  const victim = identified(state);
  if (!victim) return fail(unknown(`no case ${caseId} is identified`));
  const closed = closure(state);
  if (closed) return fail(conflict(`case ${caseId} is already closed (${closed.data.closedOn})`));
  const later = inEffectOfType(state, 'AssistanceProvided').filter((a) => a.data.providedOn > closedOn);
  if (closedOn < victim.data.identifiedOn || later.length > 0)
    return fail(conflict(`case ${caseId} has records in effect dated after ${closedOn}`, '/closedOn'));
  return ok([{ type: 'CaseClosed', data: command.data }]);
}
