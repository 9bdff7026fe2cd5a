/**
 * Issue 11 (quality): axe-core finds no serious or critical WCAG 2.1 A/AA violation on any page
 * for any role, nor on the login page. Closed <details> (the data behind charts, the recording
 * form) are opened first so that what they hold is checked too. A failure lists, per violation,
 * the rule, the role, the page and the elements it found.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot, openPage, pagesOf, ROLES, signInAt, type Fixture } from './a11y-support.js';
import { CI, HAVE_CHROMIUM } from './support.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One readable line per serious or critical violation found on the page as it stands. */
async function violations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: [${v.impact}] ${v.id} — ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}${v.nodes.length > 5 ? `\n    …and ${v.nodes.length - 5} more` : ''}`);
}

/** Opens every closed <details> so that its content is checked too. */
const openDetails = (page: Page) => page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

describe.skipIf(!HAVE_CHROMIUM && !CI)('accessibility of every page (axe-core, WCAG 2.1 A/AA)', () => {
  let fx: Fixture;
  beforeAll(async () => void (fx = await boot('a11y')), 300_000);
  afterAll(async () => fx?.close());

  it('finds nothing serious on the login page, in French and in English', { timeout: 60_000 }, async () => {
    const page = await fx.context.newPage();
    const found: string[] = [];
    for (const lang of ['fr', 'en']) {
      await page.goto(`${fx.server.url}/#/?lang=${lang}`);
      await page.locator('#username').waitFor();
      found.push(...(await violations(page, `login (${lang})`)));
    }
    // A refused sign-in shows its error: that state is checked too.
    await page.locator('#username').fill('nobody');
    await page.locator('#password').fill('wrong-password');
    await page.getByRole('button', { name: /Sign in/ }).click();
    await page.locator('[role="alert"]').first().waitFor({ timeout: 20_000 });
    found.push(...(await violations(page, 'login (refused)')));
    await page.close();
    expect(found, `\n${found.join('\n')}\n`).toEqual([]);
  });

  for (const role of ROLES) {
    it(`finds nothing serious on any page the ${role} opens`, { timeout: 300_000 }, async () => {
      const page = await fx.context.newPage();
      await signInAt(page, fx, role);
      const found: string[] = [];
      for (const path of pagesOf(role)) {
        await openPage(page, fx, path);
        await openDetails(page);
        found.push(...(await violations(page, `${role} /#/${path}`)));
      }
      await page.close();
      expect(found, `\n${found.join('\n')}\n`).toEqual([]);
    });
  }
});
