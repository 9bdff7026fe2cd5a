import { findIndicator, PROJECT } from '@jalon/domain';
import type { IndicatorValue, IndicatorsView, Status } from '@jalon/projections';

const COLUMNS = ['code', 'indicator', 'value', 'target', 'expected', 'status'] as const;
const RIGHT_ALIGNED = new Set<string>(['value', 'target', 'expected']);

/** Rounded for the eye only; the JSON output keeps the engine's exact numbers. */
export function number(value: number | null, unit: IndicatorValue['unit']): string {
  if (value === null) return '—';
  if (unit === 'percent') return `${value.toFixed(1)} %`;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function row(i: IndicatorValue): Record<(typeof COLUMNS)[number], string> {
  return {
    code: i.code,
    indicator: findIndicator(i.code)?.title.en ?? i.code,
    value: number(i.value, i.unit),
    target: number(i.target, i.unit),
    expected: number(i.expected, i.unit),
    status: i.status,
  };
}

/** Green, amber and red always (a zero says as much as a count); the others only when present. */
const ALWAYS: readonly Status[] = ['green', 'amber', 'red'];
const WHEN_PRESENT: readonly Status[] = ['no-data', 'no-target'];

/** The status mix, e.g. `status: 7 green, 3 amber, 2 red, 1 no-data`. */
export function formatStatusMix(view: IndicatorsView): string {
  const count = (s: Status) => view.indicators.filter((i) => i.status === s).length;
  const shown = [...ALWAYS, ...WHEN_PRESENT.filter((s) => count(s) > 0)];
  return `status: ${shown.map((s) => `${count(s)} ${s}`).join(', ')}`;
}

/** A plain-text table of every indicator, with the evaluation it answers, the status mix and the targets' caveat. */
export function formatIndicatorTable(view: IndicatorsView): string {
  const rows = view.indicators.map(row);
  const widths = COLUMNS.map((c) => Math.max(c.length, ...rows.map((r) => [...r[c]].length)));
  const line = (cells: Record<string, string>) =>
    COLUMNS.map((c, k) => (RIGHT_ALIGNED.has(c) ? cells[c].padStart(widths[k]) : cells[c].padEnd(widths[k])))
      .join('  ')
      .trimEnd();
  const header = Object.fromEntries(COLUMNS.map((c) => [c, c]));
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [
    `Indicators as of ${view.asOf}, log position ${view.position}`,
    '',
    line(header),
    rule,
    ...rows.map(line),
    '',
    formatStatusMix(view),
    '',
    PROJECT.notice.en,
    '',
  ].join('\n');
}
