import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@jalon/contracts';
import { streamOfCommand, type CommandOf } from '@jalon/domain';
import type { CommandRequest } from '../commands/command-request.js';
import { CommandRunner } from '../commands/command-runner.js';

/** Mapping, assessing and signing an agreement with a CSO: all on the CSO's stream. */
export class RecordCsoFact extends Command<CommandAccepted> {
  constructor(readonly request: CommandRequest<CommandOf<'MapCso' | 'AssessCso' | 'SignAgreement'>>) {
    super();
  }
}

@CommandHandler(RecordCsoFact)
export class CsosHandler implements ICommandHandler<RecordCsoFact> {
  constructor(@Inject(CommandRunner) private readonly runner: CommandRunner) {}

  execute({ request }: RecordCsoFact): Promise<CommandAccepted> {
    return this.runner.run(request, async () => streamOfCommand(request.command)!);
  }
}
