import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandAccepted } from '@jalon/contracts';
import type { CommandOf } from '@jalon/domain';
import { EVENT_STORE, type EventStore } from '@jalon/event-store';
import type { CommandRequest } from '../commands/command-request.js';
import { CommandRunner } from '../commands/command-runner.js';
import { notFound } from '../http/problem.js';

export class VoidRecordedEvent extends Command<CommandAccepted> {
  constructor(readonly request: CommandRequest<CommandOf<'VoidEvent'>>) {
    super();
  }
}

/** A void goes on the stream of the event it voids, which only the log knows. */
@CommandHandler(VoidRecordedEvent)
export class VoidHandler implements ICommandHandler<VoidRecordedEvent> {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ request }: VoidRecordedEvent): Promise<CommandAccepted> {
    const { eventId } = request.command.data;
    return this.runner.run(request, async () => {
      const target = await this.store.findEvent(eventId);
      if (!target) throw notFound(`no event ${eventId} in the log`);
      return target.streamId;
    });
  }
}
