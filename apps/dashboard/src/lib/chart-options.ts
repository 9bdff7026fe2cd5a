/**
 * ECharts options, built from API answers. Pure (no DOM, no ECharts import), so the charts'
 * content is decided here and the action only draws it.
 */
import type { SeriesPoint, Status, Unit } from '@jalon/contracts';
import { forDirection } from './chart-direction.js';
import { COLORS } from './chart-theme.js';
import { formatPercent, formatPeriod, formatValue, percentOfTarget } from './format.js';
import { translate, type Lang } from './i18n.js';

export interface BulletRow {
  code: string;
  title: string;
  unit: Unit;
  value: number | null;
  expected: number | null;
  target: number | null;
  status: Status;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function bulletTooltip(row: BulletRow, lang: Lang): string {
  const line = (label: string, v: number | null) => {
    const pct = percentOfTarget(v, row.target);
    const share = pct === null ? '' : ` (${translate(lang, 'chart.ofTarget', { pct: formatPercent(pct, lang, 0) })})`;
    return `${escape(label)} : <b>${formatValue(v, row.unit, lang)}</b>${share}`;
  };
  return [
    `<b>${escape(row.code)}</b> ${escape(row.title)}`,
    line(translate(lang, 'chart.actual'), row.value),
    line(translate(lang, 'chart.expected'), row.expected),
    `${escape(translate(lang, 'chart.target'))} : <b>${formatValue(row.target, row.unit, lang)}</b>`,
  ].join('<br>');
}

/**
 * One chart per objective: a bullet chart. Its indicators mix counts and percentages with very
 * different targets (6 agreements, 150 officials), so each is drawn as a share of its own
 * end-of-project target: a bar for the actual value, a tick for the value expected at the as-of
 * date, and the target as the 100 % line. "Is the bar past the tick?" is then the status
 * question, read the same way for every indicator and like the cards' progress bars.
 */
export function objectiveChartOption(rows: BulletRow[], lang: Lang) {
  const actual = rows.map((r) => percentOfTarget(r.value, r.target));
  const expected = rows.map((r) => percentOfTarget(r.expected, r.target));
  const highest = Math.max(100, ...actual.map((v) => v ?? 0), ...expected.map((v) => v ?? 0));
  const pct = (v: number) => formatPercent(v, lang, 0);
  return forDirection({
    animationDuration: 500,
    grid: { left: 44, right: 60, top: 36, bottom: 28 },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: Array<{ dataIndex: number }>) => bulletTooltip(rows[params[0]?.dataIndex ?? 0], lang),
    },
    // The actual share of target is a column of text on the right (a second category axis), not
    // a label on each bar, where the expected tick would often cover it.
    yAxis: [
      { type: 'category', inverse: true, data: rows.map((r) => r.code), axisLabel: { fontWeight: 'bold' } },
      {
        type: 'category',
        inverse: true,
        position: 'right',
        data: actual.map((v) => (v === null ? translate(lang, 'value.none') : pct(v))),
        axisLine: { show: false },
        axisLabel: { fontWeight: 'bold', color: COLORS.actual },
      },
    ],
    xAxis: {
      type: 'value',
      min: 0,
      max: Math.ceil(highest / 25) * 25,
      interval: 25,
      axisLabel: { formatter: pct },
    },
    series: [
      {
        id: 'actual',
        type: 'bar',
        name: translate(lang, 'chart.actual'),
        data: actual.map((v) => v ?? '-'),
        barWidth: 16,
        itemStyle: { color: COLORS.actual, borderRadius: [0, 3, 3, 0] },
        markLine: {
          silent: true,
          symbol: 'none',
          data: [{ xAxis: 100 }],
          lineStyle: { type: 'dashed', color: COLORS.target, width: 1.5 },
          // The y axis is inverted, so 'start' is the top of the line, clear of the x axis labels.
          label: { formatter: translate(lang, 'chart.target'), color: COLORS.muted, position: 'start' },
        },
      },
      {
        id: 'expected',
        type: 'scatter',
        name: translate(lang, 'chart.expected'),
        data: expected.map((v) => v ?? '-'),
        symbol: 'rect',
        symbolSize: [4, 26],
        itemStyle: { color: COLORS.expected },
        z: 3,
      },
    ],
  }, lang);
}

/**
 * An indicator's quarters: new per quarter (counts), the cumulative actual, the expected line.
 * `narrow` (a phone): the legend wraps onto three lines under the axis, and the plot leaves them room.
 */
export function seriesChartOption(points: SeriesPoint[], unit: Unit, lang: Lang, narrow = false) {
  const fmt = (v: unknown) => (typeof v === 'number' ? formatValue(v, unit, lang) : translate(lang, 'value.none'));
  const line = (id: string, name: string, data: (number | null)[], color: string, dashed: boolean) => ({
    id,
    type: 'line',
    name,
    data: data.map((v) => v ?? '-'),
    symbol: dashed ? 'none' : 'circle',
    symbolSize: 6,
    lineStyle: { width: dashed ? 2 : 3, type: dashed ? 'dashed' : 'solid', color },
    itemStyle: { color },
    z: dashed ? 2 : 3,
  });
  const series: object[] = [];
  if (unit === 'count')
    series.push({
      id: 'new',
      type: 'bar',
      name: translate(lang, 'chart.perPeriod'),
      data: points.map((p) => p.value ?? '-'),
      itemStyle: { color: COLORS.actualLight, borderRadius: [3, 3, 0, 0] },
      barMaxWidth: 28,
    });
  series.push(line('cumulative', translate(lang, 'chart.cumulative'), points.map((p) => p.cumulative), COLORS.actual, false));
  series.push(line('expected', translate(lang, 'chart.expectedLine'), points.map((p) => p.expected), COLORS.expected, true));
  return forDirection({
    animationDuration: 500,
    grid: { left: 52, right: 20, top: 20, bottom: narrow ? 110 : 64 },
    legend: { bottom: 0, left: 'center' },
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    xAxis: { type: 'category', data: points.map((p) => formatPeriod(p.period, lang)), axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'value',
      min: 0,
      max: unit === 'percent' ? 100 : undefined,
      axisLabel: { formatter: (v: number) => (unit === 'percent' ? formatPercent(v, lang, 0) : fmt(v)) },
    },
    series,
  }, lang);
}
