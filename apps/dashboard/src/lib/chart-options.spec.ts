import { describe, expect, it } from 'vitest';
import { objectiveChartOption, seriesChartOption, type BulletRow } from './chart-options.js';

const row = (code: string, value: number | null, expected: number | null, target: number | null): BulletRow => ({
  code,
  title: `indicator ${code}`,
  unit: 'count',
  value,
  expected,
  target,
  status: 'green',
});

describe('objective chart', () => {
  const option = objectiveChartOption(
    [row('2.1', 54, 55, 150), row('2.4', 72.3, 70, 70), row('2.7', null, 1, 6), row('9.9', 3, null, null)],
    'en',
  );
  const [actual, expected] = option.series;

  it('draws each indicator as a share of its own target', () => {
    expect(actual.data[0]).toBeCloseTo(36);
    expect(expected.data[0]).toBeCloseTo(36.67, 1);
    expect(actual.data[1]).toBeCloseTo(103.29, 1);
  });

  it('leaves a gap, not a zero, where there is no value or no target', () => {
    expect(actual.data[2]).toBe('-');
    expect(actual.data[3]).toBe('-');
    expect(expected.data[3]).toBe('-');
    expect(option.yAxis[1].data).toEqual(['36%', '103%', '—', '—']);
  });

  it('keeps the 100 % target line in view and rounds the axis up', () => {
    expect(option.xAxis.max).toBe(125);
    expect(objectiveChartOption([row('1.1', 10, 20, 60)], 'fr').xAxis.max).toBe(100);
  });

  it('names its series in the reader’s language', () => {
    expect(objectiveChartOption([row('1.1', 1, 1, 1)], 'fr').series.map((s) => s.name)).toEqual(['Réalisé', 'Attendu']);
  });
});

describe('series chart', () => {
  const points = [
    { period: '2014-Q3', start: '2014-09-01', end: '2014-09-30', value: 0, cumulative: 0, expected: 1.2 },
    { period: '2014-Q4', start: '2014-10-01', end: '2014-12-31', value: 6, cumulative: 6, expected: 5 },
  ];

  it('shows new-per-quarter bars only for counts', () => {
    expect(seriesChartOption(points, 'count', 'en').series.map((s) => (s as { id: string }).id)).toEqual(['new', 'cumulative', 'expected']);
    expect(seriesChartOption(points, 'percent', 'en').series.map((s) => (s as { id: string }).id)).toEqual(['cumulative', 'expected']);
  });

  it('labels quarters in the reader’s language', () => {
    expect(seriesChartOption(points, 'count', 'fr').xAxis.data).toEqual(['T3 2014', 'T4 2014']);
  });

  it('given a phone-wide chart, when its plot is placed, then it leaves more room below for the wrapped legend', () => {
    expect(seriesChartOption(points, 'count', 'en').grid.bottom).toBe(64);
    expect(seriesChartOption(points, 'count', 'en', true).grid.bottom).toBe(110);
  });
});
