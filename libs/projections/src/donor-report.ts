import { fromDayNumber, INDICATORS, OBJECTIVES, PROJECT_END, PROJECT_START, toDayNumber, type Dimension, type ObjectiveCode } from '@jalon/domain';
import { periodsUntil, type Period } from './calendar.js';
import type { IndicatorEngine } from './engine.js';
import type { BreakdownCell, IndicatorValue } from './views.js';

/** What the donor report says, before any language or layout (CONTRACT.md, "Exports and reports"). */
export interface DonorReport {
  /** `2015`, `2015-Q3` or `project`, with its days clipped to the project; the report is as of `end`. */
  period: Period;
  position: number;
  objectives: ReportObjective[];
}

export interface ReportObjective {
  code: ObjectiveCode;
  indicators: ReportIndicator[];
  breakdowns: ReportBreakdown[];
}

export interface ReportIndicator extends IndicatorValue {
  /** The period's own value: for a count, what it added; for a percent, its value at the period's end. */
  periodValue: number | null;
}

export interface ReportBreakdown {
  code: string;
  by: Dimension;
  withheld: boolean;
  cells: BreakdownCell[];
}

/** Every period a report may cover: the whole project, its years and its quarters. */
export function reportPeriods(): Period[] {
  return [
    { period: 'project', start: PROJECT_START, end: PROJECT_END },
    ...periodsUntil(PROJECT_END, 'year'),
    ...periodsUntil(PROJECT_END, 'quarter'),
  ];
}

export function findReportPeriod(key: string): Period | undefined {
  return reportPeriods().find((p) => p.period === key);
}

/**
 * The report as of the period's last day, known at `position`. Breakdowns go through the donor's
 * rules whoever asks (the report goes to the donor): victim-related ones suppressed below
 * `threshold`, as of the last quarter end, at the head.
 */
export function donorReport(engine: IndicatorEngine, period: Period, position: number, threshold: number): DonorReport {
  const at = { asOf: period.end, atPosition: position };
  const now = engine.indicators(at).indicators;
  const before = engine.indicators({ asOf: fromDayNumber(toDayNumber(period.start) - 1), atPosition: position }).indicators;
  const objectives = OBJECTIVES.map(({ code }) => {
    const defs = INDICATORS.filter((d) => d.objective === code);
    const indicators = defs.map((def) => {
      const value = now.find((i) => i.code === def.code)!;
      const earlier = before.find((i) => i.code === def.code)!;
      const periodValue = def.unit === 'count' ? (value.value as number) - (earlier.value as number) : value.value;
      return { ...value, periodValue };
    });
    const breakdowns = defs.flatMap((def) =>
      def.breakdowns.map((by) => {
        const { withheld, cells } = engine.breakdown(def.code, by, at, { threshold });
        return { code: def.code, by, withheld, cells };
      }),
    );
    return { code, indicators, breakdowns };
  });
  return { period, position, objectives };
}
