import type { IndicatorValue, IndicatorsView, Status } from '@jalon/projections';
import { describe, expect, it } from 'vitest';
import { formatIndicatorTable, formatStatusMix } from './replay-table.js';

function view(...statuses: Status[]): IndicatorsView {
  const indicators = statuses.map(
    (status, k) => ({ code: `1.${k + 1}`, unit: 'count', value: k, target: 10, expected: 5, status }) as unknown as IndicatorValue,
  );
  return { asOf: '2015-12-31', position: 42, indicators };
}

describe('formatStatusMix', () => {
  it('given 3 green, 1 amber and no red, when formatted, then green, amber and red are always counted, in that order', () => {
    expect(formatStatusMix(view('amber', 'green', 'green', 'green'))).toBe('status: 3 green, 1 amber, 0 red');
  });

  it('given a no-data and a no-target, when formatted, then they follow red, only when present', () => {
    expect(formatStatusMix(view('red', 'no-target', 'no-data', 'red', 'green'))).toBe('status: 1 green, 0 amber, 2 red, 1 no-data, 1 no-target');
  });
});

describe('formatIndicatorTable', () => {
  it('given a view, when printed, then the status mix is the line under the table', () => {
    const lines = formatIndicatorTable(view('green', 'red')).split('\n');
    const at = lines.indexOf('status: 1 green, 0 amber, 1 red');
    expect(at).toBeGreaterThan(0);
    expect(lines[at - 2]).toMatch(/^1\.2\s.*red$/);
    expect(lines[at - 1]).toBe('');
  });
});
