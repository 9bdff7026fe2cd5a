import {
  INDICATORS,
  OBJECTIVES,
  PROJECT_END,
  PROJECT_START,
  TARGET_PERIODS,
  type Dimension,
  type ObjectiveCode,
  type TargetPeriod,
  type Unit,
} from '@jalon/domain';
import type { IndicatorEngine } from './engine.js';

/** The results of the project as IATI 2.03 reports them: a document model, not yet XML. */
export interface IatiResult {
  objective: ObjectiveCode;
  indicators: IatiIndicator[];
}

export interface IatiIndicator {
  code: string;
  unit: Unit;
  /** IATI's indicator measure: 1 unit (counts), 2 percentage. */
  measure: 1 | 2;
  baseline: { year: number; isoDate: string; value: number };
  periods: IatiPeriod[];
}

export interface IatiPeriod {
  start: string;
  end: string;
  /** That year's target in effect, when there is one. */
  target: number | null;
  /** The value as of the earlier of the period's end and asOf; null where a percent is undefined. */
  actual: number | null;
  /** Breakdown cells of indicators that count no victims (empty for victim-related ones). */
  cells: { dimension: Dimension; key: string; value: number }[];
}

/** Every objective's indicators with a period per project year that starts on or before `asOf`. */
export function iatiResults(engine: IndicatorEngine, asOf: string, position: number): IatiResult[] {
  return OBJECTIVES.map((o) => ({
    objective: o.code,
    indicators: INDICATORS.filter((d) => d.objective === o.code).map((def) => ({
      code: def.code,
      unit: def.unit,
      measure: def.unit === 'count' ? 1 : 2,
      baseline: { year: Number(PROJECT_START.slice(0, 4)), isoDate: PROJECT_START, value: def.baseline },
      periods: projectYears(asOf).map((year) => period(engine, def.code, year, asOf, position)),
    })),
  }));
}

function projectYears(asOf: string): { year: TargetPeriod; start: string; end: string }[] {
  return TARGET_PERIODS.map((year) => ({
    year,
    start: later(`${year}-01-01`, PROJECT_START),
    end: earlier(`${year}-12-31`, PROJECT_END),
  })).filter((y) => y.start <= asOf);
}

function period(
  engine: IndicatorEngine,
  code: string,
  y: { year: TargetPeriod; start: string; end: string },
  asOf: string,
  position: number,
): IatiPeriod {
  const def = INDICATORS.find((d) => d.code === code)!;
  const at = { asOf: earlier(y.end, asOf), atPosition: position };
  const actual = engine.indicators(at).indicators.find((i) => i.code === code)!.value;
  const cells = def.sensitive
    ? []
    : def.breakdowns.flatMap((by) =>
        engine.breakdown(code, by, at).cells.map((c) => ({ dimension: by, key: c.key, value: c.value as number })),
      );
  return { start: y.start, end: y.end, target: engine.targets(code, position)[y.year] ?? null, actual, cells };
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);
