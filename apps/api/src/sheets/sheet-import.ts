import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { decideRows, foldStream, parseSheet, streamsOfSheet, type DecidedSheet, type SheetError, type SheetKind, type StreamState } from '@jalon/domain';
import { EVENT_STORE, IdempotencyConflictError, WrongExpectedRevisionError, type EventStore } from '@jalon/event-store';
import { requestFingerprint } from '../commands/fingerprint.js';
import { newEvent, toRecorded } from '../commands/new-event.js';
import { conflictWith, invalidInput, ProblemException, problem } from '../http/problem.js';
import { SheetFileError, type SheetFormat } from './sheet-format.js';

export interface SheetRequest {
  kind: SheetKind;
  format: SheetFormat;
  body: Buffer;
  username: string;
  dryRun: boolean;
  key?: string;
}

export interface SheetReport {
  kind: SheetKind;
  rows: number;
  valid: number;
  errors: { row: number; column: string; message: string }[];
}

export interface SheetAccepted {
  kind: SheetKind;
  rows: number;
  eventIds: string[];
  position: number;
}

/** A sheet is decided again when a stream it writes moved meanwhile; beyond this, try later. */
const MAX_ATTEMPTS = 10;

/**
 * Bulk entry from a sheet (CONTRACT.md, "Sheets"): every row read and decided in order against the
 * log and the rows above it; a dry run reports, a commit appends every row or none in one
 * multi-stream append.
 */
@Injectable()
export class SheetImport {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async dryRun(request: SheetRequest): Promise<SheetReport> {
    const decided = await this.decide(request);
    const errors = decided.errors.map(({ row, column, message }) => ({ row, column, message }));
    return { kind: request.kind, rows: decided.rows, valid: decided.valid, errors };
  }

  async commit(request: SheetRequest): Promise<SheetAccepted> {
    const claim = request.key === undefined ? undefined : { scope: request.username, key: request.key, fingerprint: fingerprint(request) };
    for (let attempt = 1; ; attempt++) {
      const decided = await this.decide(request);
      if (claim) {
        const earlier = await this.store.findIdempotency(claim.scope, claim.key);
        if (earlier && earlier.fingerprint !== claim.fingerprint) throw keyReused();
        if (earlier) return { kind: request.kind, rows: decided.rows, eventIds: earlier.eventIds, position: earlier.position };
      }
      if (decided.errors.length > 0) throw refused(decided.errors);
      if (decided.appends.length === 0) throw invalidInput([{ path: '', message: 'the sheet has no row to record' }], 'the sheet has no row');
      try {
        const entries = decided.appends.map(({ streamId, eventId, event }) => ({ ...newEvent(event, request.username, request.key, eventId), streamId }));
        const result = await this.store.appendMany(entries, { expectedRevisions: decided.expectedRevisions, ...(claim ? { idempotency: claim } : {}) });
        return { kind: request.kind, rows: decided.rows, eventIds: result.eventIds, position: result.position };
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError && attempt < MAX_ATTEMPTS) continue;
        if (error instanceof WrongExpectedRevisionError) throw conflictWith('the log changed under this sheet too often: send it again');
        if (error instanceof IdempotencyConflictError) throw keyReused();
        throw error;
      }
    }
  }

  private async decide(request: SheetRequest): Promise<DecidedSheet> {
    // The spreadsheet libraries load on the first sheet, not at start-up.
    const { readSheetFile } = await import('./sheet-files.js');
    const table = await readSheetFile(request.format, request.body).catch((error: unknown) => {
      if (error instanceof SheetFileError) throw new ProblemException(problem(error.status, error.message, error.status === 400 ? { errors: [{ path: '', message: error.message }] } : {}));
      throw error;
    });
    const parsed = parseSheet(request.kind, table);
    const states = new Map<string, StreamState>();
    for (const streamId of streamsOfSheet(parsed)) states.set(streamId, foldStream((await this.store.readStream(streamId)).map(toRecorded)));
    return decideRows(parsed, states, randomUUID);
  }
}

/** The body's SHA-256 stands for its canonical JSON (CONTRACT.md); the route is the kind's. */
function fingerprint(request: SheetRequest): string {
  const digest = createHash('sha256').update(request.body).digest('hex');
  return requestFingerprint('POST', `/api/v1/sheets/${request.kind}`, { sha256: digest });
}

function refused(errors: SheetError[]): ProblemException {
  const rows = new Set(errors.map((e) => e.row)).size;
  return new ProblemException(problem(400, `${errors.length} error(s) in ${rows} row(s): nothing was recorded`, { errors }));
}

const keyReused = () =>
  conflictWith('this Idempotency-Key was already used by you for another request', [
    { path: '', message: 'Idempotency-Key already used with another sheet' },
  ]);
