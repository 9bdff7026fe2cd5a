import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, StoreNotEmptyError, type EventStore } from '@jalon/event-store';
import type { Readable } from 'node:stream';
import { conflictWith, ProblemException, problem, tooLarge } from '../http/problem.js';
import { importNdjson, ImportRefusedError, type ImportResult } from './import-ndjson.js';

/** An export is larger than a command's body: a whole log, streamed in. */
export const IMPORT_LIMIT = 256 * 1024 * 1024;

export class ImportLog extends Command<ImportResult> {
  constructor(readonly body: Readable) {
    super();
  }
}

@CommandHandler(ImportLog)
export class ImportHandler implements ICommandHandler<ImportLog> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body }: ImportLog): Promise<ImportResult> {
    try {
      return await importNdjson(this.store, limited(body, IMPORT_LIMIT));
    } catch (error) {
      if (error instanceof ImportRefusedError) {
        // `position` (an extension member) names the first bad event; an NDJSON document has no
        // JSON Pointer into its lines, so the field error points at the whole body.
        const errors = [{ path: '', message: error.message }];
        throw new ProblemException(problem(400, error.message, { errors, position: error.position }));
      }
      if (error instanceof StoreNotEmptyError)
        throw conflictWith('the store already holds events: import restores into an empty store only');
      throw error;
    }
  }
}

/**
 * Past the limit the rest is read and dropped rather than the stream destroyed: leaving a for-await
 * early would destroy the socket, and the client would never see the 413.
 */
async function* limited(body: Readable, limit: number): AsyncIterable<Uint8Array> {
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) yield chunk;
  }
  if (size > limit) throw tooLarge(`an import is at most ${limit} bytes (256 MiB)`);
}
