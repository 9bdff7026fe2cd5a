/**
 * The one place that touches ECharts. `use:chart={option}` on a sized element: init with the
 * jalon theme, setOption on every new option, resize with the element, dispose when it goes.
 * Components build options (chart-options.ts) and never see the instance. Only the charts and
 * components registered here are bundled. Charts are made one per task (turns.ts).
 */
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { Action } from 'svelte/action';
import { THEME, THEME_NAME } from './chart-theme.js';
import { afterPaint, createTurns } from './turns.js';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);
echarts.registerTheme(THEME_NAME, THEME);

export type ChartOption = echarts.EChartsCoreOption;

/** One chart made per task, the first at once, so that the first chart is drawn before the others are laid out. */
const turns = createTurns(afterPaint);

export const chart: Action<HTMLElement, ChartOption> = (node, option) => {
  let latest = option;
  let instance: echarts.ECharts | undefined;
  // A frame later: several charts resizing in one observer callback is one layout pass.
  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => instance?.resize());
  });
  const cancel = turns.take(() => {
    instance = echarts.init(node, THEME_NAME, { renderer: 'canvas' });
    instance.setOption(latest);
    observer.observe(node);
  });
  return {
    update(next: ChartOption) {
      latest = next;
      // Series keep their ids from one option to the next, so values animate to the new date;
      // replacing (not merging) them drops any series the new option no longer has.
      instance?.setOption(next, { replaceMerge: ['series', 'xAxis', 'yAxis'] });
    },
    destroy() {
      cancel();
      cancelAnimationFrame(frame);
      observer.disconnect();
      instance?.dispose();
    },
  };
};
