import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, formatNdjsonLine, type EventStore } from '@jalon/event-store';

const PAGE = 1000;

export class ExportLog extends Query<AsyncIterable<string>> {}

/**
 * The log as NDJSON, page by page, up to the head as it stood when the export began: an export is
 * a consistent prefix of the log, whatever is appended meanwhile.
 */
@QueryHandler(ExportLog)
export class ExportHandler implements IQueryHandler<ExportLog> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(): Promise<AsyncIterable<string>> {
    const { position: head } = await this.store.head();
    return this.pages(head);
  }

  private async *pages(head: number): AsyncIterable<string> {
    let after = 0;
    while (after < head) {
      const page = await this.store.readAll({ after, limit: Math.min(PAGE, head - after) });
      if (page.length === 0) return;
      yield page.map(formatNdjsonLine).join('');
      after = page[page.length - 1].position;
    }
  }
}
