import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ReportSection } from '@jalon/projections';

echarts.use([BarChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

/** The status colours of the dashboard, so the report reads like the screen. */
const BAR = '#2f6f9f';
const MARK = '#b3541e';

/**
 * One objective's chart as an SVG string, rendered on the server (ECharts' SSR mode: no browser,
 * no canvas): each indicator's value as a share of its end-of-project target, with the expected share
 * marked beside it, so counts and percents read on one scale.
 */
export function objectiveChartSvg(chart: ReportSection['chart'], width = 640): string {
  const height = 60 + 28 * chart.bars.length;
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const codes = chart.bars.map((b) => b.code);
  const max = Math.max(100, ...chart.bars.flatMap((b) => [b.progress ?? 0, b.expected ?? 0]));
  instance.setOption({
    animation: false,
    textStyle: { fontFamily: 'Helvetica, Arial, sans-serif' },
    legend: { data: chart.legend, top: 0, textStyle: { fontSize: 11 } },
    grid: { left: 44, right: 24, top: 28, bottom: 24 },
    xAxis: { type: 'value', min: 0, max: Math.ceil(max / 20) * 20, axisLabel: { formatter: '{value} %', fontSize: 10 } },
    yAxis: { type: 'category', data: codes, inverse: true, axisLabel: { fontSize: 11 } },
    series: [
      {
        name: chart.legend[0],
        type: 'bar',
        data: chart.bars.map((b) => round(b.progress)),
        itemStyle: { color: BAR },
        barWidth: 14,
        markLine: { silent: true, symbol: 'none', data: [{ xAxis: 100 }], lineStyle: { color: '#555', type: 'dashed' }, label: { show: false } },
      },
      { name: chart.legend[1], type: 'scatter', data: chart.bars.map((b) => round(b.expected)), symbol: 'diamond', symbolSize: 11, itemStyle: { color: MARK } },
    ],
  });
  const svg = instance.renderToSVGString();
  instance.dispose();
  return svg;
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
