import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Health } from '@jalon/contracts';
import { EVENT_STORE, type EventStore } from '@jalon/event-store';
import { Public } from '../auth/roles.js';
import { notReady } from '../http/problem.js';
import { storeDownProblem } from '../http/store-down.js';
import { problemResponse, schemaResponse } from '../openapi/responses.js';
import { HealthSchema } from '../openapi/schemas.js';
import { Projector } from '../projection/projector.js';

/** How long health waits for the store to answer before it calls it down. */
const STORE_ANSWER_MS = 2000;

@ApiTags('health')
@Controller('api/v1/health')
export class HealthController {
  constructor(
    @Inject(Projector) private readonly projector: Projector,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Ready once the API serves, its read models have caught up with the log and the event store answers' })
  @ApiOkResponse(schemaResponse(HealthSchema, 'ready, with the read models\' position'))
  @ApiServiceUnavailableResponse(
    problemResponse('the read models are still catching up (Retry-After: 1), or the event store cannot be reached (Retry-After: 5)'),
  )
  async health(): Promise<Health> {
    if (!this.projector.ready) throw notReady('the read models are still catching up with the log');
    if (!(await this.storeAnswers())) throw storeDownProblem();
    return { status: 'ok', position: this.projector.position };
  }

  /** A PostgreSQL store that is down may refuse at once or never answer: neither is healthy. */
  private async storeAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), STORE_ANSWER_MS)));
    const answer = this.store.head().then(() => true, () => false);
    const answered = await Promise.race([answer, late]);
    clearTimeout(timer);
    return answered;
  }
}
