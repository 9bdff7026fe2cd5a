/**
 * Issue 11, languages: every page in French, English, German and Arabic opened by URL (with a
 * screenshot of each), the switcher changing the language, the URL and the memory of it, Arabic
 * laid out right to left (the document's direction, the navigation and a progress bar mirrored,
 * a chart's axis drawn on the right inside its canvas, the regions' map left as a map), the
 * logframe's German and Arabic texts on the overview, and the downloads asking for the reader's
 * language. Screenshots: tests/e2e/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogframeView } from '@jalon/contracts';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../../apps/dashboard/src/lib/catalogs/ar.js';
import de from '../../apps/dashboard/src/lib/catalogs/de.js';
import en from '../../apps/dashboard/src/lib/catalogs/en.js';
import fr from '../../apps/dashboard/src/lib/catalogs/fr.js';
import { call, CHROMIUM, CHROMIUM_ARGS, CI, expectChartsDrawn, HAVE_CHROMIUM, loginApi, password, SHOTS, shot, startServer, stopServer, type Server } from './support.js';

const CATALOGS = { fr, en, de, ar } as const;
type Lang = keyof typeof CATALOGS;
const LANGS = Object.keys(CATALOGS) as Lang[];
const PAGES = ['', 'indicator/1.1', 'csos', 'trainings', 'cases', 'regions', 'log', 'sheets', 'restatement', 'reads', 'verify'] as const;

/** Waits until the page shows its content in `lang`, not a loading line. */
async function pageReady(page: Page, path: string, lang: Lang): Promise<void> {
  const marker = path === '' ? '[data-indicator]' : path.startsWith('indicator/') ? '[data-detail] .headline' : `[data-page="${path}"]`;
  await page.locator(marker).first().waitFor({ timeout: 20_000 });
  await page.waitForFunction((l) => document.documentElement.lang === l && document.querySelectorAll('.loading').length === 0, lang, {
    timeout: 20_000,
  });
}

/** Ink (non-transparent pixels) of a chart's canvas inside a vertical strip [from, to) in CSS pixels. */
function inkInStrip(page: Page, selector: string, from: 'left' | 'right', width: number): Promise<{ ink: number; canvasWidth: number }> {
  return page.evaluate(
    ({ selector, from, width }) => {
      const canvas = document.querySelector(selector)!.querySelector('canvas')!;
      const scale = canvas.width / canvas.getBoundingClientRect().width;
      const w = Math.round(width * scale);
      const x = from === 'left' ? 0 : canvas.width - w;
      const data = canvas.getContext('2d')!.getImageData(x, 0, w, canvas.height).data;
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 128) ink++;
      return { ink, canvasWidth: canvas.width };
    },
    { selector, from, width },
  );
}

describe.skipIf(!HAVE_CHROMIUM && !CI)('the dashboard in four languages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-e2e-i18n-'));
  const admin = password('admin');
  let server: Server;
  let context: BrowserContext;
  let logframe: LogframeView;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`CI=true and no Chromium at ${CHROMIUM}`);
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(dir, admin);
    logframe = await call<LogframeView>(server, '/logframe', await loginApi(server, 'admin', admin));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
      // Bars grow over 0.4 s; measuring them mid-transition made the right-to-left test flaky.
      reducedMotion: 'reduce',
    });
    // One tab for the whole file: the session lives in the tab (sessionStorage).
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/#/`);
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill(admin);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.locator('.pages-nav').waitFor({ timeout: 20_000 });
  });

  afterAll(async () => {
    await context?.close();
    if (server) await stopServer(server.process);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the logframe answers every text in German and Arabic', () => {
    const titles = [...logframe.indicators, ...logframe.objectives, ...logframe.activities].map((x) => x.title);
    const { project } = logframe;
    const others = [...logframe.indicators.map((i) => i.computedAs).filter((f) => /[a-z]/.test(f.en)), project.notice, project.demo!, ...project.context];
    for (const title of [...titles, project.title, project.donor, ...others]) {
      expect(title.de, title.en).toBeTruthy();
      expect(title.ar, title.en).toMatch(/[\u0600-\u06ff]/);
      expect(title.de).not.toBe(title.en);
    }
  });

  for (const lang of LANGS) {
    it(`opens every page by URL in ${lang}`, { timeout: 240_000 }, async () => {
      for (const path of PAGES) {
        await page.goto(`${server.url}/#/${path}?lang=${lang}`);
        await pageReady(page, path, lang);
        const html = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
        expect(html, path).toEqual({ lang, dir: lang === 'ar' ? 'rtl' : 'ltr' });
        // The page speaks the language: the navigation and the switcher say so.
        await expect(page.locator('[data-nav="overview"]').textContent(), path).resolves.toContain(CATALOGS[lang]['nav.overview']);
        await expect(page.locator('.lang-switch select').inputValue()).resolves.toBe(lang);
        await shot(page, `i18n-${lang}-${path.replace('/', '-') || 'overview'}.png`);
      }
      expect(errors).toEqual([]);
    });
  }

  it('shows the logframe’s German and Arabic texts on the overview', { timeout: 60_000 }, async () => {
    for (const lang of ['de', 'ar'] as const) {
      await page.goto(`${server.url}/#/?lang=${lang}`);
      await pageReady(page, '', lang);
      for (const def of logframe.indicators)
        await expect(page.locator(`[data-indicator="${def.code}"] h3`).textContent(), def.code).resolves.toContain(def.title[lang]!);
      for (const o of logframe.objectives) await expect(page.locator(`[data-objective="${o.code}"] h2`).textContent()).resolves.toBe(o.title[lang]);
      await expect(page.locator('body').textContent()).resolves.toContain(logframe.project.title[lang]!);
    }
  });

  it('switches language with the switcher, in the URL and remembered', { timeout: 60_000 }, async () => {
    await page.goto(`${server.url}/#/csos?lang=fr`);
    await pageReady(page, 'csos', 'fr');
    const names = await page.locator('.lang-switch option').allTextContents();
    expect(names).toEqual(['Français', 'English', 'Deutsch', 'العربية']);

    await page.getByLabel(fr['lang.label'], { exact: true }).selectOption('de');
    await pageReady(page, 'csos', 'de');
    expect(new URL(page.url()).hash).toMatch(/^#\/csos\?(.*&)?lang=de/);
    await expect(page.locator('[data-page="csos"] h1').textContent()).resolves.toBe(de['csos.title']);

    // Remembered: a link without a language opens in the one chosen last.
    await page.goto(`${server.url}/#/trainings`);
    await pageReady(page, 'trainings', 'de');
    expect(new URL(page.url()).hash).toMatch(/lang=de/);

    await page.getByLabel(de['lang.label'], { exact: true }).selectOption('ar');
    await pageReady(page, 'trainings', 'ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect(page.locator('[data-page="trainings"] h1').textContent()).resolves.toBe(ar['trainings.title']);
    await page.getByLabel(ar['lang.label'], { exact: true }).selectOption('en');
    await pageReady(page, 'trainings', 'en');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
  });

  it('lays Arabic out right to left, charts included', { timeout: 90_000 }, async () => {
    const partlyFilled = () =>
      page.waitForFunction(() =>
        [...document.querySelectorAll('.progress')].some((p) => {
          const w = p.querySelector('.progress-fill')?.getBoundingClientRect().width ?? 0;
          return w > 4 && w < p.getBoundingClientRect().width - 4;
        }),
      );
    const boxes = async () =>
      page.evaluate(() => {
        const rect = (el: Element | null) => el!.getBoundingClientRect();
        const links = [...document.querySelectorAll('.pages-nav a')];
        // A card whose bar is partly filled, so that the side it fills from shows.
        const bar = [...document.querySelectorAll('.progress')].find((p) => {
          const w = rect(p.querySelector('.progress-fill')).width;
          return w > 4 && w < rect(p).width - 4;
        })!;
        const fill = rect(bar.querySelector('.progress-fill'));
        return { first: rect(links[0]).x, last: rect(links.at(-1)!).x, bar: { left: rect(bar).left, right: rect(bar).right }, fill: { left: fill.left, right: fill.right } };
      });

    await page.goto(`${server.url}/#/?lang=fr&asOf=2015-06-30`);
    await pageReady(page, '', 'fr');
    await partlyFilled();
    const ltr = await boxes();
    expect(ltr.first).toBeLessThan(ltr.last);
    expect(Math.abs(ltr.fill.left - ltr.bar.left)).toBeLessThan(1);

    await page.goto(`${server.url}/#/?lang=ar&asOf=2015-06-30`);
    await pageReady(page, '', 'ar');
    await partlyFilled();
    const rtl = await boxes();
    expect(rtl.first, 'the first page of the navigation is on the right').toBeGreaterThan(rtl.last);
    expect(Math.abs(rtl.fill.right - rtl.bar.right), 'the progress bar fills from the right').toBeLessThan(1);
    expect(rtl.fill.left).toBeGreaterThan(rtl.bar.left + 4);

    // The indicator chart's value axis changes sides: its labels are drawn inside the canvas, on
    // the right in Arabic (where French has only a thin margin) and on the left in French.
    const chart = '[data-chart="series-1.1"]';
    for (const [lang, axisSide, emptySide] of [
      ['fr', 'left', 'right'],
      ['ar', 'right', 'left'],
    ] as const) {
      await page.goto(`${server.url}/#/indicator/1.1?lang=${lang}`);
      await pageReady(page, 'indicator/1.1', lang);
      await expectChartsDrawn(page, chart, 1);
      await page.waitForTimeout(800); // the series' entry animation
      const axis = await inkInStrip(page, chart, axisSide, 40);
      const margin = await inkInStrip(page, chart, emptySide, 14);
      expect(axis.ink, `${lang}: axis labels on the ${axisSide}`).toBeGreaterThan(100);
      expect(margin.ink, `${lang}: nothing drawn in the ${emptySide} margin`).toBeLessThan(axis.ink / 10);
    }
    await shot(page, 'i18n-ar-indicator-chart.png');

    // A map is not mirrored: the Oriental (east) stays right of Tanger-Tétouan (north-west).
    await page.goto(`${server.url}/#/regions?lang=ar`);
    await pageReady(page, 'regions', 'ar');
    const x = (region: string) => page.locator(`[data-region="${region}"]`).evaluate((el) => el.getBoundingClientRect().x);
    expect(await x('oriental')).toBeGreaterThan(await x('tanger-tetouan-al-hoceima'));
  });

  it('downloads in the reader’s language; the donor report, which has no Arabic, in French', { timeout: 60_000 }, async () => {
    await page.goto(`${server.url}/#/?lang=ar`);
    await pageReady(page, '', 'ar');
    const table = page.waitForRequest(/\/api\/v1\/indicators\/export\?/);
    await page.locator('[data-download="csv"]').click();
    expect(new URL((await table).url()).searchParams.get('lang')).toBe('ar');
    const report = page.waitForRequest(/\/api\/v1\/reports\/donor\?/);
    await page.locator('[data-download="html"]').click();
    expect(new URL((await report).url()).searchParams.get('lang')).toBe('fr');
    await expect(page.locator('[data-report-lang="fr"]').textContent()).resolves.toBe(ar['dl.reportFrench']);

    await page.goto(`${server.url}/#/?lang=de`);
    await pageReady(page, '', 'de');
    await expect(page.locator('[data-report-lang]').count()).resolves.toBe(0);
    const german = page.waitForRequest(/\/api\/v1\/reports\/donor\?/);
    await page.locator('[data-download="html"]').click();
    expect(new URL((await german).url()).searchParams.get('lang')).toBe('de');
  });
});
