import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@jalon/contracts';
import { streamOfCommand, type CommandOf } from '@jalon/domain';
import type { CommandRequest } from '../commands/command-request.js';
import { CommandRunner } from '../commands/command-runner.js';

/** A training held (activities A2-A4), on its own stream. */
export class RecordTraining extends Command<CommandAccepted> {
  constructor(readonly request: CommandRequest<CommandOf<'HoldTraining'>>) {
    super();
  }
}

@CommandHandler(RecordTraining)
export class TrainingsHandler implements ICommandHandler<RecordTraining> {
  constructor(@Inject(CommandRunner) private readonly runner: CommandRunner) {}

  execute({ request }: RecordTraining): Promise<CommandAccepted> {
    return this.runner.run(request, async () => streamOfCommand(request.command)!);
  }
}
