import { Inject, Injectable } from '@nestjs/common';
import type { ReadRecord } from '@jalon/contracts';
import type { Request } from 'express';
import type { Logger } from 'pino';
import { principalOf } from '../auth/principal.js';
import { problem, ProblemException } from '../http/problem.js';
import { LOGGER } from '../logging/logger.js';
import { READ_AUDIT_STORE, type ReadAuditStore } from './read-audit-store.js';

/**
 * Records a read before its data leaves (CONTRACT.md, "Read audit"). A record that cannot be
 * written is a 503 with Retry-After and no data: a read nobody can account for is not served.
 */
@Injectable()
export class ReadAudit {
  constructor(
    @Inject(READ_AUDIT_STORE) private readonly store: ReadAuditStore,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  /** Call before sending: resolves once the record is durable, or throws the 503. */
  async record(req: Request, caseEvents: number, status = 200): Promise<ReadRecord> {
    const principal = principalOf(req);
    if (!principal) throw new Error('the read audit records authenticated reads only');
    const [path, search = ''] = req.originalUrl.split(/\?(.*)/s, 2);
    try {
      return await this.store.append({
        at: new Date().toISOString(),
        username: principal.username,
        role: principal.role,
        method: req.method,
        path,
        query: Object.fromEntries(new URLSearchParams(search)),
        status,
        caseEvents,
      });
    } catch (error) {
      this.log.error({ err: error, method: req.method, path }, 'the read audit could not record a read: no data sent');
      const detail = 'the read audit cannot record this read just now, so no data is sent; try again later';
      throw new ProblemException(problem(503, detail), { 'Retry-After': '5' });
    }
  }
}
