import type { DomainCommand } from '../commands.js';
import { ok, type Result } from '../errors.js';
import type { DomainEvent } from '../events.js';
import { streamIds, type StreamState } from '../streams.js';
import { closeCase, identifyVictim, provideAssistance } from './case.js';
import { assessCso, mapCso, signAgreement } from './cso.js';
import { holdTraining } from './training.js';
import { voidEvent } from './void.js';

/** decide(command, state of its stream) → the events to append, or the rule it breaks. */
export function decide(command: DomainCommand, state: StreamState): Result<DomainEvent[]> {
  switch (command.type) {
    case 'MapCso':
      return mapCso(command, state);
    case 'AssessCso':
      return assessCso(command, state);
    case 'SignAgreement':
      return signAgreement(command, state);
    case 'HoldTraining':
      return holdTraining(command, state);
    case 'IdentifyVictim':
      return identifyVictim(command, state);
    case 'ProvideAssistance':
      return provideAssistance(command, state);
    case 'CloseCase':
      return closeCase(command, state);
    case 'SetTarget':
      return ok([{ type: 'IndicatorTargetSet', data: command.data }]);
    case 'VoidEvent':
      return voidEvent(command, state);
  }
}

/** The stream a command writes to; a void's stream is its target's, which only the log knows. */
export function streamOfCommand(command: DomainCommand): string | undefined {
  switch (command.type) {
    case 'MapCso':
    case 'AssessCso':
    case 'SignAgreement':
      return streamIds.cso(command.data.csoId);
    case 'HoldTraining':
      return streamIds.training(command.data.trainingId);
    case 'IdentifyVictim':
    case 'ProvideAssistance':
    case 'CloseCase':
      return streamIds.case(command.data.caseId);
    case 'SetTarget':
      return streamIds.indicator(command.data.code);
    case 'VoidEvent':
      return undefined;
  }
}
