import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@jalon/contracts';
import { streamOfCommand, type CommandOf } from '@jalon/domain';
import type { CommandRequest } from '../commands/command-request.js';
import { CommandRunner } from '../commands/command-runner.js';

/** A revision of one year's target, on the indicator's stream. */
export class SetIndicatorTarget extends Command<CommandAccepted> {
  constructor(readonly request: CommandRequest<CommandOf<'SetTarget'>>) {
    super();
  }
}

@CommandHandler(SetIndicatorTarget)
export class TargetsHandler implements ICommandHandler<SetIndicatorTarget> {
  constructor(@Inject(CommandRunner) private readonly runner: CommandRunner) {}

  execute({ request }: SetIndicatorTarget): Promise<CommandAccepted> {
    return this.runner.run(request, async () => streamOfCommand(request.command)!);
  }
}
