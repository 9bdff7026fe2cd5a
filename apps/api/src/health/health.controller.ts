import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Health } from '@jalon/contracts';
import { Public } from '../auth/roles.js';
import { notReady } from '../http/problem.js';
import { problemResponse, schemaResponse } from '../openapi/responses.js';
import { HealthSchema } from '../openapi/schemas.js';
import { Projector } from '../projection/projector.js';

@ApiTags('health')
@Controller('api/v1/health')
export class HealthController {
  constructor(@Inject(Projector) private readonly projector: Projector) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Ready once the API serves and its read models have caught up with the log' })
  @ApiOkResponse(schemaResponse(HealthSchema, 'ready, with the read models\' position'))
  @ApiServiceUnavailableResponse(problemResponse('the read models are still catching up (Retry-After: 1)'))
  health(): Health {
    if (!this.projector.ready) throw notReady('the read models are still catching up with the log');
    return { status: 'ok', position: this.projector.position };
  }
}
