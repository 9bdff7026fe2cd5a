import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReadAuditPage } from '@jalon/contracts';
import { AUDITORS, Roles } from '../auth/roles.js';
import { parseQuery } from '../http/validate.js';
import { ApiZodQuery, invalidResponse, schemaResponse } from '../openapi/responses.js';
import { ReadAuditPageSchema } from '../openapi/schemas.js';
import { ReadsQuery } from './queries.js';
import { READ_AUDIT_STORE, type ReadAuditStore } from './read-audit-store.js';

/** Auditors and admins read the read audit; managers do not (DOMAIN.md, "Who sees what"). */
@ApiTags('audit')
@Controller('api/v1/audit')
export class ReadsController {
  constructor(@Inject(READ_AUDIT_STORE) private readonly store: ReadAuditStore) {}

  @Get('reads')
  @Roles(...AUDITORS)
  @ApiOperation({
    summary: 'The read audit: who read events or case-level data, when, with what query (auditor, admin)',
    description: 'Paged as GET /api/v1/events, by id. Reading it is not itself recorded.',
  })
  @ApiZodQuery(ReadsQuery)
  @ApiOkResponse(schemaResponse(ReadAuditPageSchema, '`next` is the `after` of the following page, null at the end'))
  @(invalidResponse())
  async reads(@QueryParams() query: unknown): Promise<ReadAuditPage> {
    const { after = 0, limit = 100, username } = parseQuery(ReadsQuery, query);
    // One more than asked tells whether a later record matches, without a second query.
    const found = await this.store.list({ after, limit: limit + 1, ...(username ? { username } : {}) });
    const reads = found.slice(0, limit);
    return { reads, next: found.length > limit ? reads[reads.length - 1].id : null };
  }
}
