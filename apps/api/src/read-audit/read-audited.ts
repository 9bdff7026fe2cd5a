import {
  applyDecorators,
  Inject,
  Injectable,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiServiceUnavailableResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { from, mergeMap, type Observable } from 'rxjs';
import { problemResponse } from '../openapi/responses.js';
import { countCaseEvents } from './case-events.js';
import { ReadAudit } from './read-audit.service.js';

export interface ReadAuditedOptions<T = any> {
  /** Events of `case-` streams in the answer (default: countCaseEvents, any shape). */
  caseEvents?: (body: T) => number;
  /** Whether this answer carries events at all (default: always); false records nothing. */
  recordIf?: (body: T) => boolean;
}

const OPTIONS_KEY = 'jalon:read-audited';

/**
 * The one line a route needs to be in the read audit: its answer is recorded, durably, after the
 * handler returned and before Nest serialises and sends it; a record that cannot be written turns
 * the answer into a 503. Refusals (401, 403, 400…) never reach it. For routes that return their
 * value (not those writing to `@Res()` themselves: they call ReadAudit.record before writing).
 */
export const ReadAudited = <T = any>(options: ReadAuditedOptions<T> = {}) =>
  applyDecorators(
    SetMetadata(OPTIONS_KEY, options),
    UseInterceptors(ReadAuditInterceptor),
    ApiServiceUnavailableResponse(problemResponse('the read audit could not record this read: no data sent (Retry-After)')),
  );

@Injectable()
export class ReadAuditInterceptor implements NestInterceptor {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(ReadAudit) private readonly audit: ReadAudit,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<ReadAuditedOptions>(OPTIONS_KEY, context.getHandler()) ?? {};
    const req = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      mergeMap((body) =>
        from(
          (async () => {
            if (options.recordIf?.(body) === false) return body;
            await this.audit.record(req, (options.caseEvents ?? countCaseEvents)(body));
            return body;
          })(),
        ),
      ),
    );
  }
}
