/**
 * Issue 10: the JavaScript a browser loads for any first page is at most 250 kB gzipped. Reads the
 * dashboard's build (npm test builds first); without a build it fails rather than pass unseen.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain ESM script without types
import { BUDGET_KB, firstLoadSizes } from '../../tools/bundle-size.mjs';
import { ROOT } from './support.js';

const DIST = join(ROOT, 'apps/dashboard/dist');

describe('first-page JavaScript of the dashboard', () => {
  it('stays within 250 kB gzipped on every page', () => {
    expect(existsSync(join(DIST, '.vite/manifest.json')), 'build the dashboard first (npm run build)').toBe(true);
    const sizes = firstLoadSizes(DIST) as Record<string, number>;
    console.log(Object.entries(sizes).map(([p, kb]) => `${p}: ${kb} kB`).join('\n'));
    expect(Object.keys(sizes)).toEqual([
      'CasesPage',
      'CsosPage',
      'IndicatorPage',
      'LogPage',
      'OverviewPage',
      'ReadsPage',
      'RegionsPage',
      'RestatementPage',
      'SheetsPage',
      'TrainingsPage',
      'VerifyPage',
    ]);
    expect(BUDGET_KB).toBe(250);
    for (const [page, kb] of Object.entries(sizes)) expect(kb, page).toBeLessThanOrEqual(250);
    // ECharts stays out of pages without charts: a leak would put them near the charted ones.
    expect(sizes.CasesPage).toBeLessThan(100);
  });
});
