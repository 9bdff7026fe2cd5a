/**
 * Issue 11 (quality), the keyboard: on the overview, Tab reaches every control in the order of the
 * page, and each one shows a focus ring (a computed outline at least 2 px wide, 3:1 against what
 * is behind it); the skip link takes the focus past the top bar and the page links without
 * changing the page; a card's link opens its indicator with the focus on the page's title; the
 * recording form is opened, walked and submitted from the keyboard, and a refused submission puts
 * the focus on the first field to fix. Screenshot: tests/e2e/screenshots/keyboard-focus.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot, openPage, signInAt, type Fixture } from './a11y-support.js';
import { CI, HAVE_CHROMIUM, panelShot, SHOTS } from './support.js';

interface Stop {
  /** What has the focus: `#id`, else tag.class. */
  name: string;
  /** Its place among the page's tabbable elements (see `tabbables`), or -1. */
  index: number;
  ring: { style: string; width: number; color: string; behind: string };
  inView: boolean;
}

/** The focused element, the outline drawn for it (on the card for a card's link) and what is behind that ring. */
function focused(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const name = el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join('')}`;
    const ringOn = (el.matches('.card-link') ? el.closest<HTMLElement>('.card') : el)!;
    const cs = getComputedStyle(ringOn);
    const box = ringOn.getBoundingClientRect();
    // The ring's middle line, beside the element's left edge (or inside it for an inset ring).
    const offset = parseFloat(cs.outlineOffset) + parseFloat(cs.outlineWidth) / 2;
    const x = Math.min(Math.max(box.left - offset, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
    let under = document.elementsFromPoint(x, y).find((e) => offset < 0 || !ringOn.contains(e)) ?? document.body;
    let behind = 'rgb(255, 255, 255)';
    for (let e: Element | null = under; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      const alpha = /rgba\(.*,\s*([\d.]+)\)/.exec(bg);
      if (bg !== 'transparent' && (!alpha || Number(alpha[1]) > 0.5)) {
        behind = bg;
        break;
      }
    }
    const inView = box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
    const index = Number(el.dataset.kbStop ?? -1);
    return { name, index, ring: { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor, behind }, inView };
  });
}

const rgb = (css: string) => (/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(css) ?? []).slice(1, 4).map(Number);
function luminance(css: string): number {
  const [r, g, b] = rgb(css).map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** A screenshot of an element with a margin around it, where its focus ring is drawn. */
async function ringShot(page: Page, selector: string, name: string): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  const m = 12;
  await page.screenshot({ path: join(SHOTS, name), clip: { x: Math.max(0, box.x - m), y: Math.max(0, box.y - m), width: box.width + 2 * m, height: box.height + 2 * m } });
}

/** A stop's ring problems, if any. */
const ringProblems = (s: Stop) =>
  [
    s.ring.style === 'none' || s.ring.width < 2 ? `no focus ring (${s.ring.style} ${s.ring.width}px)` : '',
    s.ring.style !== 'none' && contrast(s.ring.color, s.ring.behind) < 3 ? `ring ${s.ring.color} on ${s.ring.behind}: ${contrast(s.ring.color, s.ring.behind).toFixed(2)}:1` : '',
    s.inView ? '' : 'out of view',
  ].filter(Boolean);

/** Every control Tab should reach, in the page's order (shown, enabled, not taken out of the order); each is numbered. */
function tabbables(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')]
      .filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }))
      .map((el, i) => {
        el.dataset.kbStop = String(i);
        return `${i} ${el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join('')}`} ${el.textContent?.trim().slice(0, 30) ?? ''}`;
      }),
  );
}

describe.skipIf(!HAVE_CHROMIUM && !CI)('the dashboard from the keyboard', () => {
  let fx: Fixture;
  beforeAll(async () => void (fx = await boot('keys')), 300_000);
  afterAll(async () => fx?.close());

  it('tabs through the overview in page order with a visible ring on every stop', { timeout: 180_000 }, async () => {
    const page = await fx.context.newPage();
    await signInAt(page, fx, 'manager');
    await fromTop(page);
    const hash = await page.evaluate(() => location.hash);
    const expected = await tabbables(page);
    expect(expected.length).toBeGreaterThan(30);

    // From the top of the document: the skip link first, shown on the screen, then the focus past the page links.
    await page.keyboard.press('Tab');
    const skip = (await focused(page))!;
    expect(skip.name).toBe('a.skip-link');
    expect(skip.index).toBe(0);
    expect(ringProblems(skip)).toEqual([]);
    await panelShot(page, '.topbar', 'keyboard-focus-skip-link.png');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('content');
    expect(await page.evaluate(() => location.hash)).toBe(hash);
    await page.keyboard.press('Tab');
    expect((await focused(page))!.name).toBe('#asof');

    // From the start again, every stop in order, each with its ring.
    await fromTop(page);
    const order = await tabbables(page);
    const stops: string[] = [];
    const problems: string[] = [];
    // A date input is three stops (day, month, year) on one element: it counts once.
    for (let i = 0; i < order.length * 3; i++) {
      await page.keyboard.press('Tab');
      const stop = await focused(page);
      if (!stop) break;
      const label = stop.index >= 0 ? order[stop.index] : `(not expected) ${stop.name}`;
      if (label !== stops.at(-1)) stops.push(label);
      problems.push(...ringProblems(stop).map((p) => `${stop.name}: ${p}`));
      if (stop.name === 'a.card-link' && stops.filter((s) => s.includes('a.card-link')).length === 2) await shot(page);
    }
    expect(stops).toEqual(order);
    expect(problems, problems.join('\n')).toEqual([]);
    await page.close();
  });

  /** A fresh document: Tab starts from its top, whatever had the focus before. */
  async function fromTop(page: Page): Promise<void> {
    await page.reload();
    await openPage(page, fx, '');
  }

  const shot = (page: Page) => ringShot(page, '.card:has(.card-link:focus-visible)', 'keyboard-focus-card.png');

  it('opens an indicator from its card with Enter, the focus on the new page’s title', { timeout: 60_000 }, async () => {
    const page = await fx.context.newPage();
    await signInAt(page, fx, 'auditor');
    await openPage(page, fx, '');
    await page.locator('[data-indicator="1.2"] .card-link').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.startsWith('#/indicator/1.2'));
    await page.waitForFunction(() => document.activeElement?.id === 'indicator-title', undefined, { timeout: 10_000 });
    // Back with the page links: Enter on "Overview", the focus on the overview's title.
    await page.locator('[data-nav="overview"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'project-title', undefined, { timeout: 10_000 });
    await page.close();
  });

  it('walks the recording form in order and puts the focus on the first field to fix', { timeout: 60_000 }, async () => {
    const page = await fx.context.newPage();
    await signInAt(page, fx, 'manager');
    await openPage(page, fx, '');
    const summary = page.locator('[data-panel="record"] summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-panel="record"] details').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    const order = await page.locator('[data-panel="record"] details').evaluate((details) =>
      [...details.querySelectorAll<HTMLElement>('select, input, button')].map((el) => (el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}[${(el as HTMLInputElement).type}]`)),
    );
    expect(order[0]).toBe('#record-kind');
    const seen: string[] = [];
    const problems: string[] = [];
    for (let i = 0; seen.length < order.length && i < order.length * 3; i++) {
      await page.keyboard.press('Tab');
      const stop = (await focused(page))!;
      problems.push(...ringProblems(stop).map((p) => `${stop.name}: ${p}`));
      const name = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement;
        return el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}[${el.type}]`;
      });
      if (name !== seen.at(-1)) seen.push(name);
    }
    expect(seen).toEqual(order);
    expect(problems, problems.join('\n')).toEqual([]);
    await ringShot(page, '[data-panel="record"] button[type="submit"]', 'keyboard-focus-submit.png');
    // Enter on the submit button with nothing filled: the form says what is missing and the focus goes there.
    await page.keyboard.press('Enter');
    await page.locator('[data-panel="record"] [role="alert"]').waitFor();
    const firstInvalid = await page.locator('[data-panel="record"] [aria-invalid="true"]').first().getAttribute('id');
    await page.waitForFunction((id) => document.activeElement?.id === id, firstInvalid, { timeout: 5_000 });
    await page.close();
  });
});
