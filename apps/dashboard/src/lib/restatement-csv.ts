/**
 * The restatement page's then/now table as CSV (RFC 4180, comma, CRLF), built in the browser.
 * A cell a spreadsheet would read as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe, so that opening the file runs nothing; numbers stay numbers.
 */
export type Cell = string | number | null;

const FORMULA = /^[=+\-@\t\r]/;

/** One cell, quoted when it holds a comma, a quote or a line break; formula-like text neutralised. */
export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const safe = FORMULA.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** then − now's difference, null when either side has no value. */
export function difference(then: number | null, now: number | null): number | null {
  if (then === null || now === null) return null;
  return Math.round((now - then) * 1000) / 1000;
}
