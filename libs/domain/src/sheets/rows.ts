import { parseCommand, type DomainCommand } from '../commands.js';
import type { FieldError } from '../errors.js';
import { SHEETS, type SheetColumn, type SheetKind, type SheetSpec } from './columns.js';

/**
 * A cell as the file reader hands it over: text, a number, an Excel date (already YYYY-MM-DD), a
 * formula (never evaluated: a row error), or nothing.
 */
export type SheetCell = string | number | boolean | { date: string } | { formula: string } | null;

/** One error of the row report: `row` is the sheet's row number (the header is row 1). */
export interface SheetError {
  row: number;
  /** The column's canonical name, or '' for the row as a whole. */
  column: string;
  /** JSON Pointer of the command's field, '' when the error is not a field's. */
  path: string;
  message: string;
}

export interface ParsedRow {
  row: number;
  command?: DomainCommand;
  errors: SheetError[];
}

export interface ParsedSheet {
  kind: SheetKind;
  /** Rows that hold data (blank rows are skipped, not counted). */
  rows: ParsedRow[];
  /** Errors of the sheet as a whole (its header), reported on row 1. */
  errors: SheetError[];
}

const normal = (header: string) => header.trim().toLowerCase();

/** Which column each header names: the canonical name or the template's French or English label. */
export function readHeader(spec: SheetSpec, header: SheetCell[]): { columns: (SheetColumn | undefined)[]; errors: SheetError[] } {
  const byName = new Map<string, SheetColumn>();
  for (const c of spec.columns) for (const name of [c.name, c.label.fr, c.label.en]) byName.set(normal(name), c);
  const errors: SheetError[] = [];
  const seen = new Set<string>();
  const columns = header.map((cell) => {
    const text = typeof cell === 'string' ? cell : cell === null ? '' : String(typeof cell === 'object' ? '' : cell);
    if (text.trim() === '') return undefined;
    const column = byName.get(normal(text));
    if (!column) errors.push({ row: 1, column: text, path: '', message: `unknown column "${text}" for a ${spec.kind} sheet` });
    else if (seen.has(column.name)) errors.push({ row: 1, column: column.name, path: '', message: 'this column appears twice' });
    else seen.add(column.name);
    return column;
  });
  for (const c of spec.columns)
    if (c.required && !seen.has(c.name)) errors.push({ row: 1, column: c.name, path: '', message: `the column ${c.name} (${c.label.en}) is missing` });
  return { columns, errors };
}

/** Turns every data row into the command it asks for, or the errors that stop it (row and column). */
export function parseSheet(kind: SheetKind, table: SheetCell[][]): ParsedSheet {
  const spec = SHEETS[kind];
  const [header = [], ...body] = table;
  const head = readHeader(spec, header);
  if (head.errors.length > 0) return { kind, rows: [], errors: head.errors };
  const rows: ParsedRow[] = [];
  body.forEach((cells, index) => {
    if (cells.every(isBlank)) return;
    rows.push(parseRow(spec, head.columns, cells, index + 2));
  });
  return { kind, rows, errors: [] };
}

function parseRow(spec: SheetSpec, columns: (SheetColumn | undefined)[], cells: SheetCell[], row: number): ParsedRow {
  const errors: SheetError[] = [];
  const body: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    const cell = cells[i] ?? null;
    if (!column || isBlank(cell)) return;
    const value = cellValue(column, cell);
    if ('error' in value) errors.push({ row, column: column.name, path: pointer(column.name), message: value.error });
    else setPath(body, column.name, value.value);
  });
  const pathId = spec.pathId ? body[spec.pathId] : undefined;
  if (spec.pathId) delete body[spec.pathId];
  const parsed = parseCommand(spec.command, body, typeof pathId === 'string' ? pathId : pathId === undefined ? undefined : String(pathId));
  if (!parsed.ok) {
    const reported = new Set(errors.map((e) => e.column));
    for (const e of parsed.error.errors ?? [{ path: '', message: parsed.error.message }])
      if (!reported.has(columnOf(spec, e))) errors.push({ row, column: columnOf(spec, e), path: e.path, message: e.message });
  }
  return errors.length > 0 || !parsed.ok ? { row, errors } : { row, command: parsed.value, errors: [] };
}

function cellValue(column: SheetColumn, cell: SheetCell): { value: unknown } | { error: string } {
  if (typeof cell === 'object' && cell !== null && 'formula' in cell)
    return { error: 'a formula is not read: type the value itself' };
  if (column.kind === 'date') {
    if (typeof cell === 'object' && cell !== null) return { value: cell.date };
    if (typeof cell === 'number') return { error: 'must be a date YYYY-MM-DD (or an Excel date cell)' };
    return { value: String(cell).trim() };
  }
  const text = typeof cell === 'object' && cell !== null ? cell.date : typeof cell === 'string' ? cell.trim() : String(cell);
  if (column.kind === 'integer') return { value: /^-?\d+$/.test(text) ? Number(text) : typeof cell === 'number' ? cell : text };
  if (column.kind === 'list') return { value: text.split(';').map((v) => v.trim()).filter((v) => v !== '') };
  return { value: text };
}

/** The column an error of the command names: the longest column whose path starts the error's. */
function columnOf(spec: SheetSpec, error: FieldError): string {
  const dotted = error.path.slice(1).split('/').join('.');
  const matches = spec.columns.filter((c) => dotted === c.name || c.name.startsWith(`${dotted}.`) || dotted.startsWith(`${c.name}.`));
  return matches[0]?.name ?? '';
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}

const pointer = (dotted: string) => `/${dotted.split('.').join('/')}`;

function isBlank(cell: SheetCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}
