import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logger.js';
import { problem, ProblemException } from './problem.js';

/** SQLite's SQLITE_FULL and PostgreSQL's disk_full (SQLSTATE 53100): the disk under the store is full. */
export function isStoreFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === '53100';
}

/** Seconds a client is asked to wait: freeing disk space is an operator's job, not a blink. */
export const STORE_FULL_RETRY_AFTER = 30;

/** 503 + Retry-After: nothing was written, nothing acknowledged is lost, a retry later may pass. */
export function storeFullProblem(): ProblemException {
  const detail = 'the event store is full (no space left on its disk): nothing was written; try again later';
  return new ProblemException(problem(503, detail, { type: 'urn:jalon:problem:store-full' }), {
    'Retry-After': String(STORE_FULL_RETRY_AFTER),
  });
}

/**
 * Tells the operator once that the store is full (at error level), not once per refused request,
 * and once that writes go through again; a full disk clears by itself when space is freed.
 */
@Injectable()
export class StoreFullAlarm {
  private raised = false;

  constructor(@Inject(LOGGER) private readonly log: Logger) {}

  raise(error: unknown): void {
    if (this.raised) return;
    this.raised = true;
    this.log.error({ err: error }, 'the event store is full: writes are refused with 503 until disk space is freed');
  }

  clear(): void {
    if (!this.raised) return;
    this.raised = false;
    this.log.info('the event store accepts writes again');
  }
}
