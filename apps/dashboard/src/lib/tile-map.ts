/**
 * Morocco's 12 regions (DOMAIN.md) as tiles on a grid laid out roughly as the country: north at
 * the top, the Atlantic coast on the left. A schematic, not a map: no boundaries, no other region.
 */
import type { CsoActivity, TrainingActivity } from '@jalon/contracts';
import { REGIONS } from './vocabulary.js';

/** [row, column, rows spanned] of each region's tile. */
export const TILES: Record<(typeof REGIONS)[number], [number, number, number]> = {
  'tanger-tetouan-al-hoceima': [1, 3, 1],
  oriental: [1, 4, 2],
  'rabat-sale-kenitra': [2, 2, 1],
  'fes-meknes': [2, 3, 1],
  'casablanca-settat': [3, 2, 1],
  'beni-mellal-khenifra': [3, 3, 1],
  'draa-tafilalet': [3, 4, 2],
  'marrakech-safi': [4, 2, 1],
  'souss-massa': [4, 3, 1],
  'guelmim-oued-noun': [5, 2, 1],
  'laayoune-sakia-el-hamra': [6, 1, 1],
  'dakhla-oued-ed-dahab': [7, 1, 1],
};

export const MEASURES = ['csosMapped', 'csosAssessed', 'csosAgreements', 'trainings', 'participants'] as const;
export type Measure = (typeof MEASURES)[number];

/** The chosen measure's value for every one of the 12 regions (0 where nothing was done). */
export function measureByRegion(measure: Measure, csos: CsoActivity | null, trainings: TrainingActivity | null): Map<string, number> {
  const out = new Map<string, number>(REGIONS.map((r) => [r, 0]));
  if (measure.startsWith('csos')) {
    const field = measure === 'csosMapped' ? 'mapped' : measure === 'csosAssessed' ? 'assessed' : 'agreements';
    for (const r of csos?.regions ?? []) if (out.has(r.region)) out.set(r.region, r[field]);
  } else {
    for (const r of trainings?.rows ?? [])
      if (out.has(r.region)) out.set(r.region, out.get(r.region)! + (measure === 'trainings' ? r.trainings : r.female + r.male));
  }
  return out;
}

/** A tile's fill: five steps of the brand blue by share of the largest value; grey for none. */
export function tileShade(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(5, Math.ceil((value / max) * 5));
}
