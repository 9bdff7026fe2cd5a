import { Controller, Inject, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAccepted } from '@jalon/contracts';
import type { Request } from 'express';
import { CommandEndpoint } from '../commands/command-endpoint.js';
import { commandRequest } from '../commands/command-request.js';
import { RecordFact } from '../commands/record-fact.handler.js';
import { JsonBody } from '../http/json-body.decorator.js';

@ApiTags('trainings')
@Controller('api/v1/trainings')
export class TrainingsController {
  constructor(@Inject(CommandBus) private readonly bus: CommandBus) {}

  @Post()
  @CommandEndpoint('HoldTraining', 'Record a training held')
  hold(@Req() req: Request, @JsonBody() body: unknown): Promise<CommandAccepted> {
    return this.bus.execute(new RecordFact(commandRequest('HoldTraining', req, body)));
  }
}
