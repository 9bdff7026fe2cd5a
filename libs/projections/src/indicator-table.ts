import { indicatorTitle, type Lang } from '@jalon/domain';
import type { IndicatorsView, Status } from './views.js';

/** The columns of the indicator export, in CONTRACT.md's order ("Exports and reports"). */
export const INDICATOR_TABLE_COLUMNS = [
  'code',
  'objective',
  'indicator',
  'unit',
  'baseline',
  'target',
  'expected',
  'value',
  'numerator',
  'denominator',
  'status',
] as const;

export type IndicatorTableColumn = (typeof INDICATOR_TABLE_COLUMNS)[number];
/** A cell: text, a number as computed (never rounded), or null for "empty". */
export type TableCell = string | number | null;
export type IndicatorTableRow = Record<IndicatorTableColumn, TableCell> & { status: Status };

/** One row per indicator in logframe order, `indicator` in `lang`; absent members become null. */
export function indicatorTable(view: IndicatorsView, lang: Lang): IndicatorTableRow[] {
  return view.indicators.map((i) => ({
    code: i.code,
    objective: i.objective,
    indicator: indicatorTitle(i.code, lang),
    unit: i.unit,
    baseline: i.baseline,
    target: i.target,
    expected: i.expected,
    value: i.value,
    numerator: i.numerator ?? null,
    denominator: i.denominator ?? null,
    status: i.status,
  }));
}
