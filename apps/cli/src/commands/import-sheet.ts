import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { SHEET_KINDS, type SheetKind } from '@jalon/domain';
import type { EventStore } from '@jalon/event-store';
import { refusal, usageError } from '../failure.js';

export interface ImportSheetOptions {
  kind: string;
  dryRun?: boolean;
  as: string;
}

interface RowError {
  row: number;
  column: string;
  message: string;
}

/**
 * `jalon import-sheet FILE --kind KIND`: as POST /api/v1/sheets/{kind}, straight into the store.
 * Exit 0 when appended (or valid, with --dry-run), 1 with the row report when not, 2 for misuse.
 */
export async function importSheet(store: EventStore, file: string, options: ImportSheetOptions, out: (line: string) => void): Promise<number> {
  if (!SHEET_KINDS.includes(options.kind as SheetKind)) throw usageError(`--kind must be one of: ${SHEET_KINDS.join(', ')}`);
  const format = { '.csv': 'csv', '.xlsx': 'xlsx' }[extname(file).toLowerCase()] as 'csv' | 'xlsx' | undefined;
  if (!format) throw usageError(`${file}: a sheet is a .csv or .xlsx file`);
  const body = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw usageError(`cannot read ${file}: ${error.code ?? error.message}`);
  });
  const request = { kind: options.kind as SheetKind, format, body, username: options.as, dryRun: options.dryRun === true };
  const { ProblemException, SheetImport } = await import('@jalon/api/offline');
  const sheets = new SheetImport(store);
  try {
    if (request.dryRun) {
      const report = await sheets.dryRun(request);
      out(`${report.rows} rows read, ${report.valid} valid`);
      printErrors(report.errors, out);
      return report.errors.length === 0 ? 0 : 1;
    }
    const accepted = await sheets.commit(request);
    out(`${accepted.rows} rows recorded: ${accepted.eventIds.length} events, head position ${accepted.position}`);
    return 0;
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    const errors = (error.problem.errors ?? []) as unknown as Partial<RowError>[];
    if (error.status !== 400 || errors.every((e) => e.row === undefined)) throw refusal(error.problem.detail);
    out(error.problem.detail);
    printErrors(errors as RowError[], out);
    return 1;
  }
}

function printErrors(errors: RowError[], out: (line: string) => void): void {
  for (const e of errors) out(`row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
}
