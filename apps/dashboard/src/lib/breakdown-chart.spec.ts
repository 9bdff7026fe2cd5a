import type { BreakdownView } from '@jalon/contracts';
import { describe, expect, it } from 'vitest';
import { breakdownChartOption, suppressedLabel } from './breakdown-chart.js';

const donorView: BreakdownView = {
  code: '1.1',
  by: 'nationality',
  asOf: '2015-06-30',
  position: 90,
  withheld: false,
  threshold: 5,
  cells: [
    { key: 'NG', value: 9, suppressed: false },
    { key: 'CM', value: null, suppressed: true },
    { key: 'SN', value: null, suppressed: true },
  ],
};

describe('the breakdown chart', () => {
  it('given suppressed cells, when charted, then they are rows labelled "< 5" with no value anywhere in the option', () => {
    const option = breakdownChartOption(donorView, (k) => `land ${k}`, 'en');
    expect(option.yAxis.data).toEqual(['land SN  < 5', 'land CM  < 5', 'land NG']);
    const data = option.series[0].data as Array<{ value: unknown }>;
    expect(data.map((d) => d.value)).toEqual(['-', '-', 9]);
    expect(JSON.stringify(option)).not.toMatch(/"value":\s*[0-4]\b/);
  });

  it('given the threshold, when labelled, then it reads "< T"; without one (never for a donor) a question mark, not a guess', () => {
    expect(suppressedLabel(11)).toBe('< 11');
    expect(suppressedLabel(undefined)).toBe('< ?');
  });
});
