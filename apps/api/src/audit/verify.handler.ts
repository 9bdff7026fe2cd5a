import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ExpectedHead, VerifyReport } from '@jalon/contracts';
import { createChainVerifier, EVENT_STORE, GENESIS_HASH, readPages, type EventStore } from '@jalon/event-store';

export class VerifyLog extends Query<VerifyReport> {
  constructor(readonly expectHead?: string) {
    super();
  }
}

/**
 * Walks the whole log through the hash chain, page by page, in constant memory; with `expectHead`,
 * also tells whether an event with that hash is on the intact part of the chain, as
 * `jalon verify --expect-head` does.
 */
@QueryHandler(VerifyLog)
export class VerifyHandler implements IQueryHandler<VerifyLog> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ expectHead }: VerifyLog): Promise<VerifyReport> {
    const { position: head } = await this.store.head();
    const verifier = createChainVerifier({ watch: expectHead ? [expectHead] : [] });
    let position: number | null = null;
    for await (const page of readPages(this.store, { upTo: head })) {
      for (const event of page) {
        verifier.push(event);
        if (position === null && event.hash === expectHead) position = event.position;
      }
    }
    const result = verifier.result();
    const report: VerifyReport = {
      ok: result.ok,
      events: result.events,
      head: result.head ?? { position: 0, hash: GENESIS_HASH },
      firstBadPosition: result.firstBadPosition,
    };
    if (expectHead === undefined) return report;
    // The verifier counts a hash only where the chain is intact; past a break nothing is proven.
    const found = verifier.sawHash(expectHead);
    const expected: ExpectedHead = { hash: expectHead, found, position: found ? position : null };
    return { ...report, expectHead: expected };
  }
}
