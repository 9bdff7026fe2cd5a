import type { CommandOf } from '../commands.js';
import { conflict, fail, ok, unknown, type Result } from '../errors.js';
import type { DomainEvent } from '../events.js';
import { inEffectDatedBefore, inEffectOfType, type StreamState } from '../streams.js';

/** The CSO stream: mapping, capacity assessments, the partnership agreement. */

function mapped(state: StreamState) {
  return inEffectOfType(state, 'CsoMapped')[0];
}

export function mapCso(command: CommandOf<'MapCso'>, state: StreamState): Result<DomainEvent[]> {
  const { csoId, mappedOn } = command.data;
  if (mapped(state)) return fail(conflict(`CSO ${csoId} is already mapped`, '/csoId'));
  const later = inEffectDatedBefore(state, mappedOn);
  if (later.length > 0)
    return fail(conflict(`CSO ${csoId} has records in effect dated before ${mappedOn}`, '/mappedOn'));
  return ok([{ type: 'CsoMapped', data: command.data }]);
}

export function assessCso(command: CommandOf<'AssessCso'>, state: StreamState): Result<DomainEvent[]> {
  const { csoId, assessedOn } = command.data;
  const cso = mapped(state);
  if (!cso) return fail(unknown(`no CSO ${csoId} is mapped`));
  if (assessedOn < cso.data.mappedOn)
    return fail(conflict(`an assessment cannot precede the mapping (${cso.data.mappedOn})`, '/assessedOn'));
  return ok([{ type: 'CsoCapacityAssessed', data: command.data }]);
}

export function signAgreement(command: CommandOf<'SignAgreement'>, state: StreamState): Result<DomainEvent[]> {
  const { csoId, signedOn } = command.data;
  const cso = mapped(state);
  if (!cso) return fail(unknown(`no CSO ${csoId} is mapped`));
  if (inEffectOfType(state, 'PartnershipAgreementSigned').length > 0)
    return fail(conflict(`CSO ${csoId} already has a partnership agreement in effect`));
  if (signedOn < cso.data.mappedOn)
    return fail(conflict(`an agreement cannot precede the mapping (${cso.data.mappedOn})`, '/signedOn'));
  return ok([{ type: 'PartnershipAgreementSigned', data: command.data }]);
}
