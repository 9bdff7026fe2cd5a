/**
 * Bulk entry from sheets (CONTRACT.md, "Sheets"): every kind as CSV and XLSX, headers in any of
 * the three namings, the row report, all-or-nothing commits decided row by row, idempotent
 * retries, a large file, and hostile files that must append nothing.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { useServer, type StoreFactory } from '../support/server.js';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Cell = string | number | Date | { formula: string } | null;

const csv = (rows: (string | number)[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\r\n') + '\r\n');

async function xlsx(rows: Cell[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Data');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One valid sheet of each kind, in an order where each may lean on the ones before. */
function everyKind(prefix: string): [string, (string | number)[][]][] {
  const id = (n: number) => `${prefix}${n}`;
  return [
    ['csos', [['csoId', 'name', 'region', 'city', 'domains', 'mappedOn'], [id(1), 'Association Amal', 'oriental', 'Oujda', 'protection;shelter', '2015-02-01'], [id(2), 'Tanmia', 'souss-massa', '', 'health', '2015-02-03']]],
    ['assessments', [["Identifiant OSC", "Date d'évaluation", 'Score gouvernance', 'Score finances', 'Score ressources humaines', 'Score programme', 'Score protection'], [id(1), '2015-03-01', 3, 2, 4, 3, 1]]],
    ['agreements', [['CSO ID', 'SIGNED ON', 'agreement reference'], [id(1), '2015-04-01', `AG-${id(1)}`]]],
    ['trainings', [['trainingId', 'heldOn', 'audience', 'topic', 'region', 'participants.female', 'participants.male', 'knowledgeTest.tested', 'knowledgeTest.improved'], [id(1), '2015-05-05', 'cso', 'Identification', 'oriental', 4, 6, 10, 7], [id(2), '2015-06-05', 'government', 'Law', 'fes-meknes', 3, 0, '', '']]],
    ['cases', [['caseId', 'identifiedOn', 'sex', 'ageGroup', 'nationality', 'exploitationType', 'referredBy'], [id(1), '2015-01-10', 'female', 'adult', 'NG', 'sexual', 'cso'], [id(2), '2015-01-12', 'male', 'minor', 'CM', 'labour', 'iom']]],
    ['assistance', [['caseId', 'providedOn', 'assistanceType'], [id(1), '2015-02-01', 'shelter'], [id(2), '2015-02-02', 'avrr_return'], [id(1), '2015-03-01', 'medical']]],
    ['closures', [['Case id', 'Closed on', 'Reason'], [id(2), '2015-06-01', 'returned']]],
  ];
}

export function sheetsSuite(label: string, stores: StoreFactory): void {
  describe(`[${label}] sheets: bulk entry from CSV and Excel`, () => {
    const srv = useServer(stores);
    let manager: string;
    const send = async (kind: string, body: Buffer, type = CSV, query = '', headers: Record<string, string> = {}) => {
      const res = await fetch(`${srv.server.url}/api/v1/sheets/${kind}${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${manager}`, 'content-type': type, ...headers },
        body,
      });
      return { status: res.status, json: await res.json() };
    };
    const unchanged = async (run: () => Promise<unknown>) => {
      const before = await srv.head();
      await run();
      expect(await srv.head()).toBe(before);
    };

    beforeAll(async () => {
      manager = await srv.login('manager');
    });

    it('given a valid CSV of each kind, when committed in turn, then every row is recorded, each sheet in one go, assistance for cases of the sheet before included', async () => {
      for (const [kind, rows] of everyKind('c')) {
        const before = await srv.head();
        const res = await send(kind, csv(rows));
        expect(res.status, `${kind}: ${JSON.stringify(res.json)}`).toBe(201);
        expect(res.json).toMatchObject({ kind, rows: rows.length - 1 });
        expect(res.json.eventIds).toHaveLength(rows.length - 1);
        expect(res.json.position).toBe(before + rows.length - 1);
      }
      const indicators = (await srv.api('GET', '/api/v1/indicators', { token: manager })).json.indicators;
      const value = (code: string) => indicators.find((i: any) => i.code === code).value;
      expect([value('2.5'), value('2.6'), value('2.7'), value('2.2'), value('2.1'), value('1.1'), value('1.2'), value('3.1')]).toEqual([2, 1, 1, 10, 3, 2, 2, 1]);
    });

    it('given a valid XLSX of each kind with Excel dates and numbers, when committed, then every row is recorded', async () => {
      for (const [kind, rows] of everyKind('x')) {
        const cells = rows.map((r, n) => (n === 0 ? r : r.map((c) => (typeof c === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c) ? new Date(`${c}T00:00:00Z`) : c))));
        const res = await send(kind, await xlsx(cells), XLSX);
        expect(res.status, `${kind}: ${JSON.stringify(res.json)}`).toBe(201);
        expect(res.json.eventIds).toHaveLength(rows.length - 1);
      }
    });

    it('given a sheet with one bad row, when committed, then 400 names its row, column and path and nothing is appended; a dry run reports the same and the valid count', async () => {
      const rows = [['caseId', 'identifiedOn', 'sex', 'ageGroup', 'nationality', 'exploitationType', 'referredBy'], ['b1', '2015-01-10', 'female', 'adult', 'NG', 'sexual', 'cso'], ['b2', '2015-01-11', 'female', 'adult', 'ZZ', 'sexual', 'cso'], ['b3', '2015-01-12', 'male', 'adult', 'NG', 'sexual', 'cso']];
      await unchanged(async () => {
        const res = await send('cases', csv(rows));
        expect(res.status).toBe(400);
        expect(res.json.errors).toEqual([{ row: 3, column: 'nationality', path: '/nationality', message: expect.any(String) }]);
        const dry = await send('cases', csv(rows), CSV, '?dryRun=true');
        expect(dry.status).toBe(200);
        expect(dry.json).toEqual({ kind: 'cases', rows: 3, valid: 2, errors: [{ row: 3, column: 'nationality', message: expect.any(String) }] });
      });
    });

    it('given two rows identifying one case, when committed, then the second is refused by row and nothing is appended', async () => {
      const rows = [['caseId', 'identifiedOn', 'sex', 'ageGroup', 'nationality', 'exploitationType', 'referredBy'], ['d1', '2015-01-10', 'female', 'adult', 'NG', 'sexual', 'cso'], ['d1', '2015-01-11', 'male', 'adult', 'NG', 'labour', 'cso']];
      await unchanged(async () => {
        const res = await send('cases', csv(rows));
        expect(res.status).toBe(400);
        expect(res.json.errors).toEqual([{ row: 3, column: 'caseId', path: '/caseId', message: expect.stringMatching(/already/) }]);
      });
    });

    it('given the same sheet sent twice with one Idempotency-Key, then it is recorded once and the second answer is the first; another sheet with that key is a 409', async () => {
      const rows = everyKind('k').find(([kind]) => kind === 'csos')![1];
      const first = await send('csos', csv(rows), CSV, '', { 'idempotency-key': 'sheet-k' });
      expect(first.status).toBe(201);
      await unchanged(async () => {
        const again = await send('csos', csv(rows), CSV, '', { 'idempotency-key': 'sheet-k' });
        expect(again).toEqual(first);
        const other = await send('csos', csv([rows[0], ['k9', 'Other', 'oriental', '', 'health', '2015-02-01']]), CSV, '', { 'idempotency-key': 'sheet-k' });
        expect(other.status).toBe(409);
      });
    });

    it('given 10,000 training rows, when committed, then all go in at once (time printed)', async () => {
      const rows: (string | number)[][] = [['trainingId', 'heldOn', 'audience', 'topic', 'region', 'participants.female', 'participants.male']];
      for (let n = 0; n < 10_000; n++) rows.push([`big-${n}`, '2016-03-01', 'cso', 'Refresher', 'oriental', 1, 1]);
      const started = performance.now();
      const res = await send('trainings', csv(rows));
      const ms = performance.now() - started;
      expect(res.status).toBe(201);
      expect(res.json.eventIds).toHaveLength(10_000);
      console.log(`[sheets:${label}] 10,000-row CSV committed in ${Math.round(ms)} ms`);
    }, 120_000);

    it('given hostile files (a zip bomb, 200,000 rows, a PNG sent as CSV, a formula cell, not a zip as XLSX), then each gets a clear 400 or 413 and nothing is appended', async () => {
      const zip = new JSZip();
      zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
      zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(60 * 1024 * 1024, 0x20));
      const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const big = Buffer.from('trainingId\r\n' + 'x\r\n'.repeat(200_000));
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
      const formula = await xlsx([['csoId', 'name', 'region', 'domains', 'mappedOn'], ['f1', { formula: 'HYPERLINK("http://x","y")' }, 'oriental', 'health', '2015-02-01']]);
      await unchanged(async () => {
        expect((await send('trainings', bomb, XLSX)).status).toBe(413);
        expect((await send('trainings', big)).status).toBe(413);
        const asCsv = await send('trainings', png);
        expect(asCsv.status).toBe(400);
        expect(asCsv.json.detail).toMatch(/not a CSV/);
        expect((await send('trainings', png, XLSX)).json.detail).toMatch(/not an XLSX/);
        const f = await send('csos', formula, XLSX);
        expect(f.status).toBe(400);
        expect(f.json.errors).toEqual([{ row: 2, column: 'name', path: '/name', message: expect.stringMatching(/formula/) }]);
        expect((await send('trainings', Buffer.from('{}'), 'application/json')).status).toBe(400);
        expect((await send('nothing', csv([['x']]))).status).toBe(400);
      });
    });

    it('given a donor or an auditor, when they send a sheet, then 403 and nothing is appended', async () => {
      for (const role of ['donor', 'auditor'] as const) {
        const token = await srv.login(role);
        const res = await fetch(`${srv.server.url}/api/v1/sheets/csos`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': CSV }, body: csv([['csoId']]) });
        expect(res.status, role).toBe(403);
      }
    });

    it('given a template in French as XLSX and in English as CSV, then their headers read back as a sheet of that kind, and the XLSX explains each column', async () => {
      const res = await fetch(`${srv.server.url}/api/v1/sheets/trainings/template?format=xlsx&lang=fr`, { headers: { authorization: `Bearer ${manager}` } });
      expect(res.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
      const header = (book.worksheets[0].getRow(1).values as string[]).slice(1);
      expect(header[0]).toBe('Identifiant formation');
      expect(book.worksheets[1].rowCount).toBe(1 + 9);
      const filled = await xlsx([header, ['tpl-1', new Date('2015-07-01T00:00:00Z'), 'cso', 'Intro', 'oriental', 2, 2, null, null]]);
      expect((await send('trainings', filled, XLSX, '?dryRun=true')).json).toEqual({ kind: 'trainings', rows: 1, valid: 1, errors: [] });
      const en = await fetch(`${srv.server.url}/api/v1/sheets/cases/template?format=csv&lang=en`, { headers: { authorization: `Bearer ${manager}` } });
      // text() would drop the BOM: read the bytes.
      expect(Buffer.from(await en.arrayBuffer()).toString('utf8')).toBe('\uFEFFCase id,Identified on,Sex,Age group,Nationality,Type of exploitation,Referred by\r\n');
    });
  });
}
