/** Colours shared by the charts and the stylesheet (app.css mirrors them as custom properties). */
export const COLORS = {
  ink: '#1b2433',
  muted: '#5b6576',
  grid: '#e3e8ef',
  actual: '#1d5fa8',
  actualLight: '#a9c8ea',
  expected: '#d4700a',
  target: '#5b6576',
} as const;

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif';

export const THEME_NAME = 'jalon';

export const THEME = {
  color: [COLORS.actual, COLORS.expected, COLORS.actualLight],
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT, color: COLORS.ink },
  legend: { textStyle: { color: COLORS.ink, fontSize: 12 } },
  categoryAxis: {
    axisLine: { lineStyle: { color: '#aab3c0' } },
    axisTick: { show: false },
    axisLabel: { color: COLORS.ink, fontSize: 12 },
    splitLine: { show: false },
  },
  valueAxis: {
    axisLine: { show: false },
    axisLabel: { color: COLORS.muted, fontSize: 11 },
    splitLine: { lineStyle: { color: COLORS.grid } },
  },
  tooltip: {
    backgroundColor: '#ffffff',
    borderColor: '#cfd6e0',
    textStyle: { color: COLORS.ink, fontSize: 12 },
  },
};
