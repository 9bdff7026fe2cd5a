import { Controller, Inject, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAccepted } from '@jalon/contracts';
import type { Request } from 'express';
import { CommandEndpoint } from '../commands/command-endpoint.js';
import { commandRequest } from '../commands/command-request.js';
import { RecordFact } from '../commands/record-fact.handler.js';
import { JsonBody } from '../http/json-body.decorator.js';

@ApiTags('cases')
@Controller('api/v1/cases')
export class CasesController {
  constructor(@Inject(CommandBus) private readonly bus: CommandBus) {}

  @Post()
  @CommandEndpoint('IdentifyVictim', 'Record a presumed victim identified and referred (a pseudonymous case)')
  identify(@Req() req: Request, @JsonBody() body: unknown): Promise<CommandAccepted> {
    return this.bus.execute(new RecordFact(commandRequest('IdentifyVictim', req, body)));
  }

  @Post(':caseId/assistance')
  @CommandEndpoint('ProvideAssistance', 'Record assistance provided to a case')
  assist(@Req() req: Request, @JsonBody() body: unknown, @Param('caseId') caseId: string): Promise<CommandAccepted> {
    return this.bus.execute(new RecordFact(commandRequest('ProvideAssistance', req, body, caseId)));
  }

  @Post(':caseId/closure')
  @CommandEndpoint('CloseCase', 'Record the closure of a case')
  close(@Req() req: Request, @JsonBody() body: unknown, @Param('caseId') caseId: string): Promise<CommandAccepted> {
    return this.bus.execute(new RecordFact(commandRequest('CloseCase', req, body, caseId)));
  }
}
