import type { CsoActivity, TrainingActivity } from '@jalon/contracts';
import { describe, expect, it } from 'vitest';
import { measureByRegion, tileShade, TILES } from './tile-map.js';
import { REGIONS } from './vocabulary.js';

describe('the regions tile map', () => {
  it('has exactly one tile for each of the 12 regions, none overlapping', () => {
    expect(Object.keys(TILES).sort()).toEqual([...REGIONS].sort());
    const cells = Object.values(TILES).flatMap(([row, col, span]) => Array.from({ length: span }, (_, i) => `${row + i}:${col}`));
    expect(new Set(cells).size).toBe(cells.length);
  });

  it('given CSOs in two regions, when measured, then every region has a value, 0 where nothing was done', () => {
    const csos: CsoActivity = {
      asOf: '2016-12-31',
      position: 9,
      regions: [
        { region: 'oriental', mapped: 4, assessed: 2, agreements: 1 },
        { region: 'souss-massa', mapped: 1, assessed: 0, agreements: 0 },
      ],
      scores: [],
    };
    const m = measureByRegion('csosAssessed', csos, null);
    expect(m.size).toBe(12);
    expect(m.get('oriental')).toBe(2);
    expect(m.get('souss-massa')).toBe(0);
  });

  it('given training rows, when measured by participants, then rows of one region add up', () => {
    const row = { quarter: '2015-Q1', audience: 'cso' as const, trainings: 1, tested: 0, improved: 0 };
    const trainings: TrainingActivity = {
      asOf: '2016-12-31',
      position: 9,
      detailed: false,
      rows: [
        { ...row, region: 'oriental', female: 3, male: 2 },
        { ...row, region: 'oriental', female: 1, male: 0 },
      ],
      totals: { trainings: 2, female: 4, male: 2, tested: 0, improved: 0 },
    };
    expect(measureByRegion('participants', null, trainings).get('oriental')).toBe(6);
    expect(measureByRegion('trainings', null, trainings).get('oriental')).toBe(2);
  });

  it('given values, when shaded, then 0 is unshaded and the largest is the darkest of five', () => {
    expect([0, 1, 5, 10].map((v) => tileShade(v, 10))).toEqual([0, 1, 3, 5]);
    expect(tileShade(3, 0)).toBe(0);
  });
});
