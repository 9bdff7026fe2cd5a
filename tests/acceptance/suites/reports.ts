/**
 * The donor report (CONTRACT.md, "Exports and reports"): a PDF whose text is real (pdftotext reads
 * it), holding every indicator, the period and the head hash, with the API's numbers, and no
 * victim-related breakdown cell below the threshold as a number; the same document as HTML.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isCI } from '../../support/settings.js';
import { REPO_ROOT, useServer, type StoreFactory } from '../support/server.js';

const poppler = spawnSync('pdftotext', ['-v']).status === 0;
const required = isCI();
if (!poppler) console.warn('\n⚠ pdftotext missing (apt-get install poppler-utils): the PDF report checks are skipped\n');
const SHOTS = join(REPO_ROOT, 'tests/e2e/screenshots');
const VICTIM = /^[13]\.\d /;

/** The text of a PDF, laid out as on the page, one string per page. */
function pdfPages(pdf: Buffer, name: string): string[] {
  mkdirSync(SHOTS, { recursive: true });
  const file = join(SHOTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(SHOTS, name)]);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
}

export function reportsSuite(label: string, stores: StoreFactory): void {
  describe(`[${label}] the donor report`, () => {
    const srv = useServer(stores, { demo: true });
    let donor: string;
    let head: { position: number; hash: string };
    const report = async (query: string) => {
      const res = await fetch(`${srv.server.url}/api/v1/reports/donor?${query}`, { headers: { authorization: `Bearer ${donor}` } });
      return { res, body: Buffer.from(await res.arrayBuffer()) };
    };

    beforeAll(async () => {
      donor = await srv.login('donor');
      head = (await srv.api('GET', '/api/v1/audit/verify', { token: await srv.login('auditor') })).json.head;
    });

    it.skipIf(!poppler && !required)('given the demo log, when the donor asks for the 2015 report in English as a PDF, then its text holds every indicator with the API values as of 2015-12-31, the period, and the position and head hash on every page', async () => {
      const { res, body } = await report('period=2015&lang=en&format=pdf');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('jalon-hash')).toBe(head.hash);
      const pages = pdfPages(body, `report-2015-en-${label}`).filter((p) => p.trim() !== '');
      const text = pages.join('\n');
      expect(text).toContain('Period: 2015 (January 1, 2015 – December 31, 2015)');
      expect(text).toContain('Illustrative targets: the project sheet gives none.');
      for (const page of pages) expect(page.replace(/\s+/g, ' ')).toContain(`Log position ${head.position} · hash ${head.hash}`);
      const api = (await srv.api('GET', '/api/v1/indicators?asOf=2015-12-31', { token: donor })).json.indicators;
      const lines = text.split('\n').map((l) => l.trim());
      for (const i of api) {
        const line = lines.find((l) => l.startsWith(`${i.code} `) && /\d/.test(l.slice(4)));
        expect(line, `a row for ${i.code}`).toBeDefined();
        const shown = i.unit === 'count' ? String(i.value) : `${(Math.round(i.value * 10) / 10).toLocaleString('en')} %`;
        const target = i.unit === 'count' ? String(i.target) : `${i.target} %`;
        expect(line!.replace(/\u00a0/g, ' '), `${i.code} row`).toContain(`${target}`);
        expect(line!.replace(/\u00a0/g, ' '), `${i.code} value`).toMatch(new RegExp(`\\s${shown.replace('.', '\\.')}\\s`));
      }
    });

    it.skipIf(!poppler && !required)('given the whole project in French, when the PDF is read, then no victim-related breakdown shows a number below the threshold: small cells read "< 5"', async () => {
      const { res, body } = await report('period=project&lang=fr');
      expect(res.status).toBe(200);
      const text = pdfPages(body, `report-project-fr-${label}`).join('\n').replace(/\u00a0/g, ' ');
      // A bullet runs to the page footer or the next objective's heading, whichever comes first.
      const breakdowns = text.split('•').slice(1).map((b) => b.replace(/\s+/g, ' ').split(/ Position \d| OS\d — /)[0].trim());
      const victims = breakdowns.filter((b) => VICTIM.test(b));
      expect(victims.length).toBeGreaterThan(10);
      expect(victims.some((b) => b.includes('< 5'))).toBe(true);
      for (const line of victims) {
        const numbers = [...line.replace(/< 5/g, '').replace(/^\d\.\d/, '').matchAll(/\b\d+\b/g)].map((m) => Number(m[0]));
        for (const n of numbers) expect(n, line).toBeGreaterThanOrEqual(5);
      }
    });

    it('given the 2015-Q3 report in German as HTML, when read, then it is one page with every objective, an SVG chart each, the German texts and the head hash', async () => {
      const { res, body } = await report('period=2015-Q3&lang=de&format=html');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = body.toString('utf8');
      mkdirSync(SHOTS, { recursive: true });
      writeFileSync(join(SHOTS, `report-2015-Q3-de-${label}.html`), html);
      expect(html).toContain('<html lang="de">');
      expect(html).toContain('Bericht an den Geber');
      expect(html.match(/<svg/g)).toHaveLength(3);
      for (const code of ['OS1', 'OS2', 'OS3']) expect(html).toContain(`<h2>${code} — `);
      expect(html).toContain(head.hash);
      expect(html).not.toMatch(/<script/i);
    });

    it.each([
      ['period=2013', 'period'],
      ['period=2017-Q1', 'period'],
      ['period=2014-Q2', 'period'],
      ['period=2015&lang=ar', 'lang'],
      ['period=2015&format=docx', 'format'],
      ['period=2015&atPosition=99999999', 'atPosition'],
      ['lang=fr', 'period'],
    ])('given %s, when the report is asked for, then 400 names %s', async (query, param) => {
      const res = await srv.api('GET', `/api/v1/reports/donor?${query}`, { token: donor });
      expect(res.status).toBe(400);
      expect(res.json.errors.map((e: any) => e.path)).toContain(`/${param}`);
    });
  });
}
