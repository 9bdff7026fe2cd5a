/**
 * Issue 11 (quality), print: with print media every page of a manager (who sees the most
 * controls) hides the navigation and every control and keeps its content, black on white, with
 * the page's URL, date of situation and log position and hash; the overview printed to PDF by
 * Chromium holds every card's figure and that position and hash (read back with pdftotext).
 * Screenshots: tests/e2e/screenshots/print-overview-1.png (the PDF's first page, pdftoppm).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot, openPage, pagesOf, signInAt, type Fixture } from './a11y-support.js';
import { call, CI, HAVE_CHROMIUM, loginApi, SHOTS } from './support.js';

interface Head {
  events: { position: number; hash: string }[];
}

/** Controls a printed page should not show: what is still rendered of them. */
const visibleControls = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('nav, button, input, select, textarea, form, summary')]
      .filter((el) => el.checkVisibility())
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`),
  );

/** Spaces of any kind out: pdftotext and Intl place them differently (narrow no-break spaces, line ends). */
const squeeze = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, '');

describe.skipIf(!HAVE_CHROMIUM && !CI)('printing the dashboard', () => {
  let fx: Fixture;
  let head: { position: number; hash: string };
  beforeAll(async () => {
    fx = await boot('print');
    const token = await loginApi(fx.server, fx.users.manager.name, fx.users.manager.pw);
    head = (await call<Head>(fx.server, '/events?order=desc&limit=1', token)).events[0];
  }, 300_000);
  afterAll(async () => fx?.close());

  it('prints every page without navigation or controls, with its references', { timeout: 240_000 }, async () => {
    const page = await fx.context.newPage();
    await signInAt(page, fx, 'manager');
    const problems: string[] = [];
    for (const path of pagesOf('manager')) {
      await openPage(page, fx, path);
      await page.emulateMedia({ media: 'print' });
      const where = `/#/${path}`;
      const controls = await visibleControls(page);
      if (controls.length) problems.push(`${where}: controls shown: ${controls.slice(0, 6).join(', ')}`);
      const info = await page.locator('[data-print-info]').evaluate((el) => ({ shown: el.checkVisibility(), text: el.textContent ?? '' }));
      if (!info.shown) problems.push(`${where}: no print references`);
      if (!info.text.includes(await page.evaluate(() => location.href))) problems.push(`${where}: references without the URL: ${info.text}`);
      if (!info.text.includes('31 December 2016')) problems.push(`${where}: references without the date of situation: ${info.text}`);
      if (!info.text.includes(`position ${head.position}, hash ${head.hash}`)) problems.push(`${where}: references without the log head: ${info.text}`);
      const content = await page.locator('#content').evaluate((el) => ({ shown: el.checkVisibility(), text: (el as HTMLElement).innerText.length }));
      if (!content.shown || content.text < 100) problems.push(`${where}: content not shown (${content.text} characters)`);
      const colours = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('h1')!).color]);
      if (colours[0] !== 'rgb(255, 255, 255)' || colours[1] !== 'rgb(0, 0, 0)') problems.push(`${where}: not black on white: ${colours.join(' / ')}`);
      await page.emulateMedia({ media: 'screen' });
    }
    await page.close();
    expect(problems, `\n${problems.join('\n')}\n`).toEqual([]);
  });

  it('renders the overview to PDF with every figure, its charts and the log head', { timeout: 120_000 }, async () => {
    const page = await fx.context.newPage();
    await signInAt(page, fx, 'manager');
    await openPage(page, fx, '');
    const figures = await page.locator('[data-indicator] .value-number').allTextContents();
    expect(figures.length).toBe(13);
    await page.emulateMedia({ media: 'print' });
    // The charts stay: drawn, and inside the printed page's width.
    const charts = await page.locator('[data-chart^="objective-"] canvas').evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().width));
    expect(charts.length).toBe(3);
    for (const w of charts) expect(w).toBeGreaterThan(200);
    const pdf = join(SHOTS, 'print-overview.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const text = squeeze(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
    for (const f of figures) expect(text, `figure ${f}`).toContain(squeeze(f));
    expect(text).toContain(squeeze(`position ${head.position}, hash ${head.hash}`));
    expect(text).toContain(squeeze(await page.evaluate(() => location.href)));
    expect(text).not.toContain(squeeze('Skip to main content'));
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', pdf, join(SHOTS, 'print-overview')]);
    await page.close();
  });
});
