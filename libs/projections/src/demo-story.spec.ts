import { demoHistory } from '@jalon/domain';
import { describe, expect, it } from 'vitest';
import { IndicatorEngine } from './engine.js';
import type { IndicatorsView } from './views.js';

/**
 * The demo tells a true-to-life story, read by the real engine: some indicators start late (red or
 * amber at the end of 2015) and catch up, one stays behind, one overshoots, the rest land near
 * their targets. A change to the generator that flattens the story fails here.
 */
const engine = new IndicatorEngine();
demoHistory().forEach((event, i) => engine.apply({ ...event, position: i + 1 }));

function statuses(view: IndicatorsView): Record<string, string> {
  return Object.fromEntries(view.indicators.map((i) => [i.code, i.status]));
}

function ratio(view: IndicatorsView, code: string): number {
  const i = view.indicators.find((v) => v.code === code)!;
  return (i.value as number) / (i.expected as number);
}

describe('the demo history, as the indicator engine reads it', () => {
  const end2015 = engine.indicators({ asOf: '2015-12-31' });
  const end = engine.indicators({ asOf: '2016-12-31' });

  it('at the end of 2015: CSO trainings and returns lag (amber), agreements and reintegration have barely started (red)', () => {
    expect(statuses(end2015)).toEqual({
      '1.1': 'green', '1.2': 'green', '1.3': 'green',
      '2.1': 'green', '2.2': 'amber', '2.3': 'green', '2.4': 'green', '2.5': 'green', '2.6': 'green', '2.7': 'red',
      '3.1': 'amber', '3.2': 'red', '3.3': 'red',
    });
  });

  it('at the end: the late starters caught up, officials trained stay behind the raised target (amber), the rest are green', () => {
    expect(statuses(end)).toEqual({
      '1.1': 'green', '1.2': 'green', '1.3': 'green',
      '2.1': 'amber', '2.2': 'green', '2.3': 'green', '2.4': 'green', '2.5': 'green', '2.6': 'green', '2.7': 'green',
      '3.1': 'green', '3.2': 'green', '3.3': 'green',
    });
  });

  it('at the end: CSOs mapped overshoot well above target; no other indicator is far from its target', () => {
    expect(ratio(end, '2.5')).toBeGreaterThanOrEqual(1.3);
    for (const i of end.indicators.filter((v) => !['2.1', '2.5'].includes(v.code)))
      expect(ratio(end, i.code), i.code).toBeGreaterThan(0.9);
    for (const i of end.indicators.filter((v) => !['2.1', '2.5'].includes(v.code)))
      expect(ratio(end, i.code), i.code).toBeLessThan(1.15);
  });

  it('not every count lands exactly on its target', () => {
    const exact = end.indicators.filter((i) => i.unit === 'count' && i.value === i.target);
    expect(exact.length).toBeLessThanOrEqual(3);
  });
});
