import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logger.js';
import { problem, ProblemException, type ProblemBody } from './problem.js';
import { isStoreDown, storeDownProblem } from './store-down.js';
import { isStoreFull, StoreFullAlarm, storeFullProblem } from './store-full.js';

/**
 * The one place where anything thrown becomes application/problem+json. Unexpected errors are
 * logged and answered with a generic 500: no stack, no message, no internals reach the client.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(
    @Inject(LOGGER) private readonly log: Logger,
    @Inject(StoreFullAlarm) private readonly storeFull: StoreFullAlarm,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    if (req.socket?.destroyed) {
      // The client went away (say, mid-body): nobody to answer, and no fault of the server's.
      this.log.debug({ method: req.method, path: req.path }, 'client closed the connection');
      return;
    }
    const { body, headers } = this.toProblem(exception, req);
    if (res.headersSent) {
      // A streamed answer (export) failed midway: cut it so the client sees it is incomplete.
      res.destroy();
      return;
    }
    res.status(body.status);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (body.status === 429 && !res.hasHeader('Retry-After')) res.setHeader('Retry-After', '60');
    res.setHeader('Content-Type', 'application/problem+json; charset=utf-8');
    res.send(JSON.stringify(body));
  }

  private toProblem(exception: unknown, req: Request): { body: ProblemBody; headers: Record<string, string> } {
    if (exception instanceof ProblemException) return { body: exception.problem, headers: exception.headers };
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return { body: fromHttpException(exception, req), headers: {} };
    }
    if (isStoreFull(exception)) {
      this.storeFull.raise(exception);
      const full = storeFullProblem();
      return { body: full.problem, headers: full.headers };
    }
    if (isStoreDown(exception)) {
      this.log.warn({ err: exception, method: req.method, path: req.path }, 'the event store cannot be reached');
      const down = storeDownProblem();
      return { body: down.problem, headers: down.headers };
    }
    this.log.error({ err: exception, method: req.method, path: req.path }, 'unexpected error');
    return { body: problem(500, 'an unexpected error occurred; it has been logged'), headers: {} };
  }
}

/** Nest's own exceptions: unknown routes (404), the login throttle (429) and the like. */
function fromHttpException(exception: HttpException, req: Request): ProblemBody {
  const status = exception.getStatus();
  switch (status) {
    case 404:
      return problem(404, `no route ${req.method} ${req.path}`);
    case 429:
      return problem(429, 'too many requests: wait a minute and try again');
    case 400:
      return problem(400, exception.message, { errors: [{ path: '', message: exception.message }] });
    default:
      return problem(status, exception.message);
  }
}
