/**
 * Issue 11 (quality): at 360 × 740 px (a small phone) every page of every role fits the screen's
 * width in French and English: no horizontal page scroll (wide tables scroll inside their own
 * focusable container), and axe still finds nothing serious there (in English). The manager's
 * pages (and the admin's one extra page) fit in German, whose words are long, and in Arabic,
 * where the document runs right to left and a box that sticks out does so on the left; the login
 * page fits in all four. A failure names the role, the language, the page and the elements that
 * stick out. Screenshots: tests/e2e/screenshots/small-*.png (the overview and an indicator page,
 * in French, German and Arabic).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot, LANGS, openPage, pageName, pagesOf, ROLES, signInAt, type Fixture, type Lang, type Role } from './a11y-support.js';
import { CI, HAVE_CHROMIUM, shot } from './support.js';

const WIDTH = 360;

/**
 * The page's scroll width, and the outermost elements whose box goes past either edge of the
 * viewport: past the right one left to right, past the left one right to left (where the page
 * scrolls that way), and the side that cannot be scrolled to at all is just as broken.
 */
function overflow(page: Page): Promise<{ width: number; culprits: string[] }> {
  return page.evaluate((limit) => {
    const describe = (el: Element) => {
      const box = el.getBoundingClientRect();
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')} (${Math.round(box.left)}…${Math.round(box.right)} px)`;
    };
    // What a box that scrolls or clips holds is that box's business, not the page's.
    const clipped = (el: Element) => {
      for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) if (getComputedStyle(e).overflowX !== 'visible') return true;
      return false;
    };
    // Text only for screen readers is a 1 px box clipped to nothing: wherever it sits, nobody sees it.
    const hidden = (el: Element) => el.closest('.visually-hidden') !== null;
    const sticksOut = (el: Element) => {
      const box = el.getBoundingClientRect();
      return (box.right > limit + 0.5 || box.left < -0.5) && el.getClientRects().length > 0;
    };
    const out = [...document.body.querySelectorAll('*')].filter((el) => sticksOut(el) && !clipped(el) && !hidden(el));
    // Only the outermost of those: the first box that sticks out.
    const culprits = out.filter((el) => !out.includes(el.parentElement!)).map(describe);
    return { width: document.documentElement.scrollWidth, culprits: culprits.slice(0, 8) };
  }, WIDTH);
}

/** The pages an admin opens that a manager does not: checked beside the manager's in German and Arabic. */
const adminOnly = pagesOf('admin').filter((p) => !pagesOf('manager').includes(p));

/** A new tab signed in as `role` (the session lives in the tab). */
async function signedIn(fx: Fixture, role: Role): Promise<Page> {
  const page = await fx.context.newPage();
  await signInAt(page, fx, role);
  return page;
}

/** Opens each page in `lang` in a tab signed in as `role`; what sticks out (and, if asked, axe's serious findings). */
async function fitPages(page: Page, fx: Fixture, role: Role, lang: Lang, paths: string[], axe = false): Promise<{ wide: string[]; serious: string[] }> {
  const wide: string[] = [];
  const serious: string[] = [];
  for (const path of paths) {
    const screenshot = role === 'manager' && lang !== 'en' && (path === '' || path === 'indicator/1.1');
    // Only a screenshot waits for the charts' first draw: the checks read boxes, not pixels.
    await openPage(page, fx, path, lang, screenshot);
    if (screenshot)
      await shot(page, `small-${role}-${lang === 'fr' ? '' : `${lang}-`}${pageName(path)}.png`);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const { width, culprits } = await overflow(page);
    const where = `${role} ${lang} /#/${path}`;
    if (width > WIDTH || culprits.length > 0) wide.push(`${where}: ${width} px\n    ${culprits.join('\n    ')}`);
    const dir = await page.evaluate(() => document.documentElement.dir);
    if (dir !== (lang === 'ar' ? 'rtl' : 'ltr')) wide.push(`${where}: the document's direction is ${dir}`);
    if (axe) {
      const found = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const v of found.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
        serious.push(`${where}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
    }
  }
  return { wide, serious };
}

describe.skipIf(!HAVE_CHROMIUM && !CI)(`every page at ${WIDTH} px wide`, () => {
  let fx: Fixture;
  beforeAll(async () => void (fx = await boot('small', { width: WIDTH, height: 740 })), 300_000);
  afterAll(async () => fx?.close());

  it('fits the login page, in each of the four languages', { timeout: 60_000 }, async () => {
    const page = await fx.context.newPage();
    const wide: string[] = [];
    for (const lang of LANGS) {
      await page.goto(`${fx.server.url}/#/?lang=${lang}`);
      await page.locator('#username').waitFor();
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      const { width, culprits } = await overflow(page);
      if (width > WIDTH || culprits.length > 0) wide.push(`login ${lang}: ${width} px\n    ${culprits.join('\n    ')}`);
    }
    await page.close();
    expect(wide, `\n${wide.join('\n')}\n`).toEqual([]);
  });

  for (const role of ROLES) {
    it(`fits every page the ${role} opens, in French and in English`, { timeout: 300_000 }, async () => {
      const page = await signedIn(fx, role);
      const fr = await fitPages(page, fx, role, 'fr', pagesOf(role));
      const en = await fitPages(page, fx, role, 'en', pagesOf(role), true);
      await page.close();
      expect([...fr.wide, ...en.wide], `\n${[...fr.wide, ...en.wide].join('\n')}\n`).toEqual([]);
      expect(en.serious, `\n${en.serious.join('\n')}\n`).toEqual([]);
    });
  }

  for (const lang of ['de', 'ar'] as const) {
    it(`fits every page of the manager (and the admin's ${adminOnly.join(', ')}), in ${lang}`, { timeout: 300_000 }, async () => {
      const manager = await signedIn(fx, 'manager');
      const admin = await signedIn(fx, 'admin');
      const wide = [...(await fitPages(manager, fx, 'manager', lang, pagesOf('manager'))).wide, ...(await fitPages(admin, fx, 'admin', lang, adminOnly)).wide];
      await Promise.all([manager.close(), admin.close()]);
      expect(wide, `\n${wide.join('\n')}\n`).toEqual([]);
    });
  }
});
