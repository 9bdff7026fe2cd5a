import { Controller, Inject, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAccepted } from '@jalon/contracts';
import type { Request } from 'express';
import { CommandEndpoint } from '../commands/command-endpoint.js';
import { commandRequest } from '../commands/command-request.js';
import { RecordFact } from '../commands/record-fact.handler.js';
import { JsonBody } from '../http/json-body.decorator.js';

@ApiTags('csos')
@Controller('api/v1/csos')
export class CsosController {
  constructor(@Inject(CommandBus) private readonly bus: CommandBus) {}

  @Post()
  @CommandEndpoint('MapCso', 'Map a CSO (activity A1)')
  map(@Req() req: Request, @JsonBody() body: unknown): Promise<CommandAccepted> {
    return this.bus.execute(new RecordFact(commandRequest('MapCso', req, body)));
  }

  @Post(':csoId/assessments')
  @CommandEndpoint('AssessCso', "Record an assessment of a CSO's organisational capacity")
  assess(@Req() req: Request, @JsonBody() body: unknown, @Param('csoId') csoId: string): Promise<CommandAccepted> {
    return this.bus.execute(new RecordFact(commandRequest('AssessCso', req, body, csoId)));
  }

  @Post(':csoId/agreement')
  @CommandEndpoint('SignAgreement', 'Record a partnership agreement signed with a CSO')
  sign(@Req() req: Request, @JsonBody() body: unknown, @Param('csoId') csoId: string): Promise<CommandAccepted> {
    return this.bus.execute(new RecordFact(commandRequest('SignAgreement', req, body, csoId)));
  }
}
