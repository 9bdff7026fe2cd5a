import type { CommandOf } from '../commands.js';
import { conflict, fail, ok, type Result } from '../errors.js';
import type { DomainEvent } from '../events.js';
import { inEffectOfType, type StreamState } from '../streams.js';

export function holdTraining(command: CommandOf<'HoldTraining'>, state: StreamState): Result<DomainEvent[]> {
  const { trainingId } = command.data;
  if (inEffectOfType(state, 'TrainingHeld').length > 0)
    return fail(conflict(`training ${trainingId} is already recorded`, '/trainingId'));
  return ok([{ type: 'TrainingHeld', data: command.data }]);
}
