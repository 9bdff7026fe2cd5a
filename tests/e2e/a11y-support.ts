/**
 * What the quality suites share (a11y, keyboard, small screen, print): one server with a user of
 * each role, the pages each role may open, and a wait for a page's content. Built on support.ts.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { call, CHROMIUM, CHROMIUM_ARGS, HAVE_CHROMIUM, loginApi, password, SHOTS, startServer, stopServer, type Server } from './support.js';

export type Role = 'admin' | 'manager' | 'auditor' | 'donor';
export const ROLES: Role[] = ['admin', 'manager', 'auditor', 'donor'];
export type Lang = 'fr' | 'en' | 'de' | 'ar';
export const LANGS: Lang[] = ['fr', 'en', 'de', 'ar'];

/** The hash routes each role may open (Shell.svelte's `allowed`): two indicators, one with suppressed cells for a donor. */
export function pagesOf(role: Role): string[] {
  const all = ['', 'indicator/1.1', 'indicator/2.1', 'csos', 'trainings', 'cases', 'regions', 'restatement'];
  if (role !== 'donor') all.push('log', 'verify');
  if (role === 'auditor' || role === 'admin') all.push('reads');
  if (role === 'manager' || role === 'admin') all.push('sheets');
  return all;
}

export const pageName = (path: string) => path.replace('/', '-') || 'overview';

export interface Fixture {
  server: Server;
  context: BrowserContext;
  users: Record<Role, { name: string; pw: string }>;
  close: () => Promise<void>;
}

/** A server on a throwaway store with one user per role, and a Chromium at the given viewport. */
export async function boot(tag: string, viewport = { width: 1440, height: 900 }): Promise<Fixture> {
  if (!HAVE_CHROMIUM) throw new Error(`CI=true and no Chromium at ${CHROMIUM}`);
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), `jalon-e2e-${tag}-`));
  const admin = password('admin');
  const server = await startServer(dir, admin);
  const users = { admin: { name: 'admin', pw: admin } } as Fixture['users'];
  const adminToken = await loginApi(server, 'admin', admin);
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    users[role] = { name: `${tag}-${role}`, pw: password(role) };
    await call(server, '/users', adminToken, { username: users[role].name, password: users[role].pw, role });
  }
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport });
  const close = async () => {
    await context.close();
    await stopServer(server.process);
    rmSync(dir, { recursive: true, force: true });
  };
  return { server, context, users, close };
}

/** Signs in on whatever page the URL opens (a pasted link shows the login form first). */
export async function signInAt(page: Page, fx: Fixture, role: Role, url = `${fx.server.url}/#/?lang=en`): Promise<void> {
  await page.goto(url);
  await page.locator('#username').fill(fx.users[role].name);
  await page.locator('#password').fill(fx.users[role].pw);
  // The form's one button, whatever the language of the link says it.
  await page.locator('.login form button[type="submit"]').click();
  await page.locator('.pages-nav').waitFor({ timeout: 20_000 });
}

/**
 * Opens a page and waits until it shows its content in `lang` and, unless `drawn` is false (a
 * check that reads the DOM, not pixels), until its charts have been drawn once.
 */
export async function openPage(page: Page, fx: Fixture, path: string, lang = 'en', drawn = true): Promise<void> {
  await page.goto(`${fx.server.url}/#/${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
  const name = path.split(/[/?]/)[0];
  const marker = name === '' ? '[data-indicator]' : name === 'indicator' ? '[data-detail] .headline' : `[data-page="${name}"]`;
  await page.locator(marker).first().waitFor({ timeout: 20_000 });
  // The catalog of another language loads on its own: wait until the page speaks the one asked for.
  await page.waitForFunction((l) => document.documentElement.lang === l && document.querySelectorAll('.loading').length === 0, lang, { timeout: 20_000 });
  // ECharts animates its first draw; a check or a screenshot taken mid-animation sees half a chart.
  if (drawn) await page.waitForTimeout(name === '' || name === 'indicator' ? 1200 : 200);
}
