import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { SHEETS, type SheetKind } from '@jalon/domain';

export type TemplateLang = 'fr' | 'en';

const EXPLAIN: Record<TemplateLang, { sheet: string; headers: string[]; yes: string; no: string }> = {
  fr: { sheet: 'Explications', headers: ['Colonne', 'Nom canonique', 'Obligatoire', 'Valeurs admises ou format'], yes: 'oui', no: 'non' },
  en: { sheet: 'Explanations', headers: ['Column', 'Canonical name', 'Required', 'Allowed values or format'], yes: 'yes', no: 'no' },
};

const SHEET_NAMES: Record<TemplateLang, string> = { fr: 'Données', en: 'Data' };

/** An empty CSV with the kind's headers in `lang` (UTF-8 with a BOM, as spreadsheets expect). */
export function csvTemplate(kind: SheetKind, lang: TemplateLang): Buffer {
  const header = SHEETS[kind].columns.map((c) => c.label[lang]);
  return Buffer.from('\uFEFF' + stringify([header], { record_delimiter: '\r\n' }), 'utf8');
}

/** An XLSX with the headers on its first sheet and, on a second, what each column takes. */
export async function xlsxTemplate(kind: SheetKind, lang: TemplateLang): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'jalon';
  const data = book.addWorksheet(SHEET_NAMES[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = SHEETS[kind].columns.map((c) => ({ header: c.label[lang], key: c.name, width: Math.max(14, c.label[lang].length + 2) }));
  data.getRow(1).font = { bold: true };
  const words = EXPLAIN[lang];
  const help = book.addWorksheet(words.sheet);
  help.columns = [{ width: 28 }, { width: 26 }, { width: 12 }, { width: 90 }];
  help.addRow(words.headers).font = { bold: true };
  for (const c of SHEETS[kind].columns)
    help.addRow([c.label[lang], c.name, c.required ? words.yes : words.no, c.values ? c.values.join(', ') : (c.note?.[lang] ?? '')]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
