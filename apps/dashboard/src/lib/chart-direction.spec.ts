import { describe, expect, it } from 'vitest';
import { forDirection } from './chart-direction.js';

const option = {
  grid: { left: 44, right: 60, top: 36 },
  legend: { top: 0, left: 0 },
  xAxis: { type: 'value', min: 0 },
  yAxis: [{ type: 'category', inverse: true }, { type: 'category', position: 'right' }],
  series: [{ type: 'bar', itemStyle: { borderRadius: [0, 3, 3, 0] }, label: { show: true, position: 'right' } }],
};

describe('charts for a right-to-left reader', () => {
  it('leaves a left-to-right chart as it is', () => {
    for (const lang of ['fr', 'en', 'de'] as const) expect(forDirection(option, lang)).toBe(option);
  });

  it('mirrors an Arabic chart: axis from the right, sides swapped, bars ending on the left', () => {
    expect(forDirection(option, 'ar')).toEqual({
      grid: { left: 60, right: 44, top: 36 },
      legend: { top: 0, right: 0 },
      xAxis: { type: 'value', min: 0, inverse: true },
      yAxis: [
        { type: 'category', inverse: true, position: 'right' },
        { type: 'category', position: 'left' },
      ],
      series: [{ type: 'bar', itemStyle: { borderRadius: [3, 0, 0, 3] }, label: { show: true, position: 'left' } }],
    });
    expect(option.grid.left, 'the original option is untouched').toBe(44);
  });

  it('keeps a centred legend centred and a time axis running leftwards', () => {
    const mirrored = forDirection({ legend: { bottom: 0, left: 'center' }, xAxis: { type: 'category', data: ['Q1', 'Q2'] } }, 'ar');
    expect(mirrored).toEqual({ legend: { bottom: 0, left: 'center' }, xAxis: { type: 'category', data: ['Q1', 'Q2'], inverse: true } });
  });
});
