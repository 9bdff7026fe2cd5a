import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@jalon/contracts';
import { streamOfCommand, type CommandOf } from '@jalon/domain';
import type { CommandRequest } from '../commands/command-request.js';
import { CommandRunner } from '../commands/command-runner.js';

/** Identification, assistance and closure of a (pseudonymous) case, on the case's stream. */
export class RecordCaseFact extends Command<CommandAccepted> {
  constructor(readonly request: CommandRequest<CommandOf<'IdentifyVictim' | 'ProvideAssistance' | 'CloseCase'>>) {
    super();
  }
}

@CommandHandler(RecordCaseFact)
export class CasesHandler implements ICommandHandler<RecordCaseFact> {
  constructor(@Inject(CommandRunner) private readonly runner: CommandRunner) {}

  execute({ request }: RecordCaseFact): Promise<CommandAccepted> {
    return this.runner.run(request, async () => streamOfCommand(request.command)!);
  }
}
