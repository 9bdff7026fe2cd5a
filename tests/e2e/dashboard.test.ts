/**
 * The dashboard in Debian's Chromium against the real server (apps/api/dist, which serves the
 * dashboard's build): a donor, a manager and an auditor sign in and read the overview; the manager
 * records through the Record panel, the auditor reads the log and verifies its chain. Builds nothing: `npm
 * test` builds first. Under CI=true it must run; elsewhere it skips loudly without Chromium.
 * Screenshots go to tests/e2e/screenshots/ (git-ignored).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BreakdownView, IndicatorsView, LogframeView } from '@jalon/contracts';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  cardValues,
  CHROMIUM,
  CHROMIUM_ARGS,
  CI,
  expectChartsDrawn,
  expectedValues,
  HAVE_CHROMIUM,
  loginApi,
  panelShot,
  password,
  SHOTS,
  shot,
  signIn,
  startServer,
  stopServer,
  waitForValues,
  type Server,
} from './support.js'
describe.skipIf(!HAVE_CHROMIUM && !CI)('dashboard in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-e2e-'));
  const admin = password('admin');
  const users = {
    donor: { name: 'e2e-donor', pw: password('donor') },
    manager: { name: 'e2e-manager', pw: password('manager') },
    auditor: { name: 'e2e-auditor', pw: password('auditor') },
  };
  let server: Server;
  let context: BrowserContext;
  let logframe: LogframeView;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`CI=true and no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium)`);
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(dir, admin);
    const adminToken = await loginApi(server, 'admin', admin);
    for (const [role, u] of Object.entries(users))
      await call(server, '/users', adminToken, { username: u.name, password: u.pw, role });
    logframe = await call<LogframeView>(server, '/logframe', adminToken);
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
      locale: 'fr-FR', // the browser's own widgets (the date field) in French, as at IOM Rabat
    });
  });

  afterAll(async () => {
    await context?.close();
    if (server) await stopServer(server.process);
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows a donor the overview, in French then English, and at an earlier date', { timeout: 180_000 }, async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await signIn(page, server, users.donor.name, users.donor.pw);
    const token = await loginApi(server, users.donor.name, users.donor.pw);

    // French by default: the project header, both notices, 13 cards, one drawn chart per objective.
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expect(page.locator('#project-title').textContent()).resolves.toBe(logframe.project.title.fr);
    await expect(page.locator('[data-notice="illustrative"]').textContent()).resolves.toContain(logframe.project.notice.fr);
    if (logframe.project.demo)
      await expect(page.locator('[data-notice="demo"]').textContent()).resolves.toContain(logframe.project.demo.fr);
    await expect(page.locator('.context li').count()).resolves.toBe(logframe.project.context.length);
    await expect(page.locator('[data-indicator]').count()).resolves.toBe(13);
    for (const def of logframe.indicators)
      await expect(page.locator(`[data-indicator="${def.code}"] h3`).textContent()).resolves.toContain(def.title.fr);
    const atEnd = await call<IndicatorsView>(server, `/indicators?asOf=${logframe.project.end}`, token);
    await waitForValues(page, expectedValues(atEnd));
    for (const i of atEnd.indicators)
      await expect(page.locator(`[data-indicator="${i.code}"]`).getAttribute('data-status')).resolves.toBe(i.status);
    await expectChartsDrawn(page, '[data-chart^="objective-"]', logframe.objectives.length);
    await shot(page, 'donor-overview-fr.png');
    // A donor records nothing and never sees events: neither the Record panel nor the audit log.
    await expect(page.locator('[data-panel="record"], [data-panel="audit"], section.record').count()).resolves.toBe(0);

    // English one choice away: every indicator and objective title comes from the logframe's `en`.
    await page.getByLabel('Langue', { exact: true }).selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    for (const def of logframe.indicators)
      await expect(page.locator(`[data-indicator="${def.code}"] h3`).textContent()).resolves.toContain(def.title.en);
    for (const o of logframe.objectives)
      await expect(page.locator(`[data-objective="${o.code}"] h2`).textContent()).resolves.toBe(o.title.en);
    await expect(page.locator('[data-notice="illustrative"]').textContent()).resolves.toContain(logframe.project.notice.en);
    await shot(page, 'donor-overview-en.png');

    // Another as-of date re-queries: the cards show the API's values at that date.
    const mid = await call<IndicatorsView>(server, '/indicators?asOf=2015-06-30', token);
    const before = await cardValues(page);
    await page.getByLabel('As of', { exact: true }).fill('2015-06-30');
    await waitForValues(page, expectedValues(mid));
    const after = await cardValues(page);
    expect(Object.keys(after).filter((code) => after[code] !== before[code]).length).toBeGreaterThan(5);
    await expect(page.locator('#summary-title').textContent()).resolves.toContain('30 June 2015');
    await expectChartsDrawn(page, '[data-chart^="objective-"]', logframe.objectives.length);
    await shot(page, 'donor-overview-2015-06-30.png');

    // A victim-related indicator's trend and its breakdowns, suppressed for the donor: never a number.
    await page.locator('[data-indicator="1.1"] .card-link').click();
    await expectChartsDrawn(page, '[data-chart="series-1.1"]', 1);
    const def11 = logframe.indicators.find((d) => d.code === '1.1')!;
    await page.locator('[data-detail="1.1"] [data-breakdown]').nth(def11.breakdowns.length - 1).waitFor();
    let suppressedSeen = 0;
    for (const by of def11.breakdowns) {
      const b = await call<BreakdownView>(server, `/indicators/1.1/breakdown?by=${by}&asOf=2015-06-30`, token);
      const box = page.locator(`[data-detail="1.1"] [data-breakdown="${by}"]`);
      if (b.withheld) {
        await expect(box.locator('[data-withheld]').count()).resolves.toBe(1);
        expect(await box.textContent()).not.toMatch(/\d/);
        continue;
      }
      const hidden = b.cells.filter((c) => c.suppressed).length;
      suppressedSeen += hidden;
      expect(b.threshold).toBe(5);
      await expect(box.locator('tr[data-suppressed="true"]').count()).resolves.toBe(hidden);
      // "< 5", the threshold in force, and nothing else: never the cell's number.
      for (const text of await box.locator('tr[data-suppressed="true"] td [aria-hidden="true"]').allTextContents()) expect(text.trim()).toBe('< 5');
    }
    expect(suppressedSeen, 'the demo has small cells to suppress at 2015-06-30').toBeGreaterThan(0);
    await shot(page, 'donor-detail-1.1.png');

    // A token the server no longer accepts leads back to the login page, saying why.
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('jalon.session')!);
      sessionStorage.setItem('jalon.session', JSON.stringify({ ...s, token: 'not-a-valid-token' }));
    });
    await page.reload();
    await page.getByLabel('Username').waitFor();
    await expect(page.getByRole('status').textContent()).resolves.toContain('session has expired');
    await shot(page, 'login-expired-en.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a manager the same overview, with unsuppressed breakdowns', { timeout: 120_000 }, async () => {
    const page = await context.newPage();
    await page.goto(server.url);
    // The app stores the language it loads with once that catalogue arrives: wait for it, so that
    // clearing the storage is not undone a moment later (a race seen on a loaded CI machine).
    await page.waitForFunction(() => [null, document.documentElement.lang].includes(localStorage.getItem('jalon.lang')));
    await page.evaluate(() => localStorage.clear()); // back to the default language, French
    await signIn(page, server, users.manager.name, users.manager.pw);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    const token = await loginApi(server, users.manager.name, users.manager.pw);
    await expect(page.locator('[data-indicator]').count()).resolves.toBe(13);
    const atEnd = await call<IndicatorsView>(server, '/indicators', token);
    await waitForValues(page, expectedValues(atEnd));
    await expectChartsDrawn(page, '[data-chart^="objective-"]', logframe.objectives.length);

    await page.locator('[data-indicator="1.1"] .card-link').click();
    await expectChartsDrawn(page, '[data-chart="series-1.1"]', 1);
    await page.locator('[data-detail="1.1"] [data-breakdown="nationality"] tbody tr').first().waitFor();
    await expect(page.locator('[data-detail="1.1"] tr[data-suppressed="true"]').count()).resolves.toBe(0);
    const b = await call<BreakdownView>(server, '/indicators/1.1/breakdown?by=nationality', token);
    await expect(page.locator('[data-detail="1.1"] [data-breakdown="nationality"] tbody tr').count()).resolves.toBe(b.cells.length);
    await shot(page, 'manager-overview-detail.png');

    // Back to the overview; a manager records a training there (the generic recording form), and the
    // overview then reads its own write (minPosition).
    await page.locator('[data-nav="overview"]').click();
    await page.locator('[data-indicator]').nth(12).waitFor();
    // Nothing was recorded since atEnd: its value, not a card that may be mid-reload.
    const officials = atEnd.indicators.find((i) => i.code === '2.1')!.value!;
    const fillTraining = async (topic: string, female: string) => {
      await page.locator('#rec-training-trainingId').fill('e2e-training-1');
      await page.locator('#rec-training-heldOn').fill('2016-06-15');
      await page.locator('#rec-training-audience').selectOption('government');
      await page.locator('#rec-training-topic').fill(topic);
      await page.locator('#rec-training-region').selectOption('oriental');
      await page.locator('#rec-training-female').fill(female);
      await page.locator('#rec-training-male').fill('3');
      await page.locator('[data-form="training"] button[type="submit"]').click();
    };
    await page.locator('#record-title').click();
    await page.locator('#record-kind').selectOption('training');
    await fillTraining('Identification et orientation des victimes', '4');
    await page.locator('[data-form="training"] [role="status"]').waitFor();
    await page.waitForFunction(
      (want) => document.querySelector<HTMLElement>('[data-indicator="2.1"] [data-value]')?.dataset.value === want,
      String(officials + 7),
      { timeout: 20_000 },
    );
    await panelShot(page, 'section[data-panel="record"]', 'manager-training-recorded.png');
    // The same id again is a conflict with recorded facts, shown as a refusal, not a crash.
    await fillTraining('Deuxième session', '1');
    await page.locator('[data-form="training"] [role="alert"]').waitFor();

    // The Record panel, one form at a time: a case is identified and 1.1 goes up by one.
    const cases = Number(await page.locator('[data-indicator="1.1"] [data-value]').getAttribute('data-value'));
    await page.locator('#record-kind').selectOption('case');
    await expect(page.locator('#rec-case-caseId-help').textContent()).resolves.toMatch(/Aucun nom.*pseudonyme/);
    await page.locator('#rec-case-caseId').fill('e2e-case-1');
    await page.locator('#rec-case-identifiedOn').fill('2013-05-01'); // before the project: refused
    await page.locator('#rec-case-sex').selectOption('female');
    await page.locator('#rec-case-ageGroup').selectOption('adult');
    await page.locator('#rec-case-nationality').pressSequentially('ng');
    await expect(page.locator('#rec-case-nationality').inputValue()).resolves.toBe('NG');
    await page.locator('#rec-case-exploitationType').selectOption('domestic_servitude');
    await page.locator('#rec-case-referredBy').selectOption('cso');
    await page.locator('[data-form="case"] button[type="submit"]').click();
    await page.locator('#rec-case-identifiedOn-error').waitFor();
    await expect(page.locator('#rec-case-identifiedOn').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('[data-form="case"] [role="alert"]').count()).resolves.toBe(1);
    await expect(page.locator('[data-form="case"] [role="alert"]').textContent()).resolves.toMatch(/Certains champs sont à corriger/);
    await expect(page.locator('[data-form="case"] .field-error').count()).resolves.toBe(1);
    await panelShot(page, 'section[data-panel="record"]', 'manager-case-refused.png');
    await expect(page.locator('[data-indicator="1.1"] [data-value]').getAttribute('data-value')).resolves.toBe(String(cases));

    await page.locator('#rec-case-identifiedOn').fill('2016-05-10');
    await page.locator('[data-form="case"] button[type="submit"]').click();
    await page.locator('[data-form="case"] [role="status"]').waitFor();
    await page.waitForFunction(
      (want) => document.querySelector<HTMLElement>('[data-indicator="1.1"] [data-value]')?.dataset.value === want,
      String(cases + 1),
      { timeout: 20_000 },
    );
    await expect(page.locator('[data-form="case"] .field-error').count()).resolves.toBe(0);
    await expect(page.locator('#rec-case-caseId').inputValue()).resolves.toBe('');
    await panelShot(page, 'section[data-panel="record"]', 'manager-case-recorded.png');

    // Assistance for a case that was never identified: an unknown resource, said at the top.
    await page.locator('#record-kind').selectOption('assistance');
    await page.locator('#rec-assistance-caseId').fill('e2e-no-such-case');
    await page.locator('#rec-assistance-providedOn').fill('2016-05-11');
    await page.locator('#rec-assistance-assistanceType').selectOption('shelter');
    await page.locator('[data-form="assistance"] button[type="submit"]').click();
    await page.locator('[data-form="assistance"] [role="alert"]').waitFor();

    // A manager also reads the audit log: our case is its newest event.
    await page.locator('#audit-title').click();
    await page.locator('[data-panel="audit"] tbody tr[data-position]').first().waitFor();
    await expect(page.locator('[data-panel="audit"] tbody tr[data-position]').first().getAttribute('data-type')).resolves.toBe(
      'VictimIdentified',
    );

    // A correction starts with a void: the case's event id is in the log; voided, 1.1 goes back down.
    const caseEventId = await page.locator('[data-panel="audit"] tbody tr[data-position]').first().locator('[data-event-id]').textContent();
    await page.locator('#record-kind').selectOption('void');
    await page.locator('#rec-void-eventId').fill(caseEventId!.trim());
    await page.locator('#rec-void-reason').fill('Saisie de test');
    await page.locator('[data-form="void"] button[type="submit"]').click();
    await page.locator('[data-form="void"] [role="status"]').waitFor();
    await page.waitForFunction(
      (want) => document.querySelector<HTMLElement>('[data-indicator="1.1"] [data-value]')?.dataset.value === want,
      String(cases),
      { timeout: 20_000 },
    );
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-panel="audit"] tbody tr[data-position]')?.dataset.type === 'EventVoided',
    );

    // A target revision: the card shows 2.1's new end-of-project target.
    await page.locator('#record-kind').selectOption('target');
    await page.locator('#rec-target-code').selectOption('2.1');
    await page.locator('#rec-target-period').selectOption('2016');
    await page.locator('#rec-target-value').fill('180');
    await page.locator('#rec-target-reason').fill('Revue à mi-parcours');
    await page.locator('[data-form="target"] button[type="submit"]').click();
    await page.locator('[data-form="target"] [role="status"]').waitFor();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-indicator="2.1"]')?.dataset.target === '180', undefined, {
      timeout: 20_000,
    });

    // Mapping a CSO, submitted empty: every required field says so, nothing is sent.
    await page.locator('#record-kind').selectOption('cso');
    await page.locator('[data-form="cso"] button[type="submit"]').click();
    await expect(page.locator('[data-form="cso"] .field-error').count()).resolves.toBe(5);
    await page.locator('[data-form="cso"] input[value="health"]').check();
    await panelShot(page, 'section[data-panel="record"]', 'manager-cso-required.png');

    await page.getByRole('button', { name: /Se déconnecter|Sign out/ }).click();
    await page.locator('#username').waitFor();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/déconnecté|signed out/);
    await page.close();
  });

  it('shows an auditor the event log, newest first, and verifies the chain', { timeout: 120_000 }, async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    await page.evaluate(() => localStorage.setItem('jalon.lang', 'en'));
    await signIn(page, server, users.auditor.name, users.auditor.pw);
    const token = await loginApi(server, users.auditor.name, users.auditor.pw);
    const report = await call<{ ok: boolean; events: number; head: { position: number; hash: string } }>(server, '/audit/verify', token);
    expect(report.ok).toBe(true);

    // An auditor records nothing: no Record panel, no training form.
    await expect(page.locator('[data-panel="record"], [data-form]').count()).resolves.toBe(0);
    await page.locator('#audit-title').click();
    const rows = page.locator('[data-panel="audit"] tbody tr[data-position]');
    await rows.nth(19).waitFor();
    await expect(rows.count()).resolves.toBe(20);
    const positions = (await rows.evaluateAll((trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.position))));
    expect(positions).toEqual(Array.from({ length: 20 }, (_, i) => report.head.position - i));
    const newestRow = await rows.first().textContent();
    expect(newestRow).toContain('e2e-manager');
    expect(newestRow).toContain(report.head.hash.slice(0, 12));

    // Older, then filtered by type.
    await page.locator('[data-panel="audit"] [data-action="older"]').click();
    await page.waitForFunction(
      (want) => document.querySelector<HTMLElement>('[data-panel="audit"] tbody tr[data-position]')?.dataset.position === want,
      String(report.head.position - 20),
    );
    await page.locator('#audit-type').selectOption('VictimIdentified');
    await page.waitForFunction(() => {
      const trs = [...document.querySelectorAll<HTMLElement>('[data-panel="audit"] tbody tr[data-position]')];
      return trs.length > 0 && trs.every((tr) => tr.dataset.type === 'VictimIdentified');
    });
    const cases = await call<{ events: Array<{ position: number }> }>(server, '/events?type=VictimIdentified&limit=1000', token);
    await expect(rows.first().getAttribute('data-position')).resolves.toBe(String(cases.events.at(-1)!.position));
    await page.locator('#audit-type').selectOption('');
    await rows.nth(19).waitFor();

    await page.locator('[data-panel="audit"] [data-action="verify"]').click();
    const verdict = page.locator('[data-verify]');
    await verdict.waitFor();
    await expect(verdict.getAttribute('data-verify')).resolves.toBe('ok');
    await expect(verdict.textContent()).resolves.toContain(report.head.hash);
    await expect(verdict.textContent()).resolves.toContain(`${report.events} events`);
    await panelShot(page, 'section[data-panel="audit"]', 'auditor-log.png');
    expect(errors).toEqual([]);
    await page.close();
  });
});
