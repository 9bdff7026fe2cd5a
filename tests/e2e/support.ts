/**
 * What the e2e tests share: the real server (apps/api/dist, which serves the dashboard's build)
 * on a throwaway store, Debian's Chromium, sign-in and chart helpers. Builds what is stale first.
 * Under CI=true Chromium must be there; elsewhere the suites skip loudly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndicatorsView, LoginResponse } from '@jalon/contracts';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { API_MAIN, ensureBuilt, ensureDashboardBuilt } from '../support/build.js';
import { CHROMIUM_ARGS as BASE_ARGS, chromiumSkipReason, findChromium } from '../support/chromium.js';
import { isCI } from '../support/settings.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = findChromium() ?? '';
export const CI = isCI();
export const HAVE_CHROMIUM = CHROMIUM !== '';
export const SERVER_MAIN = API_MAIN;
export const SHOTS = join(ROOT, 'tests/e2e/screenshots');
export const CHROMIUM_ARGS = [
  ...BASE_ARGS,
  // Several tabs watch live updates at once: a background tab must not be throttled to 1 Hz.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

const skipReason = chromiumSkipReason('e2e dashboard tests');
if (skipReason && !CI) console.warn(`\n⚠ ${skipReason}\n`);

export interface Server {
  url: string;
  process: ChildProcess;
  output: () => string;
}

export const password = (tag: string) => `E2e-${tag}-${randomBytes(12).toString('hex')}`;

export async function startServer(dir: string, adminPassword: string): Promise<Server> {
  await Promise.all([ensureBuilt(), ensureDashboardBuilt()]);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    JALON_STORE: `sqlite:${join(dir, 'j.db')}`,
    JALON_ADMIN_PASSWORD: adminPassword,
  };
  delete env.JALON_DEMO; // the demo history loads by default on an empty store
  const child = spawn(process.execPath, [SERVER_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  try {
    const url = await listening(child, (chunk) => (output += chunk), () => output);
    await healthy(url, () => output);
    return { url, process: child, output: () => output };
  } catch (e) {
    await stopServer(child);
    throw e;
  }
}

export function listening(child: ChildProcess, append: (chunk: string) => string, output: () => string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${output()}`)), 90_000);
    const read = (chunk: Buffer) => {
      const m = /jalon listening on (http:\/\/[^\s"'\\]+)/.exec(append(chunk.toString()));
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${output()}`));
    });
  });
}

export async function healthy(url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${url}/api/v1/health`).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`health never answered 200:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** SIGTERM, then SIGKILL if it lingers; resolves once the process is gone. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

export async function call<T>(server: Server, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const loginApi = (server: Server, username: string, pw: string) =>
  call<LoginResponse>(server, '/auth/login', undefined, { username, password: pw }).then((r) => r.token);

/** Non-transparent pixels of the canvas in each element matching `selector`. */
export function inkOf(page: Page, selector: string): Promise<number[]> {
  return page.evaluate((sel) => {
    return [...document.querySelectorAll(sel)].map((el) => {
      const canvas = el.querySelector('canvas');
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx || canvas.width === 0 || canvas.height === 0) return 0;
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n++;
      return n;
    });
  }, selector);
}

/** Waits until every chart matching `selector` (at least `count` of them) has drawn something. */
export async function expectChartsDrawn(page: Page, selector: string, count: number): Promise<number[]> {
  await page.waitForFunction(
    ({ sel, count }) => {
      const els = [...document.querySelectorAll(sel)];
      if (els.length < count) return false;
      return els.every((el) => {
        const canvas = el.querySelector('canvas');
        const ctx = canvas?.getContext('2d');
        if (!canvas || !ctx || canvas.width === 0) return false;
        const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0 && ++n > 2000) return true;
        return false;
      });
    },
    { sel: selector, count },
    { timeout: 20_000, polling: 250 },
  );
  const ink = await inkOf(page, selector);
  expect(ink.length).toBeGreaterThanOrEqual(count);
  for (const n of ink) expect(n).toBeGreaterThan(2000);
  return ink;
}

export async function signIn(page: Page, server: Server, username: string, pw: string): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel(/Nom d'utilisateur|Username/).fill(username);
  await page.getByLabel(/Mot de passe|Password/).fill(pw);
  await page.getByRole('button', { name: /Se connecter|Sign in/ }).click();
  await page.locator('[data-indicator]').nth(12).waitFor({ timeout: 20_000 });
}

/** The raw value each card shows (its data-value), by indicator code. */
export async function cardValues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('[data-indicator]')].map((card) => [
        card.dataset.indicator!,
        card.querySelector<HTMLElement>('[data-value]')!.dataset.value!,
      ]),
    ),
  );
}

export const expectedValues = (view: IndicatorsView) =>
  Object.fromEntries(view.indicators.map((i) => [i.code, i.value === null ? '' : String(i.value)]));

export async function waitForValues(page: Page, expected: Record<string, string>): Promise<void> {
  await page.waitForFunction(
    (want) =>
      Object.entries(want).every(
        ([code, v]) => document.querySelector<HTMLElement>(`[data-indicator="${code}"] [data-value]`)?.dataset.value === v,
      ),
    expected,
    { timeout: 20_000, polling: 200 },
  );
  expect(await cardValues(page)).toEqual(expected);
}

/** A screenshot of one panel, without the sticky date bar laid over its top. */
export const panelShot = (page: Page, selector: string, name: string) =>
  page.locator(selector).screenshot({ path: join(SHOTS, name), style: '.toolbar { position: static !important; }' });

export async function shot(page: Page, name: string): Promise<void> {
  // From the top, so that the sticky date bar sits where a reader first sees it.
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

