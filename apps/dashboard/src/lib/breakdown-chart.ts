/**
 * A breakdown as a horizontal bar chart. A suppressed cell (the donor's view of small counts)
 * keeps its row, labelled "< T" with no bar: the chart never holds its number, not even hidden.
 */
import type { BreakdownView } from '@jalon/contracts';
import { forDirection } from './chart-direction.js';
import { COLORS } from './chart-theme.js';
import { formatValue } from './format.js';
import type { Lang } from './i18n.js';

export function suppressedLabel(threshold: number | undefined): string {
  return threshold === undefined ? '< ?' : `< ${threshold}`;
}

export function breakdownChartOption(b: BreakdownView, label: (key: string) => string, lang: Lang) {
  // Largest at the top: ECharts draws a category axis from the bottom up.
  const cells = [...b.cells].reverse();
  // A suppressed cell has no bar ('-'); its "< T" goes with its name on the axis.
  const data = cells.map((c) => ({ value: c.suppressed || c.value === null ? '-' : c.value }));
  const names = cells.map((c) => (c.suppressed || c.value === null ? `${label(c.key)}  ${suppressedLabel(b.threshold)}` : label(c.key)));
  return forDirection({
    animationDuration: 400,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { show: false },
    xAxis: { type: 'value', min: 0, minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: { type: 'category', data: names, axisLabel: { width: 170, overflow: 'truncate' } },
    series: [
      {
        id: 'cells',
        type: 'bar',
        data,
        barMaxWidth: 18,
        itemStyle: { color: COLORS.actual, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatValue(p.value, 'count', lang) : '') },
      },
    ],
  }, lang);
}
