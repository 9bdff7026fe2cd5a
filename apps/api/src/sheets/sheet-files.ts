import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { SheetCell } from '@jalon/domain';
import yauzl from 'yauzl';
import { SHEET_LIMITS, SheetFileError, type SheetFormat } from './sheet-format.js';

/** The first sheet's rows of cells, the header first. */
export async function readSheetFile(format: SheetFormat, body: Buffer): Promise<SheetCell[][]> {
  const table = format === 'csv' ? readCsv(body) : await readXlsx(body);
  if (table.length - 1 > SHEET_LIMITS.rows)
    throw new SheetFileError(413, `the sheet has more than ${SHEET_LIMITS.rows} rows: split it`);
  return table;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** RFC 4180 with a comma, or the semicolon that spreadsheets write in French locales. */
function readCsv(body: Buffer): SheetCell[][] {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new SheetFileError(400, 'this is not a CSV file: it is not UTF-8 text (save it as "CSV UTF-8")');
  }
  if (text.includes('\u0000')) throw new SheetFileError(400, 'this is not a CSV file: it holds binary data');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
  try {
    // to_line stops a huge file early: one row past the limit is enough to refuse it.
    return parse(text, { bom: true, delimiter, relax_column_count: true, to_line: SHEET_LIMITS.rows + 2 }) as string[][];
  } catch (error) {
    throw new SheetFileError(400, `this CSV file cannot be read: ${(error as Error).message}`);
  }
}

const count = (text: string, char: string) => text.split(char).length - 1;

async function readXlsx(body: Buffer): Promise<SheetCell[][]> {
  await checkInflatedSize(body);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(body as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new SheetFileError(400, `this XLSX file cannot be read: ${(error as Error).message}`);
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new SheetFileError(400, 'this XLSX file has no worksheet');
  if (sheet.rowCount - 1 > SHEET_LIMITS.rows) throw new SheetFileError(413, `the sheet has more than ${SHEET_LIMITS.rows} rows: split it`);
  const table: SheetCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values = row.values as unknown[];
    table[n - 1] = values.slice(1).map(cellOf);
  });
  return Array.from(table, (row) => row ?? []);
}

/** An Excel cell as the sheet reader sees it: formulas stay formulas (never evaluated). */
function cellOf(value: unknown): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return { date: value.toISOString().slice(0, 10) };
  const v = value as { formula?: string; sharedFormula?: string; richText?: { text: string }[]; text?: unknown; error?: string };
  if (v.formula !== undefined || v.sharedFormula !== undefined) return { formula: String(v.formula ?? v.sharedFormula) };
  if (v.richText) return v.richText.map((t) => t.text).join('');
  if (typeof v.text === 'string') return v.text;
  if (v.error !== undefined) return { formula: String(v.error) };
  return String(value);
}

/**
 * A zip bomb is refused before the workbook library inflates it in memory: every entry is inflated
 * here as a stream and counted (yauzl also checks each entry against its declared size), and the
 * file is refused once the total passes the limit.
 */
function checkInflatedSize(body: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const refuse = (status: 400 | 413, message: string) => reject(new SheetFileError(status, message));
    yauzl.fromBuffer(body, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return refuse(400, 'this is not an XLSX file (not a zip archive)');
      let total = 0;
      zip.on('error', () => refuse(400, 'this XLSX file is damaged'));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.uncompressedSize > SHEET_LIMITS.inflatedBytes) {
          zip.close();
          return refuse(413, 'this XLSX file inflates past 50 MiB');
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return refuse(400, 'this XLSX file is damaged');
          stream.on('data', (chunk: Buffer) => {
            total += chunk.length;
            if (total > SHEET_LIMITS.inflatedBytes) {
              stream.destroy();
              zip.close();
              refuse(413, 'this XLSX file inflates past 50 MiB');
            }
          });
          stream.on('error', () => refuse(400, 'this XLSX file is damaged'));
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}
