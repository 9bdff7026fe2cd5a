import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@jalon/contracts';
import { streamOfCommand, type DomainCommand } from '@jalon/domain';
import { EVENT_STORE, type EventStore } from '@jalon/event-store';
import { notFound } from '../http/problem.js';
import type { CommandRequest } from './command-request.js';
import { CommandRunner } from './command-runner.js';

/** Any fact a route records (a CSO's, a training's, a case's, a target, a void), on its stream. */
export class RecordFact extends Command<CommandAccepted> {
  constructor(readonly request: CommandRequest) {
    super();
  }
}

/** The one handler of every command route: the routes differ only in the command they parse. */
@CommandHandler(RecordFact)
export class RecordFactHandler implements ICommandHandler<RecordFact> {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ request }: RecordFact): Promise<CommandAccepted> {
    return this.runner.run(request, () => this.streamOf(request.command));
  }

  /** The command's own stream; a void goes on the stream of the event it voids, which only the log knows. */
  private async streamOf(command: DomainCommand): Promise<string> {
    if (command.type !== 'VoidEvent') return streamOfCommand(command)!;
    const { eventId } = command.data;
    const target = await this.store.findEvent(eventId);
    if (!target) throw notFound(`no event ${eventId} in the log`);
    return target.streamId;
  }
}
