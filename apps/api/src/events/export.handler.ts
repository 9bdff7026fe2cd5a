import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, formatNdjsonLine, readPages, type EventStore } from '@jalon/event-store';

export interface LogExport {
  /** Events of `case-` streams in the export, counted before any line is sent (the read audit). */
  caseEvents: number;
  lines: AsyncIterable<string>;
}

export class ExportLog extends Query<LogExport> {}

/**
 * The log as NDJSON, page by page, up to the head as it stood when the export began: an export is
 * a consistent prefix of the log, whatever is appended meanwhile, so its case events can be
 * counted exactly before the first line leaves.
 */
@QueryHandler(ExportLog)
export class ExportHandler implements IQueryHandler<ExportLog> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(): Promise<LogExport> {
    const { position: head } = await this.store.head();
    const caseEvents = await this.store.countAll({ streamPrefix: 'case-', before: head + 1 });
    return { caseEvents, lines: this.pages(head) };
  }

  private async *pages(head: number): AsyncIterable<string> {
    for await (const page of readPages(this.store, { upTo: head })) yield page.map(formatNdjsonLine).join('');
  }
}
