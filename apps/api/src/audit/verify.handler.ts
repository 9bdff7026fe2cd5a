import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { VerifyReport } from '@jalon/contracts';
import { createChainVerifier, EVENT_STORE, GENESIS_HASH, type EventStore } from '@jalon/event-store';

const PAGE = 1000;

export class VerifyLog extends Query<VerifyReport> {}

/** Walks the whole log through the hash chain, page by page, in constant memory. */
@QueryHandler(VerifyLog)
export class VerifyHandler implements IQueryHandler<VerifyLog> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(): Promise<VerifyReport> {
    const { position: head } = await this.store.head();
    const verifier = createChainVerifier();
    let after = 0;
    while (after < head) {
      const page = await this.store.readAll({ after, limit: Math.min(PAGE, head - after) });
      if (page.length === 0) break;
      for (const event of page) verifier.push(event);
      after = page[page.length - 1].position;
    }
    const result = verifier.result();
    return {
      ok: result.ok,
      events: result.events,
      head: result.head ?? { position: 0, hash: GENESIS_HASH },
      firstBadPosition: result.firstBadPosition,
    };
  }
}
