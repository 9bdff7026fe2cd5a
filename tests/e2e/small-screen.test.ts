/**
 * Issue 11 (quality): at 360 × 740 px (a small phone) every page of every role fits the screen's
 * width: no horizontal page scroll (wide tables scroll inside their own focusable container), and
 * axe still finds nothing serious there. A failure names the elements that stick out.
 * Screenshots: tests/e2e/screenshots/small-*.png (the overview and an indicator page).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot, openPage, pageName, pagesOf, ROLES, signInAt, type Fixture } from './a11y-support.js';
import { CI, HAVE_CHROMIUM, shot } from './support.js';

const WIDTH = 360;

/** The page's scroll width, and the outermost elements whose box goes past the viewport's right edge. */
function overflow(page: Page): Promise<{ width: number; culprits: string[] }> {
  return page.evaluate((limit) => {
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')} (${Math.round(el.getBoundingClientRect().right)} px)`;
    // What a box that scrolls or clips holds is that box's business, not the page's.
    const clipped = (el: Element) => {
      for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) if (getComputedStyle(e).overflowX !== 'visible') return true;
      return false;
    };
    const out = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > limit + 0.5 && el.getClientRects().length > 0 && !clipped(el));
    // Only the outermost of those: the first box that sticks out.
    const culprits = out.filter((el) => !out.includes(el.parentElement!)).map(describe);
    return { width: document.documentElement.scrollWidth, culprits: culprits.slice(0, 8) };
  }, WIDTH);
}

describe.skipIf(!HAVE_CHROMIUM && !CI)(`every page at ${WIDTH} px wide`, () => {
  let fx: Fixture;
  beforeAll(async () => void (fx = await boot('small', { width: WIDTH, height: 740 })), 300_000);
  afterAll(async () => fx?.close());

  it('fits the login page', { timeout: 60_000 }, async () => {
    const page = await fx.context.newPage();
    await page.goto(`${fx.server.url}/#/?lang=fr`);
    await page.locator('#username').waitFor();
    const { width, culprits } = await overflow(page);
    expect(width, culprits.join('\n')).toBeLessThanOrEqual(WIDTH);
    await page.close();
  });

  for (const role of ROLES) {
    it(`fits every page the ${role} opens, in French and in English`, { timeout: 300_000 }, async () => {
      const page = await fx.context.newPage();
      await signInAt(page, fx, role);
      const wide: string[] = [];
      const serious: string[] = [];
      for (const lang of ['fr', 'en']) {
        for (const path of pagesOf(role)) {
          await openPage(page, fx, path, lang);
          if (role === 'manager' && lang === 'fr' && (path === '' || path === 'indicator/1.1')) await shot(page, `small-${role}-${pageName(path)}.png`);
          await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
          const { width, culprits } = await overflow(page);
          if (width > WIDTH) wide.push(`${role} ${lang} /#/${path}: ${width} px\n    ${culprits.join('\n    ')}`);
          if (lang === 'en') {
            const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
            for (const v of axe.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
              serious.push(`${role} /#/${path}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
          }
        }
      }
      await page.close();
      expect(wide, `\n${wide.join('\n')}\n`).toEqual([]);
      expect(serious, `\n${serious.join('\n')}\n`).toEqual([]);
    });
  }
});
