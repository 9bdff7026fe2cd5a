/**
 * Text a spreadsheet would run as a formula gets a leading apostrophe, whoever typed it (OWASP
 * "CSV injection", CONTRACT.md). Numbers stay numbers: only text can smuggle a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafe<T>(cell: T): T | string {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}
