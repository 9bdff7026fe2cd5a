/**
 * The donor-safe files (CONTRACT.md, "Exports and reports"): the indicator table as CSV and XLSX,
 * and the IATI 2.03 activity file, checked against the API's own answers for the same evaluation
 * and, for IATI, against the published schema with xmllint.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isCI } from '../../support/settings.js';
import { create } from 'xmlbuilder2';
import { REPO_ROOT, useServer, type StoreFactory } from '../support/server.js';

const COLUMNS = ['code', 'objective', 'indicator', 'unit', 'baseline', 'target', 'expected', 'value', 'numerator', 'denominator', 'status'];
/** The schema ships in shared/ beside the checkout (CI lays it there); JALON_IATI_SCHEMA points elsewhere. */
const SCHEMA = process.env.JALON_IATI_SCHEMA ?? resolve(REPO_ROOT, '../shared/iati/iati-activities-schema.xsd');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const VICTIM_RELATED = ['1.1', '1.2', '1.3', '3.1', '3.2', '3.3'];

const xmllint = spawnSync('xmllint', ['--version']).status === 0;
const truthy = isCI();
if (!xmllint) console.warn('\n⚠ xmllint missing (apt-get install libxml2-utils): the IATI schema check is skipped\n');

/** A cell of the CSV as the API's JSON would give it: '' is null, numbers parse back exactly. */
const fromCsv = (cell: string, column: string) =>
  cell === '' ? null : ['baseline', 'target', 'expected', 'value', 'numerator', 'denominator'].includes(column) ? Number(cell) : cell;

export function exportsSuite(label: string, stores: StoreFactory): void {
  describe(`[${label}] indicator exports and the IATI file`, () => {
    const srv = useServer(stores, { demo: true });
    let donor: string;
    let head: number;
    let headHash: string;
    const download = async (path: string, token = donor) => {
      const res = await fetch(srv.server.url + path, { headers: { authorization: `Bearer ${token}` } });
      return { res, body: Buffer.from(await res.arrayBuffer()) };
    };
    const indicators = async (query: string) => (await srv.api('GET', `/api/v1/indicators${query}`, { token: donor })).json;

    beforeAll(async () => {
      donor = await srv.login('donor');
      const verify = await srv.api('GET', '/api/v1/audit/verify', { token: await srv.login('auditor') });
      ({ position: head, hash: headHash } = verify.json.head);
    });

    it('given the demo log, when a donor downloads the CSV, then it is the indicator table of GET /indicators: BOM, English header, logframe order, unrounded numbers, empty cells for null', async () => {
      const { res, body } = await download('/api/v1/indicators/export?format=csv&asOf=2015-12-31');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.csv"$/);
      expect(res.headers.get('jalon-position')).toBe(String(head));
      expect(res.headers.get('jalon-hash')).toBe(headHash);
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = body.toString('utf8').slice(1);
      expect(text).toMatch(/\r\n/);
      const [header, ...rows] = parse(text) as string[][];
      expect(header).toEqual(COLUMNS);
      const api = await indicators('?asOf=2015-12-31');
      expect(rows.map((r) => r[0])).toEqual(api.indicators.map((i: any) => i.code));
      rows.forEach((r, n) => {
        const want = api.indicators[n];
        for (const [k, column] of COLUMNS.entries()) {
          if (column === 'indicator') continue;
          expect(fromCsv(r[k], column), `${want.code} ${column}`).toStrictEqual(want[column] ?? null);
        }
      });
      expect(rows.find((r) => r[0] === '1.1')![2]).toBe('Victimes présumées identifiées et orientées');
    });

    it('given lang=de and an earlier position, when the XLSX is downloaded, then its table has German headers and texts and the values known at that position, and its second sheet names asOf, position and hash', async () => {
      const at = Math.floor(head / 2);
      const hash = (await srv.api('GET', `/api/v1/events?after=${at - 1}&limit=1`, { token: await srv.login('auditor') })).json.events[0].hash;
      const { res, body } = await download(`/api/v1/indicators/export?format=xlsx&lang=de&atPosition=${at}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.xlsx"$/);
      expect(res.headers.get('jalon-position')).toBe(String(at));
      expect(res.headers.get('jalon-hash')).toBe(hash);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(body as unknown as ExcelJS.Buffer);
      const [table, about] = book.worksheets;
      const values = (row: number) => (table.getRow(row).values as unknown[]).slice(1);
      expect(values(1)).toEqual(['Code', 'Ziel', 'Indikator', 'Einheit', 'Ausgangswert', 'Zielwert', 'Erwartet', 'Wert', 'Zähler', 'Nenner', 'Status']);
      const api = await indicators(`?atPosition=${at}`);
      api.indicators.forEach((want: any, n: number) => {
        const got = values(n + 2);
        expect(got[0]).toBe(want.code);
        expect(got[7] ?? null, `${want.code} value`).toStrictEqual(want.value);
        expect(got[5] ?? null, `${want.code} target`).toStrictEqual(want.target);
        expect(got[10]).toBe(want.status);
      });
      expect(values(2)[2]).toBe('Identifizierte und weitervermittelte mutmaßliche Opfer');
      const facts = Object.fromEntries([1, 2, 3, 4, 5].map((r) => (about.getRow(r).values as unknown[]).slice(1)));
      expect(Object.values(facts)).toEqual(['Bekämpfung des Menschenhandels durch Stärkung der Kapazitäten von NRO und Behörden in Marokko', '2016-12-31', at, hash, `jalon verify --expect-head ${hash}`]);
    });

    it.each([
      ['format=pdf', 'format'],
      ['format=csv&lang=es', 'lang'],
      ['lang=fr', 'format'],
      ['format=csv&atPosition=999999', 'atPosition'],
      ['format=csv&asOf=2015-02-30', 'asOf'],
      ['format=csv&extra=1', 'extra'],
    ])('given %s, when the export is asked for, then 400 names %s', async (query, param) => {
      const res = await srv.api('GET', `/api/v1/indicators/export?${query}`, { token: donor });
      expect(res.status).toBe(400);
      expect(res.json.errors.map((e: any) => e.path)).toContain(`/${param}`);
    });

    it('given no token, when the export or the IATI file is asked for, then 401', async () => {
      for (const path of ['/api/v1/indicators/export?format=csv', '/api/v1/iati'])
        expect((await srv.api('GET', path)).status, path).toBe(401);
    });

    const iati = async (query = '') => {
      const { res, body } = await download(`/api/v1/iati${query}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
      return body.toString('utf8');
    };

    it.skipIf(!xmllint && !truthy)('given the demo log, when the IATI file is read (project end, mid-2015, before the start), then xmllint validates it against the IATI 2.03 schema', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jalon-iati-'));
      for (const asOf of ['', '?asOf=2015-06-30', '?asOf=2014-01-01']) {
        const file = join(dir, `a${asOf.length}.xml`);
        writeFileSync(file, await iati(asOf));
        const out = execFileSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8', stdio: 'pipe' });
        expect(out).toBe('');
      }
    });

    it('given asOf=2015-06-30, when the IATI file is read, then every indicator has its baseline and a period for 2014 and 2015 with the target in effect and the value as of the period end or asOf, and victim-related indicators carry no dimension', async () => {
      const doc = create(await iati('?asOf=2015-06-30')).end({ format: 'object' }) as any;
      const activity = doc['iati-activities']['iati-activity'];
      const results = [activity.result].flat();
      expect(results).toHaveLength(3);
      const byCode = new Map<string, any>();
      const english = (i: any) => String(i.title.narrative[0]);
      for (const r of results) for (const i of [r.indicator].flat()) byCode.set(english(i).split(' ')[0], i);
      const end2014 = await indicators('?asOf=2014-12-31');
      const mid2015 = await indicators('?asOf=2015-06-30');
      const logframe = (await srv.api('GET', '/api/v1/logframe', { token: donor })).json;
      expect([...byCode.keys()]).toEqual(mid2015.indicators.map((i: any) => i.code));
      for (const [code, indicator] of byCode) {
        const unit = mid2015.indicators.find((i: any) => i.code === code).unit;
        expect(indicator['@measure']).toBe(unit === 'count' ? '1' : '2');
        expect(indicator.baseline).toMatchObject({ '@year': '2014', '@iso-date': '2014-09-01', '@value': '0' });
        const periods = [indicator.period].flat();
        expect(periods.map((p: any) => [p['period-start']['@iso-date'], p['period-end']['@iso-date']])).toEqual([
          ['2014-09-01', '2014-12-31'],
          ['2015-01-01', '2015-12-31'],
        ]);
        const targets = logframe.indicators.find((i: any) => i.code === code).targets;
        for (const [n, view] of [end2014, mid2015].entries()) {
          const actuals = [periods[n].actual].flat();
          const want = view.indicators.find((i: any) => i.code === code).value;
          expect(actuals[0]['@value'] ?? null, `${code} period ${n}`).toBe(want === null ? null : String(want));
          const target = targets[n === 0 ? '2014' : '2015'];
          expect(periods[n].target?.['@value'], `${code} target ${n}`).toBe(target === undefined ? undefined : String(target));
          const dimensions = actuals.slice(1);
          if (VICTIM_RELATED.includes(code)) expect(dimensions, `${code} has no breakdown`).toEqual([]);
          else if (unit === 'count' && Number(want) > 0) expect(dimensions.length, `${code} breakdown cells`).toBeGreaterThan(0);
        }
      }
    });

    it('given a victim-related indicator, when the IATI file of the whole project is read, then no dimension of a victim (sex, age, nationality, exploitation, referral) appears anywhere', async () => {
      const xml = await iati();
      for (const name of ['ageGroup', 'nationality', 'exploitationType', 'referredBy']) expect(xml).not.toContain(`name="${name}"`);
      expect(xml).toContain('name="region"');
    });
  });
}
