/**
 * The dashboard's pages in Debian's Chromium against the real server: every page for every role
 * (with a screenshot of each), a time-travel round trip through a pasted URL, live updates seen
 * on other open pages within a second of a command, and the donor's limits on every page it can
 * open (no case row, no event, no suppressed number). Screenshots: tests/e2e/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BreakdownView, IndicatorsView, LogframeView } from '@jalon/contracts';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  CHROMIUM,
  CHROMIUM_ARGS,
  CI,
  expectChartsDrawn,
  HAVE_CHROMIUM,
  loginApi,
  password,
  SHOTS,
  shot,
  startServer,
  stopServer,
  type Server,
} from './support.js';

type Role = 'donor' | 'manager' | 'auditor';
const PAGES = ['', 'indicator/1.1', 'indicator/2.1', 'csos', 'trainings', 'cases', 'regions', 'log'] as const;

const launch = (dir: string) =>
  chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1440, height: 900 } });

/** Signs in on whatever page the URL opens (a pasted link shows the login form first). */
async function signInAt(page: Page, url: string, username: string, pw: string): Promise<void> {
  await page.goto(url);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(pw);
  await page.getByRole('button', { name: /Se connecter|Sign in/ }).click();
  await page.locator('.pages-nav').waitFor({ timeout: 20_000 });
}

/** Waits until the page shows its content, not a loading line. */
async function pageReady(page: Page, path: string): Promise<void> {
  const marker = path === '' ? '[data-indicator]' : path.startsWith('indicator/') ? '[data-detail] .headline' : `[data-page="${path}"] table, [data-page="${path}"] [data-funnel], [data-page="${path}"] [data-tilemap]`;
  await page.locator(marker).first().waitFor({ timeout: 20_000 }).catch(async (e) => {
    await page.screenshot({ path: join(SHOTS, `failed-${path.replace(/\W+/g, '-')}.png`), fullPage: true });
    throw e;
  });
  await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0, undefined, { timeout: 20_000 });
}

describe.skipIf(!HAVE_CHROMIUM && !CI)('dashboard pages in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-e2e-pages-'));
  const admin = password('admin');
  const users: Record<Role, { name: string; pw: string }> = {
    donor: { name: 'pages-donor', pw: password('donor') },
    manager: { name: 'pages-manager', pw: password('manager') },
    auditor: { name: 'pages-auditor', pw: password('auditor') },
  };
  let server: Server;
  let context: BrowserContext;
  let logframe: LogframeView;
  let managerToken: string;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`CI=true and no Chromium at ${CHROMIUM}`);
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(dir, admin);
    const adminToken = await loginApi(server, 'admin', admin);
    for (const [role, u] of Object.entries(users)) await call(server, '/users', adminToken, { username: u.name, password: u.pw, role });
    logframe = await call<LogframeView>(server, '/logframe', adminToken);
    managerToken = await loginApi(server, users.manager.name, users.manager.pw);
    context = await launch(join(dir, 'profile'));
  });

  afterAll(async () => {
    await context?.close();
    if (server) await stopServer(server.process);
    rmSync(dir, { recursive: true, force: true });
  });

  for (const role of ['manager', 'auditor', 'donor'] as const) {
    it(`shows a ${role} every page it may open`, { timeout: 180_000 }, async () => {
      const page = await context.newPage();
      const errors: string[] = [];
      const eventReads: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => /\/api\/v1\/events\b/.test(r.url()) && eventReads.push(r.url()));
      await signInAt(page, `${server.url}/#/?lang=en`, users[role].name, users[role].pw);
      const donor = role === 'donor';
      await expect(page.locator('[data-nav="log"]').count()).resolves.toBe(donor ? 0 : 1);
      for (const path of PAGES) {
        await page.goto(`${server.url}/#/${path}?lang=en`);
        if (path === 'log' && donor) {
          await page.locator('[data-page="missing"]').waitFor();
          continue;
        }
        await pageReady(page, path);
        await shot(page, `page-${role}-${path.replace('/', '-') || 'overview'}.png`);
        await expect(page.locator('[data-banner="past"]').count()).resolves.toBe(0);
      }
      await checkIndicatorPage(page, role);
      await checkActivities(page, role);
      if (donor) expect(eventReads, 'a donor never reads events').toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  async function checkIndicatorPage(page: Page, role: Role): Promise<void> {
    const token = await loginApi(server, users[role].name, users[role].pw);
    await page.goto(`${server.url}/#/indicator/1.1?asOf=2015-06-30&lang=en`);
    await pageReady(page, 'indicator/1.1');
    await expectChartsDrawn(page, '[data-chart="series-1.1"]', 1);
    await expect(page.locator('[data-verified-by] li').count()).resolves.toBe(1);
    const def = logframe.indicators.find((d) => d.code === '1.1')!;
    for (const by of def.breakdowns) {
      const b = await call<BreakdownView>(server, `/indicators/1.1/breakdown?by=${by}&asOf=2015-06-30`, token);
      const box = page.locator(`[data-breakdown="${by}"]`);
      await box.waitFor();
      if (b.withheld) {
        await expect(box.locator('[data-withheld]').count()).resolves.toBe(1);
        continue;
      }
      const suppressed = page.locator(`[data-breakdown="${by}"] tr[data-suppressed="true"]`);
      await expect(suppressed.count()).resolves.toBe(b.cells.filter((c) => c.suppressed).length);
      for (const text of await suppressed.locator('td [aria-hidden="true"]').allTextContents()) expect(text.trim()).toBe(`< ${b.threshold}`);
      const shown = b.cells.filter((c) => !c.suppressed).map((c) => String(c.value));
      const texts = await page.locator(`[data-breakdown="${by}"] tr[data-suppressed="false"] td`).allTextContents();
      expect(texts.map((t) => t.trim())).toEqual(shown);
    }
    if (role === 'donor') {
      await expect(page.locator('[data-panel="contributing"], [data-revisions]').count()).resolves.toBe(0);
      await expect(page.locator('tr[data-suppressed="true"]').count()).resolves.toBeGreaterThan(0);
      await shot(page, 'page-donor-indicator-1.1-suppressed.png');
    } else {
      await expect(page.locator('tr[data-suppressed="true"]').count()).resolves.toBe(0);
      await page.locator('[data-panel="contributing"] [data-event-position]').first().waitFor();
      await page.locator('[data-revisions]').waitFor();
    }
  }

  async function checkActivities(page: Page, role: Role): Promise<void> {
    const donor = role === 'donor';
    await page.goto(`${server.url}/#/trainings?lang=en`);
    await pageReady(page, 'trainings');
    const ids = await page.locator('[data-table="trainings"] tbody tr[data-training]').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.training));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => (donor ? id === '' : id !== ''))).toBe(true);
    // Filter by audience, then sort by participants: the URL carries both.
    await page.locator('#filter-audience').selectOption('government');
    await page.waitForFunction(() => location.hash.includes('audience=government'));
    await page.getByRole('button', { name: 'Participants', exact: true }).click();
    // A new column sorts ascending first.
    await page.waitForFunction(() => location.hash.includes('sort=participants') && location.hash.includes('dir=asc'));
    const people = await page.locator('[data-table="trainings"] tbody tr td:nth-last-child(3)').allTextContents();
    const n = people.map(Number);
    expect(n.length).toBeGreaterThan(1);
    expect(n).toEqual([...n].sort((a, b) => a - b));
    await shot(page, `page-${role}-trainings-filtered.png`);
    await page.goto(`${server.url}/#/cases?lang=en`);
    await pageReady(page, 'cases');
    await expect(page.locator('[data-panel="closures"]').count()).resolves.toBe(donor ? 0 : 1);
    const caseRowMarkers = await page.locator('[data-page="cases"]').textContent();
    expect(caseRowMarkers).not.toMatch(/case-|C-20\d\d-/);
  }

  it('takes a manager to the past and back through a URL pasted into another browser', { timeout: 180_000 }, async () => {
    const page = await context.newPage();
    await signInAt(page, `${server.url}/#/indicator/2.1?lang=en`, users.manager.name, users.manager.pw);
    await pageReady(page, 'indicator/2.1');
    const now = await call<IndicatorsView>(server, '/indicators', managerToken);
    const at = Math.floor(now.position / 2);
    await page.getByLabel('As of', { exact: true }).fill('2015-06-30');
    await page.waitForFunction(() => location.hash.includes('asOf=2015-06-30'));
    await page.locator('#knownat-mode').selectOption('position');
    await page.locator('#knownat-position').fill(String(at));
    await page.locator('[data-control="known-at"] button[type="submit"]').click();
    await page.waitForFunction((p) => location.hash.includes(`at=${p}`), at);
    const then = await call<IndicatorsView>(server, `/indicators?asOf=2015-06-30&atPosition=${at}`, managerToken);
    const want = String(then.indicators.find((i) => i.code === '2.1')!.value);
    await page.waitForFunction((v) => document.querySelector<HTMLElement>('.headline')?.dataset.value === v, want);
    await page.locator('[data-banner="past"]').waitFor();
    await expect(page.locator('[data-link="restatement"]').getAttribute('href')).resolves.toContain(`since=${at}`);
    await shot(page, 'page-manager-time-travel.png');
    const url = page.url();
    expect(url).toMatch(/#\/indicator\/2\.1\?.*asOf=2015-06-30/);

    // Another browser: the pasted link asks for a login, then opens the same view.
    const other = await launch(join(dir, 'profile-other'));
    try {
      const pasted = await other.newPage();
      await signInAt(pasted, url, users.auditor.name, users.auditor.pw);
      await pasted.waitForFunction((v) => document.querySelector<HTMLElement>('.headline')?.dataset.value === v, want, { timeout: 20_000 });
      await pasted.locator('[data-banner="past"]').waitFor();
      await expect(pasted.locator('#knownat-position').inputValue()).resolves.toBe(String(at));
      await expect(pasted.locator('#asof').inputValue()).resolves.toBe('2015-06-30');
      expect(pasted.url()).toBe(url);
      // Reloading shows the same view again.
      await pasted.reload();
      await pasted.waitForFunction((v) => document.querySelector<HTMLElement>('.headline')?.dataset.value === v, want, { timeout: 20_000 });
    } finally {
      await other.close();
    }

    // Back: the known-at moment goes, the date stays; one click back to now.
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes('at=') && location.hash.includes('asOf=2015-06-30'));
    const known = await call<IndicatorsView>(server, '/indicators?asOf=2015-06-30', managerToken);
    await page.waitForFunction((v) => document.querySelector<HTMLElement>('.headline')?.dataset.value === v, String(known.indicators.find((i) => i.code === '2.1')!.value));
    await page.locator('[data-action="now"]').click();
    await page.waitForFunction(() => !location.hash.includes('asOf='));
    await expect(page.locator('[data-banner="past"]').count()).resolves.toBe(0);
    const current = await call<IndicatorsView>(server, '/indicators', managerToken);
    await page.waitForFunction((v) => document.querySelector<HTMLElement>('.headline')?.dataset.value === v, String(current.indicators.find((i) => i.code === '2.1')!.value));
    await page.close();
  });

  it('updates views of now within a second of a command, and leaves a view of the past alone', { timeout: 120_000 }, async () => {
    const overview = await context.newPage();
    await signInAt(overview, `${server.url}/#/?lang=en`, users.manager.name, users.manager.pw);
    await pageReady(overview, '');
    // Each tab signs in: the session lives in the tab (sessionStorage).
    const detail = await context.newPage();
    await signInAt(detail, `${server.url}/#/indicator/2.2?lang=en`, users.auditor.name, users.auditor.pw);
    await pageReady(detail, 'indicator/2.2');
    const head = (await call<IndicatorsView>(server, '/indicators', managerToken)).position;
    const past = await context.newPage();
    await signInAt(past, `${server.url}/#/indicator/2.2?at=${head}&lang=en`, users.auditor.name, users.auditor.pw);
    await pageReady(past, 'indicator/2.2');
    for (const p of [overview, detail]) await p.locator('[data-live="on"]').waitFor();
    await detail.evaluate(() => window.scrollTo(0, 700));

    const before = Number(await detail.locator('.headline').getAttribute('data-value'));
    const pastBefore = await past.locator('.headline').getAttribute('data-value');
    const training = { trainingId: 'live-1', heldOn: '2016-09-01', audience: 'cso', topic: 'Live', region: 'oriental', participants: { female: 2, male: 3 } };
    const accepted = await call<{ position: number }>(server, '/trainings', managerToken, training);
    const t0 = Date.now();
    const headSeen = async (p: Page) => {
      await p.waitForFunction((n) => Number(document.querySelector<HTMLElement>('[data-head]')?.dataset.head) >= n, accepted.position, { polling: 20, timeout: 5000 });
      return Date.now() - t0;
    };
    void Promise.all([headSeen(overview), headSeen(detail)]).then(([a, b]) => console.log(`live head reached the pages after ${a} and ${b} ms`));
    const want = String(before + 5);
    const seen = async (p: Page, selector: string) => {
      await p.waitForFunction(({ sel, v }) => document.querySelector<HTMLElement>(sel)?.dataset.value === v, { sel: selector, v: want }, { polling: 20, timeout: 5000 });
      return Date.now() - t0;
    };
    const [onOverview, onDetail] = await Promise.all([seen(overview, '[data-indicator="2.2"] [data-value]'), seen(detail, '.headline')]);
    console.log(`live update seen ${onOverview} ms (overview) and ${onDetail} ms (indicator page) after the command's answer`);
    expect(onOverview).toBeLessThan(1000);
    expect(onDetail).toBeLessThan(1000);
    // The reader kept their place: no reload, same scroll position.
    await expect(detail.evaluate(() => window.scrollY)).resolves.toBe(700);
    await past.waitForTimeout(1500);
    await expect(past.locator('.headline').getAttribute('data-value')).resolves.toBe(pastBefore);
    await shot(detail, 'page-live-updated.png');
    for (const p of [overview, detail, past]) await p.close();
  });
});
