import { decide, streamOfCommand } from '../decide/index.js';
import type { DomainEvent } from '../events.js';
import { emptyStream, evolve, type StreamState } from '../streams.js';
import { SHEETS } from './columns.js';
import type { ParsedSheet, SheetError } from './rows.js';

/** An event a sheet row asks for, on its stream, in row order. */
export interface SheetAppend {
  row: number;
  streamId: string;
  eventId: string;
  event: DomainEvent;
}

export interface DecidedSheet {
  /** Data rows read (blank rows excepted). */
  rows: number;
  /** Rows that would be recorded. */
  valid: number;
  errors: SheetError[];
  appends: SheetAppend[];
  /** Each touched stream's revision before the sheet: what the atomic append expects. */
  expectedRevisions: Record<string, number>;
}

/** The streams a parsed sheet's rows write to: the shell reads them before deciding. */
export function streamsOfSheet(sheet: ParsedSheet): string[] {
  const streams = sheet.rows.flatMap((r) => (r.command ? [streamOfCommand(r.command)!] : []));
  return [...new Set(streams)];
}

/**
 * Decides the rows in order, each against the state its stream is left in by the log and by the
 * rows above it (so a second row identifying the same case is refused as a conflict, and an
 * assistance row may follow the row that identified its case).
 */
export function decideRows(sheet: ParsedSheet, states: ReadonlyMap<string, StreamState>, newEventId: () => string): DecidedSheet {
  const current = new Map(states);
  const expectedRevisions: Record<string, number> = {};
  const errors: SheetError[] = [...sheet.errors];
  const appends: SheetAppend[] = [];
  let valid = 0;
  for (const parsed of sheet.rows) {
    if (!parsed.command) {
      errors.push(...parsed.errors);
      continue;
    }
    const streamId = streamOfCommand(parsed.command)!;
    const state = current.get(streamId) ?? emptyStream;
    const decided = decide(parsed.command, state);
    if (!decided.ok) {
      // A rule without a field (an unknown case or CSO) is about the row's id column.
      const idPath = SHEETS[sheet.kind].pathId ? `/${SHEETS[sheet.kind].pathId}` : '';
      const fields = decided.error.errors ?? [{ path: idPath, message: decided.error.message }];
      for (const e of fields) errors.push({ row: parsed.row, column: e.path.slice(1).split('/').join('.'), path: e.path, message: e.message });
      continue;
    }
    valid++;
    expectedRevisions[streamId] ??= (states.get(streamId) ?? emptyStream).revision;
    let next = state;
    for (const event of decided.value) {
      const eventId = newEventId();
      appends.push({ row: parsed.row, streamId, eventId, event });
      next = evolve(next, { eventId, ...event });
    }
    current.set(streamId, next);
  }
  return { rows: sheet.rows.length, valid, errors, appends, expectedRevisions };
}
