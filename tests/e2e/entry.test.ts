/**
 * Data entry where people work, in Debian's Chromium against the real server (issue 12): a sheet
 * with a bad row (the report names it, nothing is recorded), fixed and committed; two trainings
 * recorded with the network cut, queued, then sent once each when it returns; the overview's
 * downloads; screenshots of the donor report as HTML and of the PDF's first page.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndicatorsView } from '@jalon/contracts';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, CHROMIUM, CHROMIUM_ARGS, CI, HAVE_CHROMIUM, loginApi, password, panelShot, shot, SHOTS, signIn, startServer, stopServer, type Server } from './support.js';

const HEADER = 'trainingId,heldOn,audience,topic,region,participants.female,participants.male';
const sheet = (region: string) =>
  [HEADER, 'sheet-t1,2016-03-02,government,Identification,oriental,5,2', `sheet-t2,2016-03-09,government,Orientation,${region},1,1`, ''].join('\n');

interface EventPage {
  events: { type: string; data: Record<string, unknown> }[];
  next: number | null;
}

describe.skipIf(!HAVE_CHROMIUM && !CI)('data entry in Chromium: sheets, offline, downloads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-e2e-entry-'));
  const admin = password('admin');
  const manager = { name: 'entry-manager', pw: password('manager') };
  let server: Server;
  let context: BrowserContext;
  let token: string;

  const head = async () => (await call<IndicatorsView>(server, '/indicators', token)).position;
  const value = async (code: string) => (await call<IndicatorsView>(server, '/indicators', token)).indicators.find((i) => i.code === code)!.value;
  /** How many TrainingHeld events carry this id. */
  const trainingsWithId = async (id: string) => {
    let n = 0;
    for (let after = 0; ; ) {
      const page = await call<EventPage>(server, `/events?type=TrainingHeld&limit=1000&after=${after}`, token);
      n += page.events.filter((e) => e.data.trainingId === id).length;
      if (page.next === null) return n;
      after = page.next;
    }
  };

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`CI=true and no Chromium at ${CHROMIUM}`);
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(dir, admin);
    const adminToken = await loginApi(server, 'admin', admin);
    await call(server, '/users', adminToken, { username: manager.name, password: manager.pw, role: 'manager' });
    token = await loginApi(server, manager.name, manager.pw);
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
  });

  afterAll(async () => {
    await context?.close();
    if (server) await stopServer(server.process);
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks a sheet with a bad row (nothing recorded), then commits the fixed one', { timeout: 120_000 }, async () => {
    const page = await context.newPage();
    await signIn(page, server, manager.name, manager.pw);
    await page.locator('[data-nav="sheets"]').click();
    await page.locator('#sheet-kind').selectOption('trainings');
    const before = await head();

    await page.locator('#sheet-file').setInputFiles({ name: 'trainings.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet('atlantis')) });
    await page.locator('[data-sheet="report"][data-valid="false"]').waitFor({ timeout: 20_000 });
    const errors = await page.locator('[data-sheet="errors"] tbody tr').allInnerTexts();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^3\tregion\t/);
    await expect(page.locator('[data-sheet="preview"] tbody tr').count()).resolves.toBe(2);
    await expect(page.locator('[data-sheet="preview"] tr.row-error td').first().textContent()).resolves.toBe('3');
    await expect(page.locator('[data-sheet="commit"]').count()).resolves.toBe(0);
    await shot(page, 'sheets-bad-row.png');
    expect(await head()).toBe(before);

    await page.locator('#sheet-file').setInputFiles({ name: 'trainings.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet('fes-meknes')) });
    await page.locator('[data-sheet="report"][data-valid="true"]').waitFor({ timeout: 20_000 });
    expect(await head()).toBe(before); // a dry run appends nothing
    await page.locator('[data-sheet="commit"]').click();
    await page.locator('[data-sheet="accepted"]').waitFor({ timeout: 20_000 });
    await shot(page, 'sheets-committed.png');
    expect(await head()).toBe(before + 2);
    expect(await trainingsWithId('sheet-t1')).toBe(1);
    expect(await trainingsWithId('sheet-t2')).toBe(1);
    await page.close();
  });

  it('queues two trainings made offline and records each once when the network returns', { timeout: 120_000 }, async () => {
    const page = await context.newPage();
    await signIn(page, server, manager.name, manager.pw);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const before = await head();
    const officials = Number(await value('2.1'));
    await page.locator('#record-title').click();
    await page.locator('#record-kind').selectOption('training');

    await context.setOffline(true);
    await page.locator('[data-offline="banner"]').waitFor();
    for (const [id, female] of [['offline-t1', '4'], ['offline-t2', '2']]) {
      await page.locator('#rec-training-trainingId').fill(id);
      await page.locator('#rec-training-heldOn').fill('2016-06-15');
      await page.locator('#rec-training-audience').selectOption('government');
      await page.locator('#rec-training-topic').fill('Orientation des victimes');
      await page.locator('#rec-training-region').selectOption('oriental');
      await page.locator('#rec-training-female').fill(female);
      await page.locator('#rec-training-male').fill('3');
      await page.locator('[data-form="training"] button[type="submit"]').click();
      await page.locator(`[data-queued="waiting"]:has-text("${id}")`).waitFor();
    }
    await expect(page.locator('[data-queued="waiting"]').count()).resolves.toBe(2);
    await panelShot(page, 'section[data-panel="record"]', 'offline-queued.png');
    expect(await head()).toBe(before); // the server heard nothing

    await context.setOffline(false);
    await page.locator('[data-offline="queue"]').waitFor({ state: 'detached', timeout: 30_000 }).catch(async (e) => {
      throw new Error(`still queued: ${await page.locator('[data-offline="queue"]').innerText()}`, { cause: e });
    });
    await page.waitForFunction(
      (want) => document.querySelector<HTMLElement>('[data-indicator="2.1"] [data-value]')?.dataset.value === want,
      String(officials + 7 + 5),
      { timeout: 20_000 },
    );
    expect(await head()).toBe(before + 2);
    expect(await trainingsWithId('offline-t1')).toBe(1);
    expect(await trainingsWithId('offline-t2')).toBe(1);
    await shot(page, 'offline-sent.png');

    // The service worker serves the app itself with the network cut: a reload shows the dashboard, not the browser's error page.
    await context.setOffline(true);
    await page.reload();
    await page.locator('.pages-nav').waitFor({ timeout: 20_000 });
    await context.setOffline(false);
    await page.close();
  });

  it('downloads the indicator table from the overview; the donor report as HTML and PDF', { timeout: 120_000 }, async () => {
    const page = await context.newPage();
    await signIn(page, server, manager.name, manager.pw);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="csv"]').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFcode,objective,indicator,unit,baseline,target,expected,value,numerator,denominator,status')).toBe(true);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await panelShot(page, 'section[data-panel="downloads"]', 'downloads.png');

    const auth = { authorization: `Bearer ${token}` };
    const html = await (await fetch(`${server.url}/api/v1/reports/donor?period=project&lang=en&format=html`, { headers: auth })).text();
    expect(html).toMatch(/<html/i);
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: join(SHOTS, 'donor-report-html.png'), fullPage: true });

    const pdf = Buffer.from(await (await fetch(`${server.url}/api/v1/reports/donor?period=project&lang=en&format=pdf`, { headers: auth })).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '90', '-f', '1', '-l', '1', '-singlefile', file, join(SHOTS, 'donor-report-pdf-page1')]);
    expect(readFileSync(join(SHOTS, 'donor-report-pdf-page1.png')).length).toBeGreaterThan(10_000);
    await page.close();
  });
});
