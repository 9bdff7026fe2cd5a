/** What a sheet request is checked against before any file library is loaded. */

/** CONTRACT.md, "Sheets": the limits a hostile file meets. */
export const SHEET_LIMITS = {
  bodyBytes: 10 * 1024 * 1024,
  inflatedBytes: 50 * 1024 * 1024,
  rows: 100_000,
} as const;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file refused as a whole: 400 (not a sheet) or 413 (too large once read). */
export class SheetFileError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'SheetFileError';
  }
}

export type SheetFormat = 'csv' | 'xlsx';

/** The format a Content-Type names, or undefined for anything else. */
export function sheetFormatOf(contentType: string | undefined): SheetFormat | undefined {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  if (type === XLSX_TYPE) return 'xlsx';
  return undefined;
}
