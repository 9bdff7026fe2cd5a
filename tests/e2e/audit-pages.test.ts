/**
 * The auditors' pages in Debian's Chromium against the real server (issue 9): an auditor filters
 * the log, opens a void and follows it back, runs a restatement from a past report, verifies a
 * pasted head hash and reads the read audit; a donor's restatement shows no events. The
 * expectations come from the API's own answers and from the void this test makes.
 * Screenshots: tests/e2e/screenshots/audit-*.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandAccepted, EventPage, RestatementView, VerifyReport } from '@jalon/contracts';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, CHROMIUM, CHROMIUM_ARGS, CI, HAVE_CHROMIUM, loginApi, password, SHOTS, shot, startServer, stopServer, type Server } from './support.js';

interface Ev {
  position: number;
  eventId: string;
  type: string;
  streamId: string;
  metadata: { recordedAt: string; recordedBy: string };
  hash: string;
}

const REASON = 'Recorded twice (e2e audit pages)';

describe.skipIf(!HAVE_CHROMIUM && !CI)('auditors’ pages in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-e2e-audit-'));
  const admin = password('admin');
  const users = {
    donor: { name: 'audit-donor', pw: password('donor') },
    manager: { name: 'audit-manager', pw: password('manager') },
    auditor: { name: 'audit-auditor', pw: password('auditor') },
  };
  let server: Server;
  let context: BrowserContext;
  let auditorToken: string;
  /** The "past report": the head when it was printed, its hash and recording time. */
  let reported: Ev;
  let voided: Ev;
  let voidPosition: number;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`CI=true and no Chromium at ${CHROMIUM}`);
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(dir, admin);
    const adminToken = await loginApi(server, 'admin', admin);
    for (const [role, u] of Object.entries(users)) await call(server, '/users', adminToken, { username: u.name, password: u.pw, role });
    auditorToken = await loginApi(server, users.auditor.name, users.auditor.pw);
    const managerToken = await loginApi(server, users.manager.name, users.manager.pw);
    reported = (await call<EventPage<Ev>>(server, '/events?order=desc&limit=1', auditorToken)).events[0];
    voided = (await call<EventPage<Ev>>(server, '/events?type=VictimIdentified&order=desc&limit=1', auditorToken)).events[0];
    // The void is recorded at least a second after the report, so that a time with whole seconds falls between.
    await new Promise((r) => setTimeout(r, 1100));
    const accepted = await call<CommandAccepted>(server, `/events/${voided.eventId}/void`, managerToken, { reason: REASON });
    voidPosition = accepted.position;
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
    });
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    if (server) await stopServer(server.process);
    rmSync(dir, { recursive: true, force: true });
  });

  async function signInAt(page: Page, url: string, who: keyof typeof users): Promise<void> {
    await page.goto(url);
    await page.locator('#username').fill(users[who].name);
    await page.locator('#password').fill(users[who].pw);
    await page.getByRole('button', { name: /Se connecter|Sign in/ }).click();
    await page.locator('.pages-nav').waitFor({ timeout: 20_000 });
  }

  const firstRow = (page: Page) => page.locator('[data-panel="log"] tbody tr[data-position]').first();

  it('lets an auditor filter the log, open a void and follow it back to the voided event', { timeout: 120_000 }, async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await signInAt(page, `${server.url}/#/log?lang=en`, 'auditor');
    await firstRow(page).waitFor();
    await page.locator('#lb-type').selectOption('EventVoided');
    await page.locator('#lb-by').fill(users.manager.name);
    await page.locator('[data-action="filter"]').click();
    await page.waitForFunction(
      (want) => {
        const rows = [...document.querySelectorAll<HTMLElement>('[data-panel="log"] tbody tr[data-position]')];
        return rows.length === 1 && rows[0].dataset.position === want;
      },
      String(voidPosition),
      { timeout: 20_000 },
    );
    expect(page.url()).toContain('type=EventVoided');
    expect(page.url()).toContain(`recordedBy=${users.manager.name}`);
    await expect(firstRow(page).getAttribute('data-type')).resolves.toBe('EventVoided');

    // Opening the void shows its data (the voided event's id and the reason) and where it points.
    await page.locator(`[data-event-data="${voidPosition}"] summary`).click();
    await expect(page.locator(`[data-event-data="${voidPosition}"] pre`).textContent()).resolves.toContain(voided.eventId);
    const back = page.locator(`[data-voided-link="${voided.position}"]`);
    await back.waitFor({ timeout: 20_000 });
    await expect(page.locator(`[data-detail="${voidPosition}"]`).textContent()).resolves.toContain(REASON);
    await shot(page, 'audit-log-filtered.png');

    // The void links back: the voided event is first, struck through, and links to its void.
    await back.click();
    const target = page.locator(`tr[data-position="${voided.position}"]`);
    await target.waitFor({ timeout: 20_000 });
    await expect(firstRow(page).getAttribute('data-position')).resolves.toBe(String(voided.position));
    await page.locator(`[data-void-link="${voidPosition}"]`).waitFor({ timeout: 20_000 });
    await expect(target.getAttribute('data-voided')).resolves.toBe('true');
    expect(await target.locator('td').first().evaluate((td) => getComputedStyle(td).textDecorationLine)).toBe('line-through');
    await shot(page, 'audit-log-voided.png');

    // Keyset paging: older, then newer again, lands back on the same first event.
    await page.locator('[data-action="older"]').click();
    await page.waitForFunction((p) => document.querySelector<HTMLElement>('[data-panel="log"] tbody tr[data-position]')?.dataset.position !== p, String(voided.position));
    const olderFirst = Number(await firstRow(page).getAttribute('data-position'));
    expect(olderFirst).toBeLessThan(voided.position);
    await page.locator('[data-action="newer"]').click();
    await page.waitForFunction((p) => document.querySelector<HTMLElement>('[data-panel="log"] tbody tr[data-position]')?.dataset.position === p, String(voided.position));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs a restatement from a past report: the void restates 1.1 and links to its event', { timeout: 120_000 }, async () => {
    const page = await context.newPage();
    await signInAt(page, `${server.url}/#/restatement?lang=en`, 'auditor');
    // "Reported on" the next whole second after the report's head was recorded, in the browser's zone.
    const reportedAt = new Date(Math.ceil(Date.parse(reported.metadata.recordedAt) / 1000) * 1000).toISOString();
    const local = await page.evaluate((iso) => {
      const d = new Date(iso);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    }, reportedAt);
    await page.locator('#rs-time').fill(local);
    await page.locator('[data-action="restate"]').click();
    const panel = page.locator('[data-panel="restatement"]');
    await panel.waitFor({ timeout: 20_000 });
    expect(decodeURIComponent(page.url())).toContain(`sinceTime=${reportedAt}`);
    await expect(panel.getAttribute('data-since')).resolves.toBe(String(reported.position));

    const api = await call<RestatementView>(server, `/restatement?sinceTime=${reportedAt}`, auditorToken);
    expect(api.since).toBe(reported.position);
    const restated = api.indicators.filter((i) => i.restated).map((i) => i.code);
    expect(restated).toContain('1.1');
    await expect(page.locator('tr[data-restated="true"]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.code))).resolves.toEqual(restated);
    const row11 = api.indicators.find((i) => i.code === '1.1')!;
    expect(row11.now.value).toBe(row11.then.value! - 1);
    await expect(page.locator('tr[data-code="1.1"] [data-then]').getAttribute('data-then')).resolves.toBe(String(row11.then.value));
    await expect(page.locator('tr[data-code="1.1"] [data-now]').getAttribute('data-now')).resolves.toBe(String(row11.now.value));

    // Each change links to its event in the log; the void's reason is shown.
    const link = page.locator(`[data-changes="1.1"] [data-event-link="${voidPosition}"]`);
    await expect(page.locator(`[data-changes="1.1"] [data-change="${voidPosition}"]`).textContent()).resolves.toContain(REASON);
    const download = page.waitForEvent('download');
    await page.locator('[data-action="csv"]').click();
    const csv = await (await download).createReadStream().then(async (s) => {
      let text = '';
      for await (const chunk of s) text += chunk;
      return text;
    });
    expect(csv.split('\r\n')[0]).toBe('Code,Indicator,Then,Now,Difference,Restated');
    expect(csv).toContain(`\r\n1.1,`);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(14);
    await shot(page, 'audit-restatement.png');
    await link.click();
    await page.locator(`[data-page="log"] tr.highlight[data-position="${voidPosition}"]`).waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('shows a donor the then/now table of a restatement and no event', { timeout: 120_000 }, async () => {
    const page = await context.newPage();
    const eventReads: string[] = [];
    page.on('request', (r) => /\/api\/v1\/events\b/.test(r.url()) && eventReads.push(r.url()));
    await signInAt(page, `${server.url}/#/restatement?since=${reported.position}&lang=en`, 'donor');
    await page.locator('[data-panel="restatement"]').waitFor({ timeout: 20_000 });
    await expect(page.locator('[data-panel="restatement"] tbody tr').count()).resolves.toBe(13);
    await expect(page.locator('tr[data-code="1.1"]').getAttribute('data-restated')).resolves.toBe('true');
    await expect(page.locator('[data-panel="changes"], [data-event-link]').count()).resolves.toBe(0);
    for (const nav of ['log', 'verify', 'reads']) await expect(page.locator(`[data-nav="${nav}"]`).count()).resolves.toBe(0);
    await shot(page, 'audit-restatement-donor.png');
    for (const path of ['log', 'verify', 'reads']) {
      await page.goto(`${server.url}/#/${path}?lang=en`);
      await page.locator('[data-page="missing"]').waitFor();
    }
    expect(eventReads).toEqual([]);
    await page.close();
  });

  it('verifies the chain and finds a pasted head hash from an old report', { timeout: 120_000 }, async () => {
    const page = await context.newPage();
    await signInAt(page, `${server.url}/#/verify?lang=en`, 'auditor');
    const report = await call<VerifyReport>(server, '/audit/verify', auditorToken);
    const panel = page.locator('[data-panel="verify"]');
    await panel.waitFor({ timeout: 20_000 });
    await expect(panel.getAttribute('data-verify')).resolves.toBe('ok');
    await expect(page.locator('[data-head-position]').textContent()).resolves.toBe(String(report.head.position));
    await expect(page.locator('[data-head-hash]').textContent()).resolves.toBe(report.head.hash);
    await expect(page.locator('[data-events]').textContent()).resolves.toBe(String(report.events));

    await page.locator('#verify-expect').fill(`  ${reported.hash.toUpperCase()} `);
    await page.locator('[data-action="expect-head"]').click();
    const found = page.locator('[data-expect="found"]');
    await found.waitFor({ timeout: 20_000 });
    await expect(found.textContent()).resolves.toContain(`position ${reported.position}`);
    expect(page.url()).toContain(`expectHead=${reported.hash}`);
    await shot(page, 'audit-verify-found.png');

    await page.locator('#verify-expect').fill('ab'.repeat(32));
    await page.locator('[data-action="expect-head"]').click();
    await page.locator('[data-expect="not-found"]').waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('lists the read audit for an auditor, filtered by user, and hides it from a manager', { timeout: 120_000 }, async () => {
    const page = await context.newPage();
    await signInAt(page, `${server.url}/#/reads?lang=en`, 'auditor');
    await page.locator('[data-panel="reads"]').waitFor({ timeout: 20_000 });
    await page.locator('#reads-user').fill(users.auditor.name.toUpperCase());
    await page.locator('[data-action="filter-reads"]').click();
    await page.waitForFunction(
      (name) => {
        const rows = [...document.querySelectorAll<HTMLElement>('[data-panel="reads"] tr[data-read]')];
        return rows.length > 0 && rows.every((r) => r.dataset.user === name);
      },
      users.auditor.name,
      { timeout: 20_000 },
    );
    const api = await call<{ reads: Array<{ id: number }> }>(server, `/audit/reads?username=${users.auditor.name}&limit=50`, auditorToken);
    await expect(page.locator('[data-panel="reads"] tr[data-read]').count()).resolves.toBe(api.reads.length);
    await shot(page, 'audit-reads.png');
    await page.close();

    const manager = await context.newPage();
    await signInAt(manager, `${server.url}/#/reads?lang=en`, 'manager');
    await manager.locator('[data-page="missing"]').waitFor();
    await expect(manager.locator('[data-nav="reads"]').count()).resolves.toBe(0);
    await expect(manager.locator('[data-nav="verify"]').count()).resolves.toBe(1);
    await manager.close();
  });
});
