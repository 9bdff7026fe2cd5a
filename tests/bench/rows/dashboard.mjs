// The dashboard: gzipped JavaScript of the first page (tools/bundle-size.mjs, as the e2e budget test
// reads it) and the time from opening the page to the first chart drawn, in headless Chromium,
// signed in, against the API on the whole log.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { firstLoadSizes } from '../../../tools/bundle-size.mjs';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';
import { median } from '../support/measure.mjs';
import { ROOT } from '../support/processes.mjs';
import { failedRow, row } from '../support/table.mjs';

const FIRST_PAGE = 'OverviewPage';

/** True once a chart's canvas has a painted pixel. */
function chartDrawn() {
  for (const canvas of document.querySelectorAll('[data-chart] canvas')) {
    if (canvas.width === 0 || canvas.height === 0) continue;
    const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    if (pixels) for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
  }
  return false;
}

async function firstChartMs(ctx, chromium) {
  const { chromium: playwright } = await import('playwright-core');
  const { url, token } = await ctx.bigServer();
  const profile = mkdtempSync(join(tmpdir(), 'jalon-bench-chromium-'));
  const browser = await playwright.launchPersistentContext(profile, { executablePath: chromium, headless: true, args: CHROMIUM_ARGS });
  try {
    const session = JSON.stringify({ token, role: 'admin', username: 'admin', expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    await browser.addInitScript((value) => sessionStorage.setItem('jalon.session', value), session);
    const times = [];
    for (let round = 0; round < ctx.settings.rounds; round++) {
      const page = await browser.newPage();
      const started = performance.now();
      await page.goto(url);
      await page.waitForFunction(chartDrawn, undefined, { polling: 'raf', timeout: 60_000 });
      times.push(performance.now() - started);
      await page.close();
    }
    return median(times);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function dashboardRows(ctx) {
  const sizes = firstLoadSizes(join(ROOT, 'apps/dashboard/dist'));
  const kb = sizes[FIRST_PAGE];
  const rows = [row({ name: 'dashboard, first page JS', measure: `gzipped kB (${FIRST_PAGE})`, jalon: kb, unit: 'kB', target: '≤ 250 kB', met: kb <= 250 })];
  const name = `dashboard, first chart at ${ctx.settings.events.toLocaleString('en')}`;
  const chromium = findChromium();
  if (!chromium) return [...rows, failedRow(name, 'ms', 'no Chromium (CHROMIUM_PATH, chromium or chromium-browser)')];
  try {
    const ms = await firstChartMs(ctx, chromium);
    rows.push(row({ name, measure: `ms from navigation, headless Chromium (median of ${ctx.settings.rounds})`, jalon: ms, unit: 'ms', target: '≤ 1,500 ms', met: ms <= 1500 }));
  } catch (error) {
    rows.push(failedRow(name, 'ms', error));
  }
  return rows;
}
