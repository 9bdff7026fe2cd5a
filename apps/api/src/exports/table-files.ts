import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Lang } from '@jalon/domain';
import { INDICATOR_TABLE_COLUMNS, type IndicatorTableColumn, type IndicatorTableRow, type TableCell } from '@jalon/projections';
import { spreadsheetSafe } from './spreadsheet-safe.js';

/** What a file stands on: written into the XLSX's second sheet and the response headers. */
export interface TableProvenance {
  project: string;
  asOf: string;
  position: number;
  hash: string;
}

const BOM = '\uFEFF';

/**
 * RFC 4180 CSV, UTF-8 with a BOM (so spreadsheets read the accents), the English column names as
 * header; numbers as JSON writes them (String(n) is the same), an empty cell for null.
 */
export function indicatorCsv(rows: IndicatorTableRow[]): Buffer {
  const records = rows.map((row) => INDICATOR_TABLE_COLUMNS.map((c) => csvCell(row[c])));
  const text = stringify([[...INDICATOR_TABLE_COLUMNS], ...records], { record_delimiter: '\r\n' });
  return Buffer.from(BOM + text, 'utf8');
}

function csvCell(cell: TableCell): string {
  if (cell === null) return '';
  return typeof cell === 'number' ? JSON.stringify(cell) : (spreadsheetSafe(cell) as string);
}

const HEADERS: Record<Lang, Record<IndicatorTableColumn, string>> = {
  en: { code: 'Code', objective: 'Objective', indicator: 'Indicator', unit: 'Unit', baseline: 'Baseline', target: 'Target', expected: 'Expected', value: 'Value', numerator: 'Numerator', denominator: 'Denominator', status: 'Status' },
  fr: { code: 'Code', objective: 'Objectif', indicator: 'Indicateur', unit: 'Unité', baseline: 'Valeur de référence', target: 'Cible', expected: 'Attendu', value: 'Valeur', numerator: 'Numérateur', denominator: 'Dénominateur', status: 'Statut' },
  de: { code: 'Code', objective: 'Ziel', indicator: 'Indikator', unit: 'Einheit', baseline: 'Ausgangswert', target: 'Zielwert', expected: 'Erwartet', value: 'Wert', numerator: 'Zähler', denominator: 'Nenner', status: 'Status' },
  ar: { code: 'الرمز', objective: 'الهدف', indicator: 'المؤشر', unit: 'الوحدة', baseline: 'خط الأساس', target: 'القيمة المستهدفة', expected: 'القيمة المتوقعة', value: 'القيمة', numerator: 'البسط', denominator: 'المقام', status: 'الحالة' },
};

const ABOUT: Record<Lang, { sheet: string; table: string; project: string; asOf: string; position: string; hash: string; verify: string }> = {
  en: { sheet: 'About', table: 'Indicators', project: 'Project', asOf: 'As of', position: 'Log position', hash: 'Hash of that event', verify: 'Verify with' },
  fr: { sheet: 'À propos', table: 'Indicateurs', project: 'Projet', asOf: 'À la date du', position: 'Position dans le journal', hash: 'Empreinte de cet événement', verify: 'Vérifier avec' },
  de: { sheet: 'Info', table: 'Indikatoren', project: 'Projekt', asOf: 'Stand', position: 'Position im Protokoll', hash: 'Hash dieses Ereignisses', verify: 'Prüfen mit' },
  ar: { sheet: 'حول', table: 'المؤشرات', project: 'المشروع', asOf: 'بتاريخ', position: 'الموضع في السجل', hash: 'بصمة هذا الحدث', verify: 'التحقق بواسطة' },
};

/** The same table as the CSV with headers in `lang`, and a sheet saying what it stands on. */
export async function indicatorXlsx(rows: IndicatorTableRow[], lang: Lang, about: TableProvenance): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'jalon';
  const words = ABOUT[lang];
  const table = book.addWorksheet(words.table, { views: [{ state: 'frozen', ySplit: 1, rightToLeft: lang === 'ar' }] });
  table.columns = INDICATOR_TABLE_COLUMNS.map((c) => ({ header: HEADERS[lang][c], key: c, width: c === 'indicator' ? 60 : 14 }));
  table.getRow(1).font = { bold: true };
  for (const row of rows) table.addRow(INDICATOR_TABLE_COLUMNS.map((c) => spreadsheetSafe(row[c])));
  const sheet = book.addWorksheet(words.sheet, { views: [{ rightToLeft: lang === 'ar' }] });
  sheet.columns = [{ width: 28 }, { width: 90 }];
  sheet.addRows([
    [words.project, spreadsheetSafe(about.project)],
    [words.asOf, about.asOf],
    [words.position, about.position],
    [words.hash, about.hash],
    [words.verify, `jalon verify --expect-head ${about.hash}`],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
